import type { Dictionaries } from "./dictionaries.js";
import type { PlayerEntry } from "./gazetteer.js";
import { type CueKind, K } from "./lexicon.js";
import { G_APOS, G_COMMA_PAREN, G_DASH, G_ONE_SPACE, G_SPACE_DASH, G_SPACES, type Tokens } from "./tokens.js";
import {
  W_CLUB,
  W_CUE,
  W_CUE1,
  W_CUE2,
  W_NICK,
  W_NOT_NAME,
  W_PERSON,
  W_PLAYER,
  W_SOURCE,
  W_SOURCE_MULTI,
  W_STAFF_SURNAME,
  W_SURNAME,
  W_SURNAME2,
} from "./vocab.js";

/** A club named in the text. */
export interface ClubMention {
  club: string;
  /** Set for a nickname several clubs share, until the extractor picks one (see shared-nicknames.ts). */
  shared?: { clubs: readonly string[]; fallback: string | null };
  start: number;
  end: number;
  sent: number;
}

/** A person named in the text who may be a player: known (entry) or not yet (surname-only, provisional). */
export interface NameMention {
  start: number;
  end: number;
  sent: number;
  /** Known player by full name. */
  entry?: PlayerEntry;
  /** Surname-only candidates, resolved later against the article. */
  candidates?: PlayerEntry[];
  /** The folded surname as written, for surname-only mentions. */
  surname?: string;
  /** True for a one-letter typo match, which needs a transfer context. */
  typo?: boolean;
  /** True when the surname is also a common word ("Palestra"). */
  common?: boolean;
}

/** A cue phrase found in the text. */
export interface CueMention {
  kinds: readonly CueKind[];
  /** The kinds as bits (see K). */
  mask: number;
  start: number;
  end: number;
  sent: number;
}

/** Everything the dictionaries find in one article. */
export interface Scan {
  clubs: ClubMention[];
  names: NameMention[];
  cues: CueMention[];
  /** Spans of never-players (people, places), by start token → end. */
  blocked: Map<number, number>;
  /** Role of each blocked person span ("coach", "place"), by start token. */
  blockedRole: Map<number, string>;
  /** Cited source mentions. */
  sources: { name: string; start: number; end: number }[];
  /** Token index → covered by an entity (club, name, person, source). */
  covered: Uint8Array;
  /** Token index → 1 + index in `cues` of the cue starting there (0: none). */
  cueStart: Int32Array;
  /** Token index → 1 + index in `cues` of the cue ending just before it (0: none). */
  cueEnd: Int32Array;
}

const CITY_PREP = new Set(["a", "in", "da"]);
const SU = new Set(["su", "sul"]);
const ON_WORDS = new Set(["su", "sul", "sull", "sulla", "sullo"]);
const ON_NAME: readonly CueKind[] = ["interest"];
/** Nouns after a club's name that make it the team: "Roma midfielder", "Napoli star". */
const TEAM_NOUN = new Set(
  "midfielder midfielders striker strikers forward defender defenders winger goalkeeper keeper attacker full back fullback centre star captain playmaker youngster player players boss fans".split(
    " ",
  ),
);
const BORN = new Set(["nato", "nata", "nasce", "nacque", "born", "cresciuto", "cresciuta"]);

/**
 * One left-to-right pass: at each word take the longest of person/place, club, player, source, else a cue.
 * Surname-only and typo mentions are kept with their candidates; the extractor resolves them per article.
 * Word classes come from the vocabulary (one array read per word), so most words cost a bit test.
 */
