import type { Lang } from "../../commands/types.js";
import type { Digest, DigestLine } from "../queues.js";
import { stageName } from "./alert-model.js";
import { claimText } from "./claim-text.js";
import { clubName, messages } from "./messages/index.js";

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
  const m = messages(lang);
  const moves = l.moves.filter((m, i) => i === 0 || m !== l.moves[i - 1]);
  const path = moves.length > 1 || (moves.length === 1 && moves[0] !== l.stage) ? moves : [];
  const stage = path.length
    ? [
        ...path.map((s) => stageName(s, lang)),
        ...(path.at(-1) === l.stage ? [] : [stageName(l.stage, lang)]),
      ].join(" → ")
    : stageName(l.stage, lang);
  const held = l.held ? m.digest.held[l.held] : null;
  const claims = (l.claims ?? []).map((c) => claimText(c, lang));
  // A line names a club (under a player) or a player, "→ club" when under a club he is not joining.
  const name = l.to ? `${l.name} → ${clubName(l.to, lang)}` : clubName(l.name, lang);
  return { text: `${name}: ${stage} · ${m.common.outlets(l.outlets)}`, held, claims, article: l.article };
}

/** The digest's title and sections, in the chat's language. */
export function digestSections(d: Digest, lang: Lang): { title: string; sections: DigestSection[] } {
  const m = messages(lang).digest;
  const sections: DigestSection[] = [
    ...d.players.map((p) => ({
      title: `${p.name}${p.club ? ` (${clubName(p.club, lang)})` : ""}`,
      lines: p.lines.map((l) => lineText(l, lang)),
    })),
    ...d.clubs.map((c) => ({
      title: m.club(clubName(c.club, lang)),
      lines: c.lines.map((l) => lineText(l, lang)),
    })),
  ];
  return { title: d.kind === "held" ? m.heldTitle : m.title, sections };
}
