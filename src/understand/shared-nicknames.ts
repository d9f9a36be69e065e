import type { ClubMention } from "./mentions.js";

/**
 * Resolves nicknames several clubs share ("il club nerazzurro": Inter or Atalanta; "i rossoblu": Bologna,
 * Genoa or Cagliari) by the article's own context: the one of its clubs the article names by name (the nearest
 * mention when it names several), else the group's default, else none. A shared nickname never brings in a club
 * the context does not support, so an Atalanta story cannot grow an Inter link. Returns the mentions kept, each
 * with its club settled.
 */
export function resolveSharedNicknames(mentions: ClubMention[]): ClubMention[] {
  if (!mentions.some((m) => m.shared)) return mentions;
  const named = mentions.filter((m) => !m.shared);
  const out: ClubMention[] = [];
  for (const m of mentions) {
    if (!m.shared) {
      out.push(m);
      continue;
    }
    let pick: string | null = null;
    let dist = Number.POSITIVE_INFINITY;
    for (const n of named) {
      if (!m.shared.clubs.includes(n.club)) continue;
      // Nearest by words; a mention before the nickname wins a tie (the press names the club, then varies it).
      const d = n.end <= m.start ? m.start - n.end : n.start - m.end + 0.5;
      if (d < dist) {
        dist = d;
        pick = n.club;
      }
    }
    pick ??= m.shared.fallback;
    if (!pick) continue;
    m.club = pick;
    out.push(m);
  }
  return out;
}