export function scan(tokens: Tokens, d: Dictionaries): Scan {
  const n = tokens.length;
  const ids = tokens.ids;
  const caps = tokens.cap;
  const sents = tokens.sent;
  const wflags = d.vocab.flags;
  const stems = tokens.stems;
  const ends = tokens.sentEnd;
  const out: Scan = {
    clubs: [],
    names: [],
    cues: [],
    blocked: new Map(),
    blockedRole: new Map(),
    sources: [],
    // The token buffer's scratch arrays: allocating three typed arrays per article costs more than zeroing.
    covered: tokens.marks.fill(0, 0, n + 1),
    cueStart: tokens.cueStarts.fill(0, 0, n + 1),
    cueEnd: tokens.cueEnds.fill(0, 0, n + 1),
  };
  let i = 0;
  while (i < n) {
    const f = wflags[ids[i]!]!;
    const cap = caps[i] === 1;
    // Lower case, a word can only start a nickname, a source of several words or one written "talkSPORT".
    if (!cap && !(f & (W_NICK | W_SOURCE_MULTI)) && !(f & W_SOURCE && hasUpper(i))) {
      i = f & W_CUE ? cueAt(i, ends[i]!) : i + 1;
      continue;
    }
    const limit = ends[i]!;
    const lp = cap && f & W_PERSON ? d.people.match(ids, i, limit) : 0;
    const person = lp ? d.people.matched : undefined;
    let lc = f & W_CLUB ? d.clubs.match(ids, i, limit) : 0;
    const club = lc ? d.clubs.matched : undefined;
    if (club && !cap && !club.some((v) => v.nickname)) lc = 0;
    const lpl = cap && f & W_PLAYER ? d.players.match(ids, i, limit) : 0;
    const player = lpl ? d.players.matched : undefined;
    let ls = f & W_SOURCE ? d.sources.match(ids, i, limit) : 0;
    const source = ls ? d.sources.matched : undefined;
    if (ls === 1 && !cap && !hasUpper(i)) ls = 0;
    const best = Math.max(lp, lc, lpl, ls);
    if (best === 0) {
      if (cap && tokens.norm(i).length > 2) surnameAt(i);
      i = f & W_CUE ? cueAt(i, limit) : i + 1;
      continue;
    }
    const sent = sents[i]!;
    if (ls === best && ls > 1) {
      out.sources.push({ name: source![0]!, start: i, end: i + ls });
    } else if (lp === best) {
      out.blocked.set(i, i + lp);
      out.blockedRole.set(i, person![0]!);
      if (ls === best) out.sources.push({ name: source![0]!, start: i, end: i + ls });
    } else if (lpl === best && lpl >= lc) {
      out.names.push({ start: i, end: i + lpl, sent, entry: player![0]! });
    } else if (lc === best) {
      const v = club![0]!;
      if (!isCity(i, lc, v.city) && !isWeakPart(i, lc, v.weak) && (cap || v.nickname)) {
        const m: ClubMention = { club: v.club, start: i, end: i + lc, sent };
        if (v.shared) m.shared = v.shared;
        out.clubs.push(m);
        clubOnName(i + lc);
      }
    } else if (ls === best) {
      out.sources.push({ name: source![0]!, start: i, end: i + ls });
    }
    for (let k = i; k < i + best; k++) out.covered[k] = 1;
    i += best;
  }
  return out;

  function cueAt(at: number, limit: number): number {
    // Neither a one-word cue here nor a second word of one next: the trie would find nothing.
    if (!(wflags[stems[at]!]! & W_CUE1) && !(at + 1 < limit && wflags[stems[at + 1]!]! & W_CUE2))
      return at + 1;
    const trie = d.lexicon.trie;
    const len = trie.match(stems, at, limit);
    if (!len) return at + 1;
    const end = at + len;
    if (trie.matchedTag === K.there) {
      if (afterOn(at)) out.cues.push({ kinds: ON_NAME, mask: K.interest, start: at, end, sent: sents[at]! });
      else return end;
    } else out.cues.push({ kinds: trie.matched, mask: trie.matchedTag, start: at, end, sent: sents[at]! });
    out.cueStart[at] = out.cueEnd[end] = out.cues.length;
    return end;
  }

  /** Whether "su" (or "sul", "sull'") opens the few words before `at` in its sentence: "Su Ferguson c'è…". */
  function afterOn(at: number): boolean {
    for (let k = at - 1; k >= 0 && k >= at - 4 && sents[k] === sents[at]; k--)
      if (ON_WORDS.has(tokens.norm(k))) return true;
    return false;
  }

  /**
   * "Juventus su Ederson", "Inter, forte pressing su…": a club "on" a name is after him, the headline's way of
   * saying interest. The "su" becomes an interest cue when a capitalised word that is not a club follows.
   */
  function clubOnName(at: number): void {
    if (at + 1 >= n || sents[at + 1] !== sents[at] || !SU.has(tokens.norm(at))) return;
    if (caps[at + 1] !== 1 || wflags[ids[at + 1]!]! & W_CLUB || out.cueStart[at]) return;
    out.cues.push({ kinds: ON_NAME, mask: K.interest, start: at, end: at + 1, sent: sents[at]! });
    out.cueStart[at] = out.cueEnd[at + 1] = out.cues.length;
  }

  function surnameAt(at: number): void {
    const sent = sents[at]!;
    const norm = tokens.norm(at);
    const f = wflags[ids[at]!]!;
    // Two-word surnames first ("De Bruyne", "Zambo Anguissa").
    const next = at + 1 < n && sents[at + 1] === sent && caps[at + 1] === 1 ? at + 1 : -1;
    if (next >= 0 && f & W_SURNAME2 && tokens.gaps[next]! & G_SPACE_DASH) {
      const surname = `${norm} ${tokens.norm(next)}`;
      const two = d.surnames.get(surname);
      if (two) {
        out.names.push({ start: at, end: at + 2, sent, candidates: two, surname });
        out.covered[at] = out.covered[at + 1] = 1;
        return;
      }
    }
    if (f & W_STAFF_SURNAME) {
      // "Tare e soci": a known coach or director by surname stands for his club.
      out.blocked.set(at, at + 1);
      out.blockedRole.set(at, d.peopleSurnames.get(norm)!);
      return;
    }
    // "Tomas Lindqvist": a surname followed by an unknown capitalised word is a first name, not a mention.
    const firstName =
      next >= 0 && tokens.gaps[next]! & G_SPACES && !(wflags[ids[next]!]! & (W_CLUB | W_PERSON));
    if (f & W_SURNAME && !firstName) {
      const common = d.commonWords.has(norm);
      out.names.push({
        start: at,
        end: at + 1,
        sent,
        candidates: d.surnames.get(norm)!,
        surname: norm,
        common,
      });
      out.covered[at] = 1;
      return;
    }
    // "Fenerbache": a word the lists lack, one letter away from one club's name and no surname's.
    const club = norm.length >= 7 && !(f & (W_SURNAME | W_PERSON | W_NOT_NAME)) ? clubTypoOf(norm, d) : null;
    if (club) {
      out.clubs.push({ club, start: at, end: at + 1, sent });
      out.covered[at] = 1;
      return;
    }
    // A word the lists know as never a name ("Gennaio") is no typo of a surname ("Gennaro").
    const s = norm.length >= 6 && !(f & W_NOT_NAME) ? typoOf(norm, d) : null;
    if (s) {
      out.names.push({
        start: at,
        end: at + 1,
        sent,
        candidates: d.surnames.get(s)!,
        surname: s,
        typo: true,
      });
      out.covered[at] = 1;
    }
  }

  function hasUpper(at: number): boolean {
    return /\p{Lu}/u.test(tokens.text(at));
  }

  function isCity(at: number, len: number, city: boolean): boolean {
    if (at === 0) return false;
    // "Bisseck nasce a Colonia", "born in Cologne": a birthplace is a city, whatever club shares its name.
    if (at >= 2 && CITY_PREP.has(tokens.norm(at - 1)) && BORN.has(tokens.norm(at - 2))) return true;
    if (!city) return false;
    if (CITY_PREP.has(tokens.norm(at - 1)) && !(tokens.gaps[at]! & G_APOS))
      return !teamAfter(at + len) && !openingTeam(at, len);
    return (tokens.gaps[at]! & G_DASH) !== 0 && caps[at - 1] === 1 && out.blocked.has(at - 1);
  }

  /**
   * After a city's name, what makes it the team: a player noun ("interested in Roma midfielder Koné") or
   * another club it is listed with ("seguito da Roma e Fiorentina").
   */
  function teamAfter(next: number): boolean {
    if (next >= n || sents[next] !== sents[next - 1]) return false;
    if (TEAM_NOUN.has(tokens.norm(next))) return true;
    const w = tokens.norm(next);
    return (
      (w === "e" || w === "and" || w === "o" || w === "or") &&
      next + 1 < n &&
      caps[next + 1] === 1 &&
      (wflags[ids[next + 1]!]! & W_CLUB) !== 0
    );
  }

  /** "A Parma, intanto, si lavora al ritorno di…": a city opening its sentence before a comma is its club's camp. */
  function openingTeam(at: number, len: number): boolean {
    const end = at + len;
    return (
      (at - 1 === 0 || sents[at - 2] !== sents[at - 1]) &&
      end < n &&
      sents[end] === sents[at] &&
      (tokens.gaps[end]! & G_COMMA_PAREN) !== 0
    );
  }

  function isWeakPart(at: number, len: number, weak: boolean): boolean {
    if (!weak) return false;
    const next = at + len;
    if (next >= n || !caps[next] || sents[next] !== sents[at] || !(tokens.gaps[next]! & G_ONE_SPACE))
      return false;
    // "lo United Amorim": a known name after is fine; an unknown capitalised word makes a longer name.
    return !(wflags[ids[next]!]! & (W_PERSON | W_PLAYER | W_SURNAME));
  }
}

