import { SOURCES } from "./cited-sources.js";
import { COUNTRY } from "./demonyms.js";
import {
  type Gazetteer,
  type GazetteerData,
  nameVariants,
  nameWords,
  type PlayerEntry,
  surnames,
} from "./gazetteer.js";
import { createLexicon, type Lexicon } from "./lexicon.js";
import { CLAUSE_WORDS, PAST_AUX } from "./modality-cues.js";
import { NOT_NAMES } from "./role-cues.js";
import { TokenTrie } from "./token-trie.js";
import {
  Vocab,
  W_CLAUSE,
  W_CLUB,
  W_CUE,
  W_CUE1,
  W_CUE2,
  W_DEMONYM,
  W_EN,
  W_GIVEN,
  W_IT,
  W_NICK,
  W_NOT_NAME,
  W_PAST_AUX,
  W_PERSON,
  W_PLAYER,
  W_SOURCE,
  W_SOURCE_MULTI,
  W_STAFF_SURNAME,
  W_SURNAME,
  W_SURNAME2,
} from "./vocab.js";

/** A club alias as the matcher knows it. */
export interface ClubName {
  club: string;
  /** Lower-case nickname: matches uncapitalised. */
  nickname: boolean;
  /** Short alias that yields to a longer capitalised name around it. */
  weak: boolean;
  /** Also a city: after a bare "a"/"in" it is the city. */
  city: boolean;
  /** A nickname several clubs share: the clubs, and the one taken when the article names none. */
  shared?: { clubs: readonly string[]; fallback: string | null };
}

/** Everything the extractor matches, built once per gazetteer. */
export interface Dictionaries {
  /** Every word the dictionaries know, as ids, with word classes (W_*); articles add their own words. */
  vocab: Vocab;
  clubs: TokenTrie<ClubName, number>;
  /** Full names in both orders. */
  players: TokenTrie<PlayerEntry, number>;
  /** Surnames (and family names) → players. */
  surnames: Map<string, PlayerEntry[]>;
  /** Deletion variants of long surnames, for one-letter typos: variant → surnames. */
  typos: Map<string, string[]>;
  /** The same for long one-word club names ("Fenerbache" for Fenerbahce): variant → [word, club]. */
  clubTypos: Map<string, [string, string][]>;
  /** Never players: people (full names) and places. */
  people: TokenTrie<string, number>;
  /** Surnames of never-players ("allegri"), blocking surname-only mentions. */
  peopleSurnames: Map<string, string>;
  /** Coach or director surname → his club. */
  staffClub: Map<string, string>;
  /** Canonical club name → its country code ("TUR"), for "i turchi" (demonyms.ts). */
  clubCountry: Map<string, string>;
  /** Cited sources: phrase → canonical source name. */
  sources: TokenTrie<string, number>;
  lexicon: Lexicon;
  /** Lower-case common words that are also surnames ("palestra"); they need a transfer context. */
  commonWords: Set<string>;
}

/** Words that are also surnames in the gazetteer; a bare mention needs a transfer context. */
const COMMON_WORDS = [
  "palestra",
  "costa",
  "silva",
  "rosa",
  "bello",
  "santos",
  "vera",
  "leone",
  "gatti",
  "conti",
  "monti",
  "ferro",
  "mare",
  "sole",
  "porta",
  "rete",
  "campo",
  "marchi",
  "bianco",
  "neri",
  "rossi",
  "russo",
  "moreno",
  "blanco",
  "martin",
  "mota",
  "pace",
  "fortuna",
  "felix",
  "ruben",
  "rico",
  "forte",
  "vita",
  "terra",
  "angelo",
  "chance",
  "young",
  "white",
  "brown",
  "green",
  "king",
  "hill",
  "long",
  "little",
  "rice",
  "cash",
  "hope",
  "frank",
  "will",
  "ward",
  "page",
  "hall",
  "wood",
  "mount",
  "dean",
  "james",
  "grant",
  "lamb",
  "james",
  "summer",
];

const cache = new WeakMap<Gazetteer, Dictionaries>();

/** Builds (once per gazetteer) the tries the extractor scans with. */
export function dictionariesFor(g: Gazetteer): Dictionaries {
  const hit = cache.get(g);
  if (hit) return hit;
  const d = build(g.data);
  cache.set(g, d);
  return d;
}

/** Function words counted to tell English from Italian. */
const EN = ["the", "and", "with", "from", "has", "have", "is", "are", "was", "will", "his", "they", "deal"];
const IT = ["il", "della", "dell", "che", "con", "per", "una", "sono", "nel", "alla", "degli", "giocatore"];

