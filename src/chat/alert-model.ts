import type { Lang } from "../../commands/types.js";
import { playerPageUrl } from "../pages/page-link.js";
import type { RumourEvent } from "../queues.js";
import type { Stage } from "../understand/types.js";
import { quoteEvidence } from "./evidence-text.js";
import { clubName, messages } from "./messages/index.js";

/** The credibility mark: how solid the story is (README "Credibility"). */
export const CREDIBILITY_MARK: Record<RumourEvent["credibility"], string> = {
  high: "★★★",
  medium: "★★☆",
  low: "★☆☆",
};

export function stageName(stage: Stage, lang: Lang): string {
  return messages(lang).stage[stage];
}

/**
 * An alert as every platform shows it, before markup: each adapter escapes these strings (they come from
 * feeds) and lays them out in its own way.
 */
export interface AlertModel {
  /** "Kim Min-Jae (Bayern Munich)" */
  headline: string;
  /** Why it is pushed, one entry per moved link: "new: Milan (talks)", "Milan: talks → agreement". */
  why: string[];
  /** The player's whole board: "Milan: talks", "Inter: interest". */
  board: string[];
  /** "★★☆ 3 outlets · sources: Sport Bild, Tuttosport" */
  evidence: string;
  /** The words that decided each moved link, with their outlet: "Milan: «accordo raggiunto» — Gazzetta". */
  quotes: string[];
  articles: { title: string; url: string; outlet: string }[];
  /** The player's rumour page (his timeline), when PUBLIC_URL is set. */
  pageUrl?: string;
}

/** `publicUrl` is PUBLIC_URL: given, the model carries the player's page link. */
export function alertModel(e: RumourEvent, lang: Lang, publicUrl?: string): AlertModel {
  const m = messages(lang);
  const club = (name: string) => clubName(name, lang);
  const why = e.changes.map((c) => {
    const s = stageName(c.stage, lang);
    switch (c.kind) {
      case "new":
        return `${m.alert.new}: ${club(c.club)} (${s})`;
      case "stage":
        return `${club(c.club)}: ${c.previous ? stageName(c.previous, lang) : "?"} → ${s}`;
      default:
        return `${club(c.club)}: ${s}`;
    }
  });
  const cited = e.cited.length ? ` · ${m.alert.sources}: ${e.cited.join(", ")}` : "";
  const mark = CREDIBILITY_MARK[e.credibility];
  return {
    headline: `${e.player.name}${e.player.club ? ` (${club(e.player.club)})` : ""}`,
    why,
    board: e.links.map((l) => `${club(l.club)}: ${stageName(l.stage, lang)}`),
    evidence: `${mark} ${m.common.outlets(e.outlets)}${cited}`,
    quotes: e.changes.flatMap((c) => (c.evidence ? [`${club(c.club)}: ${quoteEvidence(c.evidence)}`] : [])),
    articles: e.articles.map((a) => ({ title: a.title, url: a.url, outlet: a.outlet })),
    ...(publicUrl ? { pageUrl: playerPageUrl(publicUrl, e.player.key, lang) } : {}),
  };
}