/** The cue starting at token `at`, if any. */
export function cueStartingAt(s: Scan, at: number): CueMention | undefined {
  const k = s.cueStart[at];
  return k ? s.cues[k - 1] : undefined;
}

/** The cue ending just before token `at` (its `end` is `at`), if any. */
export function cueEndingAt(s: Scan, at: number): CueMention | undefined {
  const k = at >= 0 ? s.cueEnd[at] : 0;
  return k ? s.cues[k - 1] : undefined;
}

const typoMemo = new WeakMap<Dictionaries, Map<string, string | null>>();

/** The one known surname a word is a one-letter typo of, or null; memoised per word. */
function typoOf(word: string, d: Dictionaries): string | null {
  let memo = typoMemo.get(d);
  if (!memo) {
    memo = new Map();
    typoMemo.set(d, memo);
  }
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const found = new Set<string>();
  for (let k = 0; k <= word.length; k++) {
    const v = k === word.length ? word : word.slice(0, k) + word.slice(k + 1);
    for (const s of d.typos.get(v) ?? []) if (withinOne(word, s)) found.add(s);
  }
  const out = found.size === 1 ? [...found][0]! : null;
  if (memo.size > 100_000) memo.clear();
  memo.set(word, out);
  return out;
}

/** The one club whose long name a word is a one-letter typo of (not the name itself), or null; memoised. */
const clubTypoMemo = new WeakMap<Dictionaries, Map<string, string | null>>();