function build(data: GazetteerData): Dictionaries {
  let lexicon: Lexicon | undefined;
  // A word first met in an article can only start a cue (through its stem): every name's words are known.
  const vocab: Vocab = new Vocab((word, id) => {
    if (!lexicon) return { flags: 0, stem: id };
    const stem: number = vocab.intern(lexicon.stem(word));
    return { flags: lexicon.trie.starts(stem) ? W_CUE : 0, stem };
  });
  const ids = (words: string[]) => words.map((w) => vocab.intern(w));
  lexicon = createLexicon(vocab);
  const weak = new Set(data.weak.map((w) => nameWords(w).join(" ")));
  const city = new Set(data.cityClubs.map((w) => nameWords(w).join(" ")));
  const clubs = new TokenTrie<ClubName, number>();
  const shared = new Set(
    (data.sharedNicknames ?? []).flatMap((g) => g.names.map((n) => nameWords(n).join(" "))),
  );
  for (const c of data.clubs) {
    for (const a of [c.name, ...c.aliases]) {
      const w = nameWords(a);
      const k = w.join(" ");
      clubs.add(ids(w), { club: c.name, nickname: false, weak: weak.has(k), city: city.has(k) });
    }
    for (const n of c.nicknames ?? []) {
      if (!shared.has(nameWords(n).join(" ")))
        clubs.add(ids(nameWords(n)), { club: c.name, nickname: true, weak: false, city: false });
    }
  }
  for (const g of data.sharedNicknames ?? []) {
    const value = { club: g.default ?? g.clubs[0]!, nickname: true, weak: false, city: false };
    for (const n of g.names)
      clubs.add(ids(nameWords(n)), { ...value, shared: { clubs: g.clubs, fallback: g.default } });
  }
  const players = new TokenTrie<PlayerEntry, number>();
  const sur = new Map<string, PlayerEntry[]>();
  for (const p of data.players) {
    for (const v of nameVariants(p.name)) if (v.length > 1) players.add(ids(v), p);
    for (const a of p.aka ?? []) for (const v of nameVariants(a)) if (v.length > 1) players.add(ids(v), p);
    for (const s of surnames(p)) {
      const k = s.join(" ");
      const list = sur.get(k);
      if (!list) sur.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    }
    if (!p.bare && nameWords(p.name).length === 1) players.add(ids(nameWords(p.name)), p);
  }
  const typos = new Map<string, string[]>();
  for (const k of sur.keys()) {
    if (k.length < 6 || k.includes(" ")) continue;
    for (const v of deletions(k)) {
      const list = typos.get(v);
      if (!list) typos.set(v, [k]);
      else if (!list.includes(k)) list.push(k);
    }
  }
  // Club names of at least 7 letters: shorter ones are a letter away from too many words.
  const clubTypos = new Map<string, [string, string][]>();
  for (const c of data.clubs) {
    for (const a of [c.name, ...c.aliases]) {
      const w = nameWords(a);
      if (w.length !== 1 || w[0]!.length < 7) continue;
      for (const v of [w[0]!, ...deletions(w[0]!)]) {
        const list = clubTypos.get(v) ?? [];
        if (!list.some(([word]) => word === w[0])) list.push([w[0]!, c.name]);
        clubTypos.set(v, list);
      }
    }
  }
  const people = new TokenTrie<string, number>();
  const peopleSurnames = new Map<string, string>();
  const staffClub = new Map<string, string>();
  for (const p of data.people) {
    const w = nameWords(p.name);
    people.add(ids(w), p.role);
    const last = w[w.length - 1]!;
    if (p.bySurname === false) continue;
    peopleSurnames.set(last, p.role);
    if (w.length >= 3) peopleSurnames.set(w.slice(-2).join(" "), p.role);
    if (p.club) staffClub.set(last, p.club);
  }
  for (const place of data.places) people.add(ids(nameWords(place)), "place");
  const sources = new TokenTrie<string, number>();
  for (const s of SOURCES) for (const a of [s.name, ...s.aliases]) sources.add(ids(nameWords(a)), s.name);
  const mark = (words: Iterable<string | number>, flag: number) => {
    for (const w of words) {
      const id = typeof w === "number" ? w : vocab.intern(w);
      vocab.flags[id]! |= flag;
    }
  };
  // The lexicon's own words were interned before it existed: give every word so far its stem and cue class.
  for (let id = 0; id < vocab.words.length; id++) {
    const stem = vocab.intern(lexicon.stem(vocab.words[id]!));
    vocab.stems[id] = stem;
    if (lexicon.trie.starts(stem)) vocab.flags[id]! |= W_CUE;
  }
  mark(clubs.firsts(), W_CLUB);
  mark(sources.firsts(), W_SOURCE);
  mark(people.firsts(), W_PERSON);
  mark(players.firsts(), W_PLAYER);
  for (const [words, values] of clubs.patterns())
    if (values.some((v) => v.nickname)) mark([words[0]!], W_NICK);
  for (const [words] of sources.patterns()) if (words.length > 1) mark([words[0]!], W_SOURCE_MULTI);
  // Most cue look-ups start at "a", "di", "in" and fail on the next word: these bits let the scan skip them.
  for (const [words] of lexicon.trie.patterns())
    mark([words.length > 1 ? words[1]! : words[0]!], words.length > 1 ? W_CUE2 : W_CUE1);
  const given = (name: string) => {
    const w = nameWords(name);
    if (w.length > 1) mark([w[0]!], W_GIVEN);
  };
  for (const p of data.players) {
    given(p.name);
    for (const a of p.aka ?? []) given(a);
  }
  for (const p of data.people) given(p.name);
  mark(NOT_NAMES, W_NOT_NAME);
  mark(CLAUSE_WORDS, W_CLAUSE);
  mark(Object.keys(COUNTRY), W_DEMONYM);
  mark(PAST_AUX, W_PAST_AUX);
  mark(EN, W_EN);
  mark(IT, W_IT);
  for (const k of sur.keys()) {
    const w = k.split(" ");
    if (w.length === 1) mark(w, W_SURNAME);
    else if (w.length === 2) mark([w[0]!], W_SURNAME2);
  }
  mark(
    [...peopleSurnames.keys()].filter((k) => !k.includes(" ")),
    W_STAFF_SURNAME,
  );
  vocab.seal();
  return {
    vocab,
    clubs,
    players,
    surnames: sur,
    typos,
    clubTypos,
    people,
    peopleSurnames,
    staffClub,
    clubCountry: new Map(data.clubs.filter((c) => c.country).map((c) => [c.name, c.country!])),
    sources,
    lexicon,
    commonWords: new Set(COMMON_WORDS),
  };
}

/** The word with one letter removed, every way, plus the word itself. */
export function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}
