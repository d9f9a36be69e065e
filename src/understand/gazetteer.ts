import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";
import { foldName } from "./types.js";

/** A club with every name it goes by. `name` is canonical ("Bayern Munich"). */
export interface ClubEntry {
  name: string;
  aliases: string[];
  country: string | null;
  /** Lower-case press nicknames that count as mentions even uncapitalised ("rossoneri"). */
  nicknames?: string[];
}

/** A known player. `club` is where the reference list has him; `clubs` every club he played for this season. */
export interface PlayerEntry {
  key: string;
  name: string;
  club: string | null;
  position: string | null;
  nation: string | null;
  born: number | null;
  clubs?: string[];
  /** Clubs he left since the older of the two lists (the wide list's club, September 2025). */
  former?: string[];
  /** Other full forms of his name ("Yann Aurel Bisseck"), matched like the name itself. */
  aka?: string[];
  /** A one-word name from the wide list ("Malcom"): a common first name, so read like a surname, with context. */
  bare?: boolean;
  /** Only in the wide list (52 leagues): a surname alone is him only when the article names his club. */
  wide?: boolean;
}

/**
 * One row of data/gazetteer/players.json: [key, name, club, position, nation, born, clubs?, former?, aka?, bits?]
 * with bits 1 = bare, 2 = wide.
 */
export type PlayerRow = [
  string,
  string,
  string | null,
  string | null,
  string | null,
  number | null,
  (string[] | 0)?,
  (string[] | 0)?,
  (string[] | 0)?,
  number?,
];

/** Entries from the compact rows the gazetteer build writes (the list is large and read at start-up). */
export function rowsToPlayers(rows: PlayerRow[]): PlayerEntry[] {
  const out: PlayerEntry[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const [key, name, club, position, nation, born, clubs, former, aka, bits = 0] = rows[i]!;
    const p: PlayerEntry = { key, name, club, position, nation, born, clubs: clubs || (club ? [club] : []) };
    if (former) p.former = former;
    if (aka) p.aka = aka;
    if (bits & 1) p.bare = true;
    if (bits & 2) p.wide = true;
    out[i] = p;
  }
  return out;
}

/** Someone who is never a player: coach, director, president, agent, journalist. */
export interface PersonEntry {
  name: string;
  role: string;
  club: string | null;
  /** false: only the full name blocks; his surname alone is a player's too often ("Henry"). */
  bySurname?: boolean;
}

/** Everything the gazetteer is built from, as shipped in data/. */
export interface GazetteerData {
  clubs: ClubEntry[];
  players: PlayerEntry[];
  people: PersonEntry[];
  /** Stadiums, training grounds, cities, competitions: never players. */
  places: string[];
  /** Short aliases that stand for a club only when not part of a longer capitalised name ("United", "Villa"). */
  weak: string[];
  /** Club names that are also cities: after a bare "a"/"in" they are the city ("portarlo a Torino"). */
  cityClubs: string[];
  /** Press nicknames several clubs share; the article's context picks one (see shared-nicknames.ts). */
  sharedNicknames?: SharedNickname[];
}

/** A nickname group: "nerazzurri" for Inter, Atalanta and Pisa; `default` when the article names none. */
export interface SharedNickname {
  names: string[];
  clubs: string[];
  default: string | null;
}

/** Look-ups over players and clubs. */
export interface Gazetteer {
  /** A club by any alias, case- and accent-insensitive, exact. */
  club(name: string): ClubEntry | undefined;
  /** Players by full name in either order, or by surname; best first (full-name matches, then by name). */
  players(query: string): PlayerEntry[];
  /** Players whose name or surname starts with `prefix`, for autocomplete. */
  suggestPlayers(prefix: string, limit: number): PlayerEntry[];
  /** Clubs whose name or an alias starts with `prefix`, for autocomplete. */
  suggestClubs(prefix: string, limit: number): ClubEntry[];
  /** The data behind it, for the extractor's matchers. */
  readonly data: GazetteerData;
}

/** foldName, remembered: building the look-ups folds each of the 18,000 names several times. */
const foldMemo = new Map<string, string>();
function folded(name: string): string {
  let f = foldMemo.get(name);
  if (f === undefined) {
    f = foldName(name);
    if (foldMemo.size > 200_000) foldMemo.clear();
    foldMemo.set(name, f);
  }
  return f;
}

