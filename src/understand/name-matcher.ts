import type { PlayerRef } from "./article.js";
import { nameWords, type PlayerEntry } from "./gazetteer.js";
import { K, STAGE_BITS } from "./lexicon.js";
import { cueEndingAt, type NameMention, type Scan } from "./mentions.js";
import { firstNameOfOther, foreignNameBefore, hintScore, hintsAround, ownWord } from "./name-context.js";
import { provisionals } from "./provisionals.js";
import { G_DASH, G_ONE_SPACE, G_SPACES, type Tokens } from "./tokens.js";
import { playerKey } from "./types.js";
import { W_CLUB, W_CUE, W_CUE1, W_EN, W_IT, W_NOT_NAME, W_SURNAME } from "./vocab.js";

/** Words allowed between a staff cue and the name ("il tecnico del Milan X" stops at the club). */
const ARTICLES = new Set(["il", "l", "lo", "la", "dal", "dall", "del", "dell", "da", "di"]);

/** "of" between a staff noun and a name. */
const OF = new Set(["di", "del", "dell", "della"]);
/** Staff nouns whose "di X" names the player they work for ("l'agente di X", "il procuratore di X"). */
const CLIENT_OF = new Set([
  "agente",
  "agenti",
  "procuratore",
  "entourage",
  "intermediario",
  "consulente",
  "advisor",
]);

/** Words allowed between a stage cue and the name it governs ("pensa a", "chiuso per il"). */
const GOVERNING_LINKS = new Set("a per su sul di il l lo la for on the to".split(" "));

/** Words allowed between a name and the cue said of it ("X l'obiettivo", "X è nel mirino", "X is a target"). */
const PREDICATE_LINKS = new Set("l il lo la e nel sul un una is a the on".split(" "));

const keys = new Map<string, string>();

/** Per sentence, 1 when it holds a stage or move cue. Module scratch reused by every article: extraction is
 * synchronous, and a Set of sentence numbers per article cost more than the rest of the name resolution. */
let transferScratch = new Uint8Array(256);

/** playerKey of a provisional name, kept: folding is slow and the same names come back in every article. */
function keyOf(name: string): string {
  let key = keys.get(name);
  if (key === undefined) {
    key = playerKey(name);
    if (keys.size > 50_000) keys.clear();
    keys.set(name, key);
  }
  return key;
}

/**
 * Turns name mentions into the article's players: full names as found; surname-only mentions resolved to a
 * full name seen in the article, else to the one known player of that surname whose club the article names;
 * typos and common-word surnames only in a transfer context; unknown capitalised names next to player cues
 * ("il difensore X", "X, classe 2006") become provisional players. Names right after a staff cue
 * ("il tecnico X", "secondo X") are never players.
 */
