import type { Extraction } from "./types.js";

/** The `extract` CLI's JSON for one article. */
export interface ExtractJson {
  file: string;
  published: string | null;
  players: { name: string; club: string | null; links: { club: string; stage: string }[] }[];
  clubs: string[];
  cited: string[];
}

/** Shapes an extraction for the `extract` CLI: names, clubs and stages only, no keys or flags. */
export function toExtractJson(file: string, published: string | null, x: Extraction): ExtractJson {
  return {
    file,
    published,
    players: x.players.map((p) => ({
      name: p.name,
      club: p.club,
      links: p.links.map((l) => ({ club: l.club, stage: l.stage })),
    })),
    clubs: [...x.clubs],
    cited: [...x.cited],
  };
}