function clubTypoOf(word: string, d: Dictionaries): string | null {
  let memo = clubTypoMemo.get(d);
  if (!memo) {
    memo = new Map();
    clubTypoMemo.set(d, memo);
  }
  const hit = memo.get(word);
  if (hit !== undefined) return hit;
  const out = clubTypoSearch(word, d);
  if (memo.size > 100_000) memo.clear();
  memo.set(word, out);
  return out;
}

function clubTypoSearch(word: string, d: Dictionaries): string | null {
  const found = new Set<string>();
  for (let k = 0; k <= word.length; k++) {
    const v = k === word.length ? word : word.slice(0, k) + word.slice(k + 1);
    for (const [w, club] of d.clubTypos.get(v) ?? [])
      if (w !== word && withinOne(word, w) && !inflection(word, w)) found.add(club);
  }
  return found.size === 1 ? [...found][0]! : null;
}

/** "Fiorentino" of "Fiorentina", "Bohemians" of "Bohemian": another ending of the word, not a typo. */
function inflection(word: string, name: string): boolean {
  const stem = (x: string) => x.replace(/[aeios]$/, "");
  return stem(word) === stem(name) || word === `${name}s` || name === `${word}s`;
}

/** Edit distance at most one, counting a swap of neighbours as one ("Zirzkee" / "Zirkzee"). */
export function withinOne(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
