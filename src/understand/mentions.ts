import type { Dictionaries } from "./dictionaries.js";
import type { PlayerEntry } from "./gazetteer.js";
import type { CueKind } from "./lexicon.js";
import type { Token } from "./tokens.js";

/** A club named in the text. */
export interface ClubMention {
  club: string;
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
  /** Stemmed words, for cue look-ups by position. */
  stems: string[];
  /** Token index → covered by an entity (club, name, person, source). */
  covered: Uint8Array;
}

const CITY_PREP = new Set(["a", "in", "da"]);

/**
 * One left-to-right pass: at each word take the longest of person/place, club, player, source, else a cue.
 * Surname-only and typo mentions are kept with their candidates; the extractor resolves them per article.
 */
export function scan(tokens: readonly Token[], d: Dictionaries): Scan {
  const n = tokens.length;
  const norms: string[] = new Array(n);
  const stems: string[] = new Array(n);
  const flags = new Uint8Array(n);
  for (let k = 0; k < n; k++) {
    const w = wordInfo(tokens[k]!.norm, d);
    norms[k] = tokens[k]!.norm;
    stems[k] = w.stem;
    flags[k] = w.flags;
  }
  const out: Scan = {
    clubs: [],
    names: [],
    cues: [],
    blocked: new Map(),
    blockedRole: new Map(),
    sources: [],
    stems,
    covered: new Uint8Array(tokens.length),
  };
  // Index just past each token's sentence, filled backwards once: tries never match across sentences.
  const ends = new Uint32Array(n);
  for (let k = n - 1; k >= 0; k--)
    ends[k] = k + 1 < n && tokens[k + 1]!.sent === tokens[k]!.sent ? ends[k + 1]! : k + 1;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    const limit = ends[i]!;
    const f = flags[i]!;
    if (!t.cap && !(f & (CLUB | SOURCE))) {
      if (!(f & CUE)) {
        i++;
        continue;
      }
      i = cueAt(i, limit);
      continue;
    }
    const person = t.cap && f & PERSON ? d.people.longest(norms, i, limit) : undefined;
    const club = f & CLUB ? d.clubs.longest(norms, i, limit) : undefined;
    const player = t.cap && f & PLAYER ? d.players.longest(norms, i, limit) : undefined;
    const source = f & SOURCE ? d.sources.longest(norms, i, limit) : undefined;
    const lp = person?.length ?? 0;
    const lc = club && (t.cap || club.values.some((v) => v.nickname)) ? club.length : 0;
    const lpl = player?.length ?? 0;
    const ls = source && (t.cap || source.length > 1 || /\p{Lu}/u.test(t.text)) ? source.length : 0;
    const best = Math.max(lp, lc, lpl, ls);
    if (best === 0) {
      if (t.cap && t.norm.length > 2) surnameAt(i);
      i = cueAt(i, limit);
      continue;
    }
    if (ls === best && ls > 1) {
      out.sources.push({ name: source!.values[0]!, start: i, end: i + ls });
    } else if (lp === best) {
      out.blocked.set(i, i + lp);
      out.blockedRole.set(i, person!.values[0]!);
      if (ls === best) out.sources.push({ name: source!.values[0]!, start: i, end: i + ls });
    } else if (lpl === best && lpl >= lc) {
      out.names.push({ start: i, end: i + lpl, sent: t.sent, entry: player!.values[0]! });
    } else if (lc === best) {
      const v = club!.values[0]!;
      if (!isCity(i, v.city) && !isWeakPart(i, lc, v.weak) && (t.cap || v.nickname)) {
        out.clubs.push({ club: v.club, start: i, end: i + lc, sent: t.sent });
      }
    } else if (ls === best) {
      out.sources.push({ name: source!.values[0]!, start: i, end: i + ls });
    }
    for (let k = i; k < i + best; k++) out.covered[k] = 1;
    i += best;
  }
  return out;

  function cueAt(at: number, limit: number): number {
    if (!(flags[at]! & CUE)) return at + 1;
    const m = d.lexicon.trie.longest(stems, at, limit);
    if (!m) return at + 1;
    out.cues.push({ kinds: m.values, start: at, end: at + m.length, sent: tokens[at]!.sent });
    return at + m.length;
  }

  function surnameAt(at: number): void {
    const t = tokens[at]!;
    // Two-word surnames first ("De Bruyne", "Zambo Anguissa").
    const next = tokens[at + 1];
    if (next?.cap && next.sent === t.sent && /^[\s-]+$/.test(next.gap)) {
      const two = d.surnames.get(`${t.norm} ${next.norm}`);
      if (two) {
        out.names.push({
          start: at,
          end: at + 2,
          sent: t.sent,
          candidates: two,
          surname: `${t.norm} ${next.norm}`,
        });
        out.covered[at] = out.covered[at + 1] = 1;
        return;
      }
    }
    if (d.peopleSurnames.has(t.norm)) {
      // "Tare e soci": a known coach or director by surname stands for his club.
      out.blocked.set(at, at + 1);
      out.blockedRole.set(at, d.peopleSurnames.get(t.norm)!);
      return;
    }
    const list = d.surnames.get(t.norm);
    // "Tomas Lindqvist": a surname followed by an unknown capitalised word is a first name, not a mention.
    const firstName =
      next?.cap && next.sent === t.sent && /^\s+$/.test(next.gap) && !(flagsAt(at + 1) & (CLUB | PERSON));
    if (list && !firstName) {
      const common = d.commonWords.has(t.norm);
      out.names.push({ start: at, end: at + 1, sent: t.sent, candidates: list, surname: t.norm, common });
      out.covered[at] = 1;
      return;
    }
    const s = t.norm.length >= 6 ? typoOf(t.norm, d) : null;
    if (s) {
      out.names.push({
        start: at,
        end: at + 1,
        sent: t.sent,
        candidates: d.surnames.get(s)!,
        surname: s,
        typo: true,
      });
      out.covered[at] = 1;
    }
  }

  function flagsAt(at: number): number {
    return at < n ? flags[at]! : 0;
  }

  function isCity(at: number, city: boolean): boolean {
    if (!city || at === 0) return false;
    const prev = tokens[at - 1]!;
    if (CITY_PREP.has(prev.norm) && !/['’]/.test(tokens[at]!.gap)) return true;
    return /^\s*-\s*$/.test(tokens[at]!.gap) && prev.cap && out.blocked.has(at - 1);
  }

  function isWeakPart(at: number, len: number, weak: boolean): boolean {
    if (!weak) return false;
    const next = tokens[at + len];
    if (!next?.cap || next.sent !== tokens[at]!.sent || !/^ $/.test(next.gap)) return false;
    // "lo United Amorim": a known name after is fine; an unknown capitalised word makes a longer name.
    return !d.people.starts(next.norm) && !d.players.starts(next.norm) && !d.surnames.has(next.norm);
  }
}

const CLUB = 1;
const SOURCE = 2;
const PERSON = 4;
const PLAYER = 8;
const CUE = 16;

interface WordInfo {
  stem: string;
  flags: number;
}
const infoMemo = new WeakMap<Dictionaries, Map<string, WordInfo>>();

/**
 * Per word, once: its cue stem and which dictionaries have a pattern starting with it. One Map look-up per
 * word then tells the scan what to try, which is most of its speed (most words start nothing).
 */
function wordInfo(word: string, d: Dictionaries): WordInfo {
  let memo = infoMemo.get(d);
  if (!memo) {
    memo = new Map();
    infoMemo.set(d, memo);
  }
  let w = memo.get(word);
  if (w) return w;
  const stem = d.lexicon.stem(word);
  const flags =
    (d.clubs.starts(word) ? CLUB : 0) |
    (d.sources.starts(word) ? SOURCE : 0) |
    (d.people.starts(word) ? PERSON : 0) |
    (d.players.starts(word) ? PLAYER : 0) |
    (d.lexicon.trie.starts(stem) ? CUE : 0);
  w = { stem, flags };
  if (memo.size > 200_000) memo.clear();
  memo.set(word, w);
  return w;
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
