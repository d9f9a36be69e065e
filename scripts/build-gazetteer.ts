/**
 * `npm run gazetteer`: builds data/gazetteer/{clubs,players}.json from ../shared/data (the FBref player list and
 * the Football.TXT club lists) plus the hand-kept data/hand/clubs.json. The output is committed so a fresh clone
 * works without ../shared; rerun this after editing data/hand/clubs.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataPath, projectRoot } from "../src/paths.js";
import { nameWords } from "../src/understand/gazetteer.js";
import { foldName, playerKey } from "../src/understand/types.js";
import {
  bornYears,
  type Fc26Row,
  NATION_CODE,
  plainClubName,
  positionCode,
  pressName,
} from "./gazetteer-fc26.js";

interface HandClub {
  name: string;
  country: string | null;
  aliases: string[];
  nicknames: string[];
}
interface OutClub extends HandClub {}

const shared = process.env.SHARED_DATA ?? join(projectRoot, "..", "shared", "data");
if (!existsSync(shared)) throw new Error(`shared data not found at ${shared} (set SHARED_DATA)`);

const hand = JSON.parse(readFileSync(dataPath("hand", "clubs.json"), "utf8")) as { clubs: HandClub[] };
const clubs: OutClub[] = hand.clubs.map((c) => ({
  ...c,
  aliases: [...c.aliases],
  nicknames: [...c.nicknames],
}));
/** Folded alias → club; an alias claimed by two clubs is ambiguous and kept only by the hand-kept one. */
const byAlias = new Map<string, OutClub>();
for (const c of clubs) for (const a of [c.name, ...c.aliases]) byAlias.set(foldName(a), c);

/** Parses a Football.TXT club list: `Official Name, [year], [@ stadium], City` then `| alias | alias [lang]`. */
function parseFootballTxt(text: string): string[][] {
  const out: string[][] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*$/, "").trimEnd();
    if (!line.trim() || /^\s*=/.test(line)) continue;
    if (/^\s*\|/.test(line)) {
      const last = out[out.length - 1];
      if (!last) continue;
      for (const part of line.split("|")) {
        const a = part.trim();
        // Aliases in other languages ("AC Mailand [de]") would only add noise to Italian and English text.
        if (!a || (/\[[a-z]{2}\]/.test(a) && !/\[(en|it)\]/.test(a))) continue;
        last.push(a.replace(/\s*\[[a-z]{2}\]/, "").trim());
      }
    } else if (!/^\s/.test(line)) {
      const name = line.split(",")[0]!.trim();
      if (name) out.push([name]);
    }
  }
  return out;
}

const COUNTRY: Record<string, string> = { it: "ITA", eng: "ENG", es: "ESP", de: "GER", fr: "FRA" };
for (const [suffix, country] of Object.entries(COUNTRY)) {
  const lists = parseFootballTxt(readFileSync(join(shared, `clubs-${suffix}.txt`), "utf8"));
  for (const names of lists) {
    // Reserve and youth sides share the first team's aliases; leave them out.
    if (names.some((n) => /\b(II|B|U\d\d|Primavera|Women|Femminile)\b/.test(n))) continue;
    const known = names.map((n) => byAlias.get(foldName(n))).find((c) => c !== undefined);
    const club: OutClub = known ?? { name: names[1] ?? names[0]!, country, aliases: [], nicknames: [] };
    if (!known) clubs.push(club);
    for (const n of names) {
      const f = foldName(n);
      const owner = byAlias.get(f);
      if (owner && owner !== club) continue;
      byAlias.set(f, club);
      if (!club.aliases.some((a) => foldName(a) === f) && foldName(club.name) !== f) club.aliases.push(n);
    }
  }
}

// Players: one entry per person; a mid-season mover has two rows and keeps both clubs.
interface Row {
  player: string;
  nation: string;
  pos: string;
  squad: string;
  comp: string;
  born: string;
}
function parseCsv(text: string): Row[] {
  return parseRows<Row>(text);
}
function parseRows<T>(text: string): T[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const head = splitCsv(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = splitCsv(l);
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ""])) as unknown as T;
  });
}
function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const COMP_COUNTRY: Record<string, string> = {
  "Serie A": "ITA",
  "Premier League": "ENG",
  "La Liga": "ESP",
  Bundesliga: "GER",
  "Ligue 1": "FRA",
};
function clubOf(squad: string, comp: string): string {
  const c = byAlias.get(foldName(squad));
  if (c) return c.name;
  const fresh: OutClub = { name: squad, country: COMP_COUNTRY[comp] ?? null, aliases: [], nicknames: [] };
  clubs.push(fresh);
  byAlias.set(foldName(squad), fresh);
  return squad;
}

