/**
 * `npm run gazetteer`: builds data/gazetteer/{clubs,players}.json from ../shared/data (the FBref player list and
 * the Football.TXT club lists) plus the hand-kept data/hand/clubs.json. The output is committed so a fresh clone
 * works without ../shared; rerun this after editing data/hand/clubs.json.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dataPath, projectRoot } from "../src/paths.js";
import { foldName, playerKey } from "../src/understand/types.js";

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
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  const head = splitCsv(lines[0]!);
  return lines.slice(1).map((l) => {
    const cells = splitCsv(l);
    return Object.fromEntries(head.map((h, i) => [h, cells[i] ?? ""])) as unknown as Row;
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

interface OutPlayer {
  key: string;
  name: string;
  club: string | null;
  clubs: string[];
  position: string | null;
  nation: string | null;
  born: number | null;
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
    position: r.pos || null,
    nation: r.nation || null,
    born: Number(r.born) || null,
  });
}

mkdirSync(dataPath("gazetteer"), { recursive: true });
writeFileSync(
  dataPath("gazetteer", "clubs.json"),
  `${JSON.stringify(clubs, null, 0).replace(/\},\{/g, "},\n{")}\n`,
);
writeFileSync(
  dataPath("gazetteer", "players.json"),
  `${JSON.stringify([...players.values()], null, 0).replace(/\},\{/g, "},\n{")}\n`,
);
console.log(`gazetteer: ${clubs.length} clubs, ${players.size} players → data/gazetteer/`);
