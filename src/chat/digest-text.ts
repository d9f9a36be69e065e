import type { Lang } from "../../commands/types.js";
import type { Digest, DigestLine } from "../queues.js";
import { stageName } from "./alert-model.js";
import { claimText } from "./claim-text.js";

/** A digest section as every platform shows it, before markup: a title and its lines (feed text inside). */
export interface DigestSection {
  title: string;
  lines: DigestLineText[];
}

export interface DigestLineText {
  /** "Milan: talks → agreement · 3 outlets" */
  text: string;
  /** "held during quiet hours" / "held: hourly limit", or null. */
  held: string | null;
  /** Stages reported without certainty: "agreement (unconfirmed): reported by one outlet «…» — Blog". */
  claims: string[];
  article: { title: string; url: string; outlet: string } | null;
}

function lineText(l: DigestLine, lang: Lang): DigestLineText {
  const it = lang === "it";
  const moves = l.moves.filter((m, i) => i === 0 || m !== l.moves[i - 1]);
  const path = moves.length > 1 || (moves.length === 1 && moves[0] !== l.stage) ? moves : [];
  const stage = path.length
    ? [
        ...path.map((s) => stageName(s, lang)),
        ...(path.at(-1) === l.stage ? [] : [stageName(l.stage, lang)]),
      ].join(" → ")
    : stageName(l.stage, lang);
  const outlets = it
    ? `${l.outlets} ${l.outlets === 1 ? "testata" : "testate"}`
    : `${l.outlets} outlet${l.outlets === 1 ? "" : "s"}`;
  const held =
    l.held === "quiet"
      ? it
        ? "trattenuto: ore di silenzio"
        : "held during quiet hours"
      : l.held === "cap"
        ? it
          ? "trattenuto: limite orario"
          : "held: hourly limit"
        : null;
  const claims = (l.claims ?? []).map((c) => claimText(c, lang));
  return { text: `${l.name}: ${stage} · ${outlets}`, held, claims, article: l.article };
}

/** The digest's title and sections, in the chat's language. */
export function digestSections(d: Digest, lang: Lang): { title: string; sections: DigestSection[] } {
  const it = lang === "it";
  const sections: DigestSection[] = [
    ...d.players.map((p) => ({
      title: `${p.name}${p.club ? ` (${p.club})` : ""}`,
      lines: p.lines.map((l) => lineText(l, lang)),
    })),
    ...d.clubs.map((c) => ({
      title: it ? `Mercato ${c.club}` : `${c.club} transfers`,
      lines: c.lines.map((l) => lineText(l, lang)),
    })),
  ];
  return { title: it ? "📰 Il riepilogo del mercato" : "📰 Your mercato digest", sections };
}