const wide = parseRows<Fc26Row>(readFileSync(join(shared, "players-fc26.csv"), "utf8"));
/** Every word of a player's name in either list: a club called by one of them alone would eat mentions of him. */
const personWords = new Set<string>();
for (const r of wide) for (const w of nameWords(`${r.name} ${r.short_name}`)) personWords.add(w);

/** Clubs keyed by their name without legal affixes, to meet the wide list's spellings ("Al Ahli SFC"). */
const byPlain = new Map<string, OutClub>();
for (const c of clubs)
  for (const a of [c.name, ...c.aliases]) byPlain.set(nameWords(plainClubName(a)).join(" "), c);

/** The club a wide-list row names, added with its plain name as an alias when new ("Gil Vicente FC"). */
function fc26Club(raw: string, league: string): string {
  const plain = plainClubName(raw);
  const pk = nameWords(plain).join(" ");
  const hit = byAlias.get(foldName(raw)) ?? byAlias.get(foldName(plain)) ?? byPlain.get(pk);
  if (hit) {
    for (const a of [raw, plain]) {
      const f = foldName(a);
      if (byAlias.has(f) || (a === plain && !safeAlone(pk))) continue;
      hit.aliases.push(a);
      byAlias.set(f, hit);
    }
    return hit.name;
  }
  const country = /\(([^)/]+)/.exec(league)?.[1] ?? "";
  const alone = safeAlone(pk);
  const club: OutClub = {
    name: alone ? plain : raw,
    country: NATION_CODE[country] ?? (country || null),
    aliases: [],
    nicknames: [],
  };
  for (const a of [raw, plain]) {
    if (a === club.name || (a === plain && !alone) || byAlias.has(foldName(a))) continue;
    club.aliases.push(a);
  }
  const spaced = plain.replace(/^Al-/, "Al ");
  if (spaced !== plain && !club.aliases.includes(spaced)) club.aliases.push(spaced);
  clubs.push(club);
  for (const a of [club.name, ...club.aliases]) byAlias.set(foldName(a), club);
  byPlain.set(pk, club);
  return club.name;
}

/** A one-word club name that is also a player's name ("Santos") is only kept in its longer form. */
function safeAlone(plainKey: string): boolean {
  return plainKey.includes(" ") || !personWords.has(plainKey);
}

interface OutPlayer {
  key: string;
  name: string;
  club: string | null;
  clubs: string[];
  former: string[];
  position: string | null;
  nation: string | null;
  born: number | null;
  aka: string[];
  bare: boolean;
  wide: boolean;
}
const players = new Map<string, OutPlayer>();
for (const r of parseCsv(readFileSync(join(shared, "players-2025-26.csv"), "utf8"))) {
  const club = clubOf(r.squad, r.comp);
  let key = playerKey(r.player);
  const same = players.get(key);
  if (same && same.born !== (Number(r.born) || null)) key = `${key}-${r.born}`;
  const p = players.get(key);
  if (p) {
    if (!p.clubs.includes(club)) p.clubs.push(club);
    continue;
  }
  players.set(key, {
    key,
    name: r.player,
    club,
    clubs: [club],
    former: [],
    position: r.pos || null,
    nation: r.nation || null,
    born: Number(r.born) || null,
    aka: [],
    bare: false,
    wide: false,
  });
}