/** Folded words of a name, hyphens and apostrophes as spaces: "Kim Min-Jae" → "kim min jae". */
export function nameWords(name: string): string[] {
  return folded(name)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Builds look-ups over given data (tests pass small data; the app uses loadGazetteer). */
export function createGazetteer(data: GazetteerData): Gazetteer {
  const clubByAlias = new Map<string, ClubEntry>();
  for (const c of data.clubs) {
    for (const a of [c.name, ...c.aliases, ...(c.nicknames ?? [])]) {
      const k = nameWords(a).join(" ");
      if (!clubByAlias.has(k)) clubByAlias.set(k, c);
    }
  }
  const byFull = new Map<string, PlayerEntry[]>();
  const bySurname = new Map<string, PlayerEntry[]>();
  const push = (m: Map<string, PlayerEntry[]>, k: string, p: PlayerEntry) => {
    const list = m.get(k);
    if (!list) m.set(k, [p]);
    else if (!list.includes(p)) list.push(p);
  };
  for (const p of data.players) {
    for (const v of nameVariants(p.name)) push(byFull, v.join(" "), p);
    for (const a of p.aka ?? []) for (const v of nameVariants(a)) push(byFull, v.join(" "), p);
    for (const s of surnames(p)) push(bySurname, s.join(" "), p);
  }
  // Sorted on first use: with the wide list, sorting at start-up cost more than the rest of the load.
  let sortedPlayers: PlayerEntry[] | undefined;
  let sortedClubs: ClubEntry[] | undefined;
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    data,
    club: (name) => clubByAlias.get(nameWords(name).join(" ")),
    players(query) {
      const k = nameWords(query).join(" ");
      const full = byFull.get(k) ?? [];
      const sur = (bySurname.get(k) ?? []).filter((p) => !full.includes(p));
      return [...full, ...sur];
    },
    suggestPlayers(prefix, limit) {
      const k = nameWords(prefix).join(" ");
      if (!k) return [];
      sortedPlayers ??= [...data.players].sort(byName);
      return sortedPlayers
        .filter((p) => {
          const w = nameWords(p.name).join(" ");
          return w.startsWith(k) || surnames(p).some((s) => s.join(" ").startsWith(k));
        })
        .slice(0, limit);
    },
    suggestClubs(prefix, limit) {
      const k = nameWords(prefix).join(" ");
      if (!k) return [];
      sortedClubs ??= [...data.clubs].sort(byName);
      return sortedClubs
        .filter((c) => [c.name, ...c.aliases].some((a) => nameWords(a).join(" ").startsWith(k)))
        .slice(0, limit);
    },
  };
}

/** Both name orders: "Joe Gomez" and "Gomez Joe"; "Kim Min-jae" and "Min-jae Kim". */
export function nameVariants(name: string): string[][] {
  const w = nameWords(name);
  if (w.length < 2) return [w];
  const out = [w, [...w.slice(1), w[0]!], [w[w.length - 1]!, ...w.slice(0, -1)]];
  // A hyphenated given name moves as one: "Min-jae Kim".
  const parts = folded(name).split(/\s+/);
  if (parts.length === 2) out.push([...nameWords(parts[1]!), ...nameWords(parts[0]!)]);
  return out;
}

/** Family-name-first nations: the first word is the surname ("Kim" of "Kim Min-jae"). */
const FAMILY_FIRST = new Set(["KOR", "PRK", "CHN"]);

/** The forms a surname-only mention can take: last word, last two words, the family name. */
export function surnames(p: Pick<PlayerEntry, "name" | "nation">): string[][] {
  const w = nameWords(p.name);
  if (w.length < 2) return [w];
  const out: string[][] = [[w[w.length - 1]!]];
  if (w.length >= 3) out.push(w.slice(-2));
  const spaced = folded(p.name).split(/\s+/);
  if (spaced.length >= 2) {
    const lastPart = nameWords(spaced[spaced.length - 1]!);
    if (lastPart.length > 1) out.push(lastPart);
  }
  // "Kim Min-jae": the family name only; "Jae" or "Min Jae" alone is nobody.
  if (p.nation && FAMILY_FIRST.has(p.nation)) return [[w[0]!]];
  return out;
}

let cached: Gazetteer | undefined;

/** Reads data/gazetteer and data/hand once per process. Throws if the files are missing (run `npm run gazetteer`). */
export function loadGazetteer(): Gazetteer {
  if (cached) return cached;
  const read = (...p: string[]) => JSON.parse(readFileSync(dataPath(...p), "utf8"));
  const hand = read("hand", "clubs.json") as {
    weak: string[];
    cityClubs: string[];
    sharedNicknames?: SharedNickname[];
  };
  const people = read("hand", "people.json") as { people: PersonEntry[]; places: string[] };
  cached = createGazetteer({
    clubs: read("gazetteer", "clubs.json"),
    players: rowsToPlayers(read("gazetteer", "players.json")),
    people: people.people,
    places: people.places,
    weak: hand.weak,
    cityClubs: hand.cityClubs,
    sharedNicknames: hand.sharedNicknames ?? [],
  });
  return cached;
}
