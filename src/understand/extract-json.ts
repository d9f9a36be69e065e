import type { Evidence, Extraction, Stage } from "./types.js";

/** One link as the `extract` CLI prints it: `claimed` only when the article claims more than it states. */
export interface ExtractLinkJson {
  club: string;
  stage: Stage;
  claimed?: Stage;
  /** The words that decided the stage (or the claim) and how sure they are; null when the extractor gave none. */
  evidence: Evidence | null;
}

/** The `extract` CLI's JSON for one article. */
export interface ExtractJson {
  file: string;
  published: string | null;
  players: { name: string; club: string | null; links: ExtractLinkJson[] }[];
  clubs: string[];
  cited: string[];
}

/** Shapes an extraction for the `extract` CLI: names, clubs, stages and their evidence; no keys or flags. */
export function toExtractJson(file: string, published: string | null, x: Extraction): ExtractJson {
  return {
    file,
    published,
    players: x.players.map((p) => ({
      name: p.name,
      club: p.club,
      links: p.links.map((l) => ({
        club: l.club,
        stage: l.stage,
        ...(l.claimed ? { claimed: l.claimed } : {}),
        evidence: l.evidence ? { text: l.evidence.text, certainty: l.evidence.certainty } : null,
      })),
    })),
    clubs: [...x.clubs],
    cited: [...x.cited],
  };
}