// The wide list (September 2025, 52 leagues): the same person keeps his entry and key, takes the press form of
// his name and keeps the wide list's club as a former one; everyone else joins.
const known = new Map<string, OutPlayer[]>();
for (const p of players.values()) {
  const w = nameWords(p.name);
  for (const k of [w[0]!, w[w.length - 1]!]) known.set(k, [...(known.get(k) ?? []), p]);
}
let merged = 0;
for (const r of wide) {
  const name = pressName(r);
  const words = nameWords(name);
  if (!words.length) continue;
  const years = bornYears(r.born);
  const all = new Set([...nameWords(r.name), ...nameWords(r.short_name), ...words]);
  const club = r.club ? fc26Club(r.club, r.league) : null;
  const nation = NATION_CODE[r.nation] ?? (r.nation || null);
  // Same person: every word of the other list's name is one of his, born the same year, same nation.
  const pool = [...(known.get(words[words.length - 1]!) ?? []), ...(known.get(words[0]!) ?? [])];
  const named = pool.find(
    (p) =>
      // The same name at the same club is him, whatever the two lists say of his birth or nation.
      (sameName(p.name, name) && !!club && p.clubs.includes(club)) ||
      ((nameWords(p.name).every((w) => all.has(w)) || sameClubAndInitials(p, words, club)) &&
        (!p.born || !years.length || years.includes(p.born)) &&
        (!p.nation || !nation || p.nation === nation || nation.length > 3)),
  );
  // "Manu Koné" and "Kouadio Koné" (Kouadio Emmanuel Boris): the one player of that surname at that club born
  // that year. Two of them (the twins Toni and Guille Fernández) merge with neither.
  const bySurname = new Set(named ? [] : pool.filter((p) => sameClubSurnameYear(p, words, club, years)));
  const same = named ?? (bySurname.size === 1 ? [...bySurname][0] : undefined);
  const legal = r.name.trim();
  if (same) {
    merged++;
    if (club && !same.clubs.includes(club) && !same.former.includes(club)) same.former.push(club);
    // A shorter press form of the same name ("Yann Bisseck" of "Yann Aurel Bisseck") becomes the name shown.
    const had = nameWords(same.name);
    if (words.length > 1 && words.length < had.length && words.every((w) => had.includes(w))) {
      same.aka.push(same.name);
      same.name = name;
    }
    if (
      nameWords(legal).length <= 3 &&
      !sameName(legal, same.name) &&
      !same.aka.some((a) => sameName(a, legal))
    )
      same.aka.push(legal);
    continue;
  }
  let key = playerKey(name);
  if (players.has(key)) key = `${key}-${years[0] ?? "x"}`;
  for (let n = 2; players.has(key); n++) key = `${playerKey(name)}-${years[0] ?? "x"}-${n}`;
  players.set(key, {
    key,
    name,
    club,
    clubs: club ? [club] : [],
    former: [],
    position: positionCode(r.position),
    nation,
    born: years[0] ?? null,
    aka: nameWords(legal).length <= 3 && !sameName(legal, name) ? [legal] : [],
    // A one-word name ("Malcom") is a common first name too: it is read like a surname, with context.
    bare: words.length === 1,
    wide: true,
  });
}

function sameClubSurnameYear(p: OutPlayer, words: string[], club: string | null, years: number[]): boolean {
  const had = nameWords(p.name);
  return (
    !!club &&
    p.clubs.includes(club) &&
    !!p.born &&
    years.includes(p.born) &&
    had[had.length - 1] === words[words.length - 1]
  );
}

/** "Joe Gomez" of Liverpool and "Joseph Gomez" of Liverpool: same surname and initial, same club. */
function sameClubAndInitials(p: OutPlayer, words: string[], club: string | null): boolean {
  const had = nameWords(p.name);
  return (
    !!club &&
    p.clubs.includes(club) &&
    had.length > 1 &&
    words.length > 1 &&
    had[had.length - 1] === words[words.length - 1] &&
    had[0]![0] === words[0]![0]
  );
}

function sameName(a: string, b: string): boolean {
  return nameWords(a).join(" ") === nameWords(b).join(" ");
}

/** Compact rows (see rowsToPlayers in src/understand/gazetteer.ts): the list is large and loaded at start-up. */
function toRow(p: OutPlayer): unknown[] {
  const row: unknown[] = [
    p.key,
    p.name,
    p.club,
    p.position,
    p.nation,
    p.born,
    p.clubs.length > 1 ? p.clubs : 0,
    p.former.length ? p.former : 0,
    p.aka.length ? p.aka : 0,
    (p.bare ? 1 : 0) | (p.wide ? 2 : 0),
  ];
  while (row[row.length - 1] === 0) row.pop();
  return row;
}

mkdirSync(dataPath("gazetteer"), { recursive: true });
writeFileSync(
  dataPath("gazetteer", "clubs.json"),
  `${JSON.stringify(clubs, null, 0).replace(/\},\{/g, "},\n{")}\n`,
);
writeFileSync(
  dataPath("gazetteer", "players.json"),
  `[\n${[...players.values()].map((p) => JSON.stringify(toRow(p))).join(",\n")}\n]\n`,
);
console.log(
  `gazetteer: ${clubs.length} clubs, ${players.size} players (${merged} of the wide list merged) → data/gazetteer/`,
);
