import { SOURCES } from "./cited-sources.js";
import {
  type Gazetteer,
  type GazetteerData,
  nameVariants,
  nameWords,
  type PlayerEntry,
  surnames,
} from "./gazetteer.js";
import { createLexicon, type Lexicon } from "./lexicon.js";
import { TokenTrie } from "./token-trie.js";

/** A club alias as the matcher knows it. */
export interface ClubName {
  club: string;
  /** Lower-case nickname: matches uncapitalised. */
  nickname: boolean;
  /** Short alias that yields to a longer capitalised name around it. */
  weak: boolean;
  /** Also a city: after a bare "a"/"in" it is the city. */
  city: boolean;
}

/** Everything the extractor matches, built once per gazetteer. */
export interface Dictionaries {
  clubs: TokenTrie<ClubName>;
  /** Full names in both orders. */
  players: TokenTrie<PlayerEntry>;
  /** Surnames (and family names) → players. */
  surnames: Map<string, PlayerEntry[]>;
  /** Deletion variants of long surnames, for one-letter typos: variant → surnames. */
  typos: Map<string, string[]>;
  /** Never players: people (full names) and places. */
  people: TokenTrie<string>;
  /** Surnames of never-players ("allegri"), blocking surname-only mentions. */
  peopleSurnames: Map<string, string>;
  /** Coach or director surname → his club. */
  staffClub: Map<string, string>;
  /** Cited sources: phrase → canonical source name. */
  sources: TokenTrie<string>;
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

function build(data: GazetteerData): Dictionaries {
  const weak = new Set(data.weak.map((w) => nameWords(w).join(" ")));
  const city = new Set(data.cityClubs.map((w) => nameWords(w).join(" ")));
  const clubs = new TokenTrie<ClubName>();
  for (const c of data.clubs) {
    for (const a of [c.name, ...c.aliases]) {
      const w = nameWords(a);
      const k = w.join(" ");
      clubs.add(w, { club: c.name, nickname: false, weak: weak.has(k), city: city.has(k) });
    }
    for (const n of c.nicknames ?? [])
      clubs.add(nameWords(n), { club: c.name, nickname: true, weak: false, city: false });
  }
  const players = new TokenTrie<PlayerEntry>();
  const sur = new Map<string, PlayerEntry[]>();
  for (const p of data.players) {
    for (const v of nameVariants(p.name)) if (v.length > 1) players.add(v, p);
    for (const s of surnames(p)) {
      const k = s.join(" ");
      const list = sur.get(k);
      if (!list) sur.set(k, [p]);
      else if (!list.includes(p)) list.push(p);
    }
    if (nameWords(p.name).length === 1) players.add(nameWords(p.name), p);
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
  const people = new TokenTrie<string>();
  const peopleSurnames = new Map<string, string>();
  const staffClub = new Map<string, string>();
  for (const p of data.people) {
    const w = nameWords(p.name);
    people.add(w, p.role);
    const last = w[w.length - 1]!;
    peopleSurnames.set(last, p.role);
    if (w.length >= 3) peopleSurnames.set(w.slice(-2).join(" "), p.role);
    if (p.club) staffClub.set(last, p.club);
  }
  for (const place of data.places) people.add(nameWords(place), "place");
  const sources = new TokenTrie<string>();
  for (const s of SOURCES) for (const a of [s.name, ...s.aliases]) sources.add(nameWords(a), s.name);
  return {
    clubs,
    players,
    surnames: sur,
    typos,
    people,
    peopleSurnames,
    staffClub,
    sources,
    lexicon: createLexicon(),
    commonWords: new Set(COMMON_WORDS),
  };
}

/** The word with one letter removed, every way, plus the word itself. */
export function deletions(w: string): string[] {
  const out = [w];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}