export function resolvePlayers(tokens: Tokens, s: Scan, clubs: Set<string>): PlayerRef[] {
  const refs = new Map<string, PlayerRef>();
  const sentCount = tokens.length ? tokens.sent[tokens.length - 1]! + 1 : 0;
  if (transferScratch.length < sentCount) transferScratch = new Uint8Array(sentCount * 2);
  const transfer = transferScratch.fill(0, 0, sentCount);
  for (const c of s.cues) if (c.mask & (STAGE_BITS | K.move)) transfer[c.sent] = 1;
  const cueEnd = (at: number, kind: number) => ((cueEndingAt(s, at)?.mask ?? 0) & kind) !== 0;
  const afterStaff = (start: number) => {
    let of = false;
    for (let k = start; k >= start - 2 && k > 0; k--) {
      if (k < start && OF.has(tokens.norm(k))) of = true;
      // "l'agente di Bisseck": the name after an agent's "di" is his client, a player.
      if (cueEnd(k, K.staff)) return !(of && CLIENT_OF.has(tokens.norm(cueEndingAt(s, k)!.start)));
      if (k < start && !ARTICLES.has(tokens.norm(k))) break;
    }
    return false;
  };
  const add = (entry: PlayerEntry | undefined, name: string, m: NameMention, provisional: boolean) => {
    const key = entry?.key ?? keyOf(name);
    let ref = refs.get(key);
    if (!ref) {
      ref = { key, name: entry?.name ?? name, provisional, mentions: [] };
      if (entry) ref.entry = entry;
      refs.set(key, ref);
    }
    ref.mentions.push(m);
  };
  // A one-word name right after another person's first name or a particle is his ("Fabrizio De André").
  const foreign = (m: NameMention) =>
    m.end - m.start === 1 &&
    foreignNameBefore(tokens, s.covered, m.start, m.entry ? [m.entry] : m.candidates!);
  const surnameNext = (at: number) =>
    at < tokens.length &&
    tokens.sent[at] === tokens.sent[at - 1] &&
    tokens.cap[at] === 1 &&
    (tokens.gaps[at]! & G_ONE_SPACE) !== 0 &&
    (tokens.vocab.flags[tokens.ids[at]!]! & (W_SURNAME | W_NOT_NAME | W_CLUB)) === W_SURNAME;
  // "pensa a Cancelo", "l'idea Icardi", "chiuso per Zaniolo": the name is what a stage cue is about.
  const governed = (at: number, end: number) => {
    // cueEnd(k): a cue ends right before word k.
    for (let k = at; k > at - 4 && k > 0 && tokens.sent[k - 1] === tokens.sent[at]; k--) {
      if (cueEnd(k, STAGE_BITS | K.move)) return true;
      if (tokens.cap[k - 1] || !GOVERNING_LINKS.has(tokens.norm(k - 1))) break;
    }
    // "Engels l'obiettivo dell'Atalanta", "Icardi nel mirino della Juve": the name a cue is predicated of.
    for (let k = end; k < end + 3 && k < tokens.length && tokens.sent[k] === tokens.sent[at]; k++) {
      const c = s.cueStart[k];
      if (c && s.cues[c - 1]!.mask & STAGE_BITS) return true;
      if (tokens.cap[k] || !PREDICATE_LINKS.has(tokens.norm(k))) return false;
    }
    return false;
  };
  const full: NameMention[] = [];
  for (const m of s.names) {
    if (!m.entry || afterStaff(m.start)) continue;
    // A one-word name before an unknown capitalised word is someone's first name ("Ruben Kvasnic").
    // A one-word name before a surname is another's first name too ("Wesley Carvalho" is not Wesley).
    const longer =
      m.end - m.start === 1 &&
      (firstNameOfOther(tokens, m.end) || (!m.entry.name.includes(" ") && surnameNext(m.end)));
    if (foreign(m) || longer) s.covered[m.start] = 0;
    else full.push(m);
  }
  for (const m of full) add(m.entry, m.entry!.name, m, false);
  const seenSurname = new Map<string, PlayerEntry>();
  for (const m of full) {
    // Either end of a full name can come back alone ("Gomez", or "Kim" of "Kim Min-Jae").
    seenSurname.set(tokens.norm(m.end - 1), m.entry!);
    seenSurname.set(tokens.norm(m.start), m.entry!);
  }
  // "Thierry Henry ... Henry": a surname alone after a non-player's full name is him again.
  let personSurnames: Set<string> | undefined;
  if (s.blocked.size) {
    personSurnames = new Set();
    for (const [start, end] of s.blocked)
      if (end - start > 1 && s.blockedRole.get(start) !== "place") personSurnames.add(tokens.norm(end - 1));
  }
  for (const m of s.names) {
    if (m.entry || !m.candidates || afterStaff(m.start)) continue;
    if (personSurnames?.has(m.surname!) && !seenSurname.has(m.surname!)) continue;
    // A one-word name before a surname or an unknown name is another's first name ("Wesley Carvalho").
    if (
      m.end - m.start === 1 &&
      m.candidates.every((c) => !c.name.includes(" ")) &&
      (firstNameOfOther(tokens, m.end) || surnameNext(m.end))
    ) {
      s.covered[m.start] = 0;
      continue;
    }
    // Right after a full name, a surname lengthens it ("Luis Ferreira Neto"): it is not a second player.
    if (m.start > 0 && full.some((f) => f.end === m.start) && tokens.gaps[m.start]! & G_SPACES) continue;
    let candidates = m.candidates;
    // "Pio Esposito": a middle name before the surname keeps only the players who have it.
    const before = m.start > 0 && tokens.cap[m.start - 1] ? tokens.norm(m.start - 1) : "";
    let other = false;
    let given = false;
    if (before && candidates.some((c) => ownWord(c, before)) && tokens.sent[m.start - 1] === m.sent) {
      candidates = candidates.filter((c) => ownWord(c, before));
      given = true;
      // The middle name is part of the mention: it is how the article writes him, and no one else's name.
      if (!s.covered[m.start - 1] && tokens.gaps[m.start]! & G_SPACES) {
        m.start--;
        s.covered[m.start] = 1;
      }
    } else other = foreign(m);
    // "Rayan Cherki … Yanis Cherki": after the article named one player in full, another given name before the
    // same surname is somebody else (a brother, a namesake), free for a provisional name.
    const seen = seenSurname.get(m.surname!);
    if (!other && !given && seen && before && anotherGivenName(tokens, s, m.start - 1))
      other = !ownWord(seen, before);
    let pick: PlayerEntry | undefined;
    if (!other) pick = seen ?? candidates.find((c) => refs.has(c.key));
    // "Kerem Akturkoglu" for the list's "Muhammed Kerem Aktürkoğlu": two of his own words name him as a full
    // name does.
    if (!pick && given && candidates.length === 1) pick = candidates[0];
    if (!pick && !other) {
      // Only a lone candidate of the wide list needs to know whether a cue governs the name.
      const lone = candidates.length === 1 && !!candidates[0]!.wide;
      pick = byContext(
        tokens,
        m,
        candidates,
        clubs,
        transfer[m.sent] === 1,
        lone && governed(m.start, m.end),
      );
      if (pick && (m.typo || m.common) && transfer[m.sent] !== 1) pick = undefined;
    }
    if (pick) add(pick, pick.name, m, false);
    // Unresolved, the word is free again for a provisional player ("il classe 2006 Kim").
    else for (let k = m.start; k < m.end; k++) s.covered[k] = 0;
  }
  provisionals(tokens, s, cueEnd, afterStaff, transfer, (name, m) => add(undefined, name, m, true));
  for (const ref of refs.values()) if (ref.entry) ref.name = writtenName(tokens, ref);
  return [...refs.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/**
 * The name as the article writes it: its longest form of two words or more that is not the list's name with
 * accents or order changed ("Francesco Pio Esposito", "Pio Esposito" for the list's "Francesco Esposito");
 * else the list's name. The key stays the list's.
 */
/** Distinct folded words of each list name, kept per entry. */
const ownWords = new WeakMap<PlayerEntry, string[]>();

function writtenName(tokens: Tokens, ref: PlayerRef): string {
  let own = ownWords.get(ref.entry!);
  if (!own) {
    own = [...new Set(nameWords(ref.name))];
    ownWords.set(ref.entry!, own);
  }
  let best = ref.name;
  let bestWords = 0;
  let bestLen = 0;
  for (const m of ref.mentions) {
    const n = m.end - m.start;
    // The article writes his list name in full somewhere ("Randal Kolo Muani"): that is the name to show.
    if (n >= 2 && sameWords(tokens, m.start, m.end, own)) return ref.name;
    if (n < 2 || n < bestWords) continue;
    const text = tokens.source.slice(tokens.start[m.start]!, tokens.end[m.end - 1]!).replace(/\s+/g, " ");
    if (n > bestWords || text.length > bestLen) {
      best = text;
      bestWords = n;
      bestLen = text.length;
    }
  }
  return best;
}

/**
 * Whether the words written are the list's name, in any order: every list word written, and every written word
 * in the list, a hyphenated compound counting when one of its parts is ("Yann-Aurel Bisseck" is "Yann Bisseck").
 */
function sameWords(tokens: Tokens, start: number, end: number, own: readonly string[]): boolean {
  let seen = 0;
  let k = start;
  while (k < end) {
    let j = k + 1;
    while (j < end && tokens.gaps[j]! & G_DASH && !(tokens.gaps[j]! & G_SPACES)) j++;
    let hit = false;
    for (let x = k; x < j; x++) {
      const at = own.indexOf(tokens.norm(x));
      if (at >= 0) {
        hit = true;
        seen |= 1 << at;
      }
    }
    if (!hit) return false;
    k = j;
  }
  return seen === (1 << own.length) - 1;
}

/**
 * The candidate the article's context points to: his club named (current, else former), then a role or
 * nationality beside the mention; one best only. Without a club named, only a player of the main list, in a
 * transfer sentence, and the only candidate left standing.
 */
function byContext(
  tokens: Tokens,
  m: NameMention,
  candidates: readonly PlayerEntry[],
  clubs: Set<string>,
  transfer: boolean,
  governed: boolean,
): PlayerEntry | undefined {
  if (candidates.length === 1) {
    const c = candidates[0]!;
    const club = playsFor(c, clubs) ? 2 : formerOf(c, clubs) ? 1 : 0;
    if (club) return c;
    // A lone candidate without his club: a known surname of some length, in a transfer sentence. From the wide
    // list, where more surnames are also words ("Resta", "Maestro", "Under"), only as what a stage cue governs.
    // A surname that is also one of our cue or function words ("Resta") needs its club named.
    const word = tokens.vocab.flags[tokens.ids[m.start]!]! & (W_CUE | W_CUE1 | W_IT | W_EN);
    const wideOk = governed && !m.common && !word;
    return (!c.wide || wideOk) && !m.typo && m.surname!.length >= 5 && transfer ? c : undefined;
  }
  // Club evidence first, counted without an array per mention; hints only when clubs leave a tie.
  let best: PlayerEntry | undefined;
  let top = 0;
  let ties = 0;
  for (const c of candidates) {
    const v = playsFor(c, clubs) ? 2 : formerOf(c, clubs) ? 1 : 0;
    if (v > top) {
      top = v;
      best = c;
      ties = 0;
    } else if (v === top && v > 0) ties++;
  }
  if (top && !ties) return best;
  const hints = hintsAround(tokens, m.start, m.end);
  if (!hints.role && !hints.nation) return top ? undefined : onlyMain(m, candidates, transfer);
  best = undefined;
  let score = 0;
  ties = 0;
  for (const c of candidates) {
    const club = playsFor(c, clubs) ? 2 : formerOf(c, clubs) ? 1 : 0;
    // With a club named, only the tied candidates compete; without one, only the main list's players.
    if (club !== top || (!top && (c.wide || !transfer))) continue;
    const v = hintScore(c, hints);
    if (v > score) {
      score = v;
      best = c;
      ties = 0;
    } else if (v === score) ties++;
  }
  return score > 0 && !ties ? best : undefined;
}

/**
 * With no club and no hint to go by, the one candidate of the main list (the five big leagues) in a transfer
 * sentence: the Italian and English press write "Ederson" for Atalanta's, not for a namesake in Turkey or Chile.
 */
function onlyMain(
  m: NameMention,
  candidates: readonly PlayerEntry[],
  transfer: boolean,
): PlayerEntry | undefined {
  if (!transfer || m.typo || m.common || m.surname!.length < 5) return undefined;
  let main: PlayerEntry | undefined;
  for (const c of candidates) {
    if (c.wide) continue;
    if (main) return undefined;
    main = c;
  }
  return main;
}

/**
 * Whether the capitalised word at `at` can be a given name of someone else: inside its sentence (not its first
 * word), not already read, and none of our words (a cue, a club, a function word: "Salta Colombo al Sassuolo").
 */
function anotherGivenName(tokens: Tokens, s: Scan, at: number): boolean {
  if (at <= 0 || tokens.sent[at - 1] !== tokens.sent[at] || s.covered[at]) return false;
  if (!(tokens.gaps[at + 1]! & G_SPACES)) return false;
  return !(tokens.vocab.flags[tokens.ids[at]!]! & (W_NOT_NAME | W_CLUB | W_CUE | W_CUE1 | W_IT | W_EN));
}

/** Whether one of the player's clubs (or his only club) is among `clubs`. */
function playsFor(p: PlayerEntry, clubs: Set<string>): boolean {
  if (!p.clubs) return !!p.club && clubs.has(p.club);
  for (const k of p.clubs) if (k && clubs.has(k)) return true;
  return false;
}

/** Whether a club he left since the older list is among `clubs`. */
function formerOf(p: PlayerEntry, clubs: Set<string>): boolean {
  if (!p.former) return false;
  for (const k of p.former) if (clubs.has(k)) return true;
  return false;
}
