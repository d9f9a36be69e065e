import type { ClubMention } from "./mentions.js";
import type { Tokens } from "./tokens.js";
import { W_DEMONYM } from "./vocab.js";

/**
 * "I turchi hanno un accordo con l'Atalanta", "the Saudi club": the press names a foreign buyer by its
 * country. Such a phrase stands for the one club of that country the article names; with none or several, for
 * none. Only as a noun after a plural article ("i turchi") or after a club noun ("il club turco"), since the
 * same words describe players ("il centrocampista francese"). Like a pronoun, it stands for the club of that
 * country named last before it, else for the only one named after it.
 */
export const COUNTRY: Record<string, string> = {
  turchi: "TUR",
  turco: "TUR",
  turca: "TUR",
  turkish: "TUR",
  inglesi: "ENG",
  inglese: "ENG",
  english: "ENG",
  spagnoli: "ESP",
  spagnolo: "ESP",
  spagnola: "ESP",
  spanish: "ESP",
  tedeschi: "GER",
  tedesco: "GER",
  tedesca: "GER",
  german: "GER",
  francesi: "FRA",
  francese: "FRA",
  french: "FRA",
  portoghesi: "POR",
  portoghese: "POR",
  portuguese: "POR",
  sauditi: "KSA",
  saudita: "KSA",
  arabi: "KSA",
  saudi: "KSA",
  olandesi: "NED",
  olandese: "NED",
  dutch: "NED",
  belgi: "BEL",
  belga: "BEL",
  belgian: "BEL",
  scozzesi: "SCO",
  scozzese: "SCO",
  scottish: "SCO",
  americani: "USA",
  americano: "USA",
  american: "USA",
};
const PLURAL_ARTICLES = new Set(["i", "gli", "dei", "degli", "ai", "agli", "dai", "dagli", "coi"]);
const CLUB_NOUNS = new Set(["club", "societa", "squadra", "side", "outfit", "team"]);

/** Club mentions for the demonyms of the text that name exactly one club of the article. */
export function demonymClubs(
  tokens: Tokens,
  clubs: readonly ClubMention[],
  countryOf: (club: string) => string | null | undefined,
): ClubMention[] {
  const out: ClubMention[] = [];
  const flags = tokens.vocab.flags;
  let foreign: ClubMention[] | undefined;
  for (let i = 1; i < tokens.length; i++) {
    // A bit per word first: demonyms are rare, and this runs over every word of every article.
    if (!(flags[tokens.ids[i]!]! & W_DEMONYM)) continue;
    const k = COUNTRY[tokens.norm(i)];
    if (!k || tokens.sent[i - 1] !== tokens.sent[i]) continue;
    const before = tokens.norm(i - 1);
    const after = i + 1 < tokens.length && tokens.sent[i + 1] === tokens.sent[i] ? tokens.norm(i + 1) : "";
    const asNoun = PLURAL_ARTICLES.has(before) && tokens.norm(i).endsWith("i");
    if (!asNoun && !CLUB_NOUNS.has(before) && !CLUB_NOUNS.has(after)) continue;
    let club: string | undefined;
    const later = new Set<string>();
    foreign ??= clubs.filter((c) => countryOf(c.club));
    for (const c of foreign) {
      if (countryOf(c.club) !== k) continue;
      if (c.end <= i) club = c.club;
      else later.add(c.club);
    }
    if (!club && later.size === 1) club = [...later][0];
    if (club) out.push({ club, start: i, end: i + 1, sent: tokens.sent[i]! });
  }
  return out;
}
