/**
 * Reading the wide player list (players-fc26.csv) for the gazetteer build: the name the press uses, the year of
 * birth, the nation as a three-letter code, and a club name without its legal affixes ("Fenerbahçe SK").
 */
import { nameWords } from "../src/understand/gazetteer.js";

export interface Fc26Row {
  name: string;
  short_name: string;
  club: string;
  league: string;
  nation: string;
  born: string;
  position: string;
}

/** Korean and Chinese names are given-name first in `name`; the press writes the family name first too. */
const FAMILY_FIRST = new Set(["Korea Republic", "Korea DPR", "China PR"]);

/**
 * The common full name: `short_name` when it is spelled out ("João Cancelo"), else the first given name with the
 * surname of `short_name` ("J. Mateta" of "Jean-Philippe Mateta" → "Jean-Philippe Mateta"). Korean and Chinese
 * names come family name first ("Kim Min-jae"), as the other list and the Italian press write them.
 */
export function pressName(r: Fc26Row): string {
  const legal = r.name.trim().split(/\s+/);
  if (FAMILY_FIRST.has(r.nation) && legal.length >= 2) {
    return [legal[legal.length - 1]!, ...legal.slice(0, -1)].join(" ");
  }
  const short = r.short_name.trim();
  const initial = /^(?:\p{Lu}\.\s*)+(.+)$/u.exec(short);
  if (!initial) return short || r.name.trim();
  const surname = initial[1]!.trim();
  const first = legal[0]!;
  // "J. Mateta": the initial is the legal first name's; when it is not, the short form is all we have.
  if (foldInitial(first) !== foldInitial(short)) return surname;
  return `${first} ${surname}`;
}

function foldInitial(s: string): string {
  return nameWords(s)[0]?.[0] ?? "";
}

/** Years of birth a row allows: "1997-06-28" → [1997]; "2004/2005" (age only) → both. */
export function bornYears(born: string): number[] {
  const range = /^(\d{4})\/(\d{4})$/.exec(born);
  if (range) return [Number(range[1]), Number(range[2])];
  const y = Number(born.slice(0, 4));
  return y ? [y] : [];
}

/** FBref's position codes from the game's ("ST/CAM" → "FW,MF"), main position first. */
export function positionCode(position: string): string | null {
  const out: string[] = [];
  for (const p of position.split("/")) {
    const code = p === "GK" ? "GK" : /B$/.test(p) ? "DF" : /M$/.test(p) ? "MF" : p ? "FW" : "";
    if (code && !out.includes(code)) out.push(code);
  }
  return out.length ? out.join(",") : null;
}

/** Legal-form words a club name carries that the press drops ("SK", "FC", "Calcio"). */
const AFFIXES = new Set([
  "fc",
  "sc",
  "sk",
  "jk",
  "fk",
  "sfc",
  "afc",
  "cf",
  "cd",
  "sl",
  "sad",
  "ssc",
  "ac",
  "us",
  "calcio",
  "futebol",
  "saudi",
  "club",
  "rc",
  "rcd",
  "ud",
  "sd",
  "ca",
  "ogc",
  "sv",
  "fsv",
  "vfl",
  "vfb",
  "tsg",
  "ssv",
  "1",
]);

/** The club's name without legal affixes, spelled as written: "Fenerbahçe SK" → "Fenerbahçe"; "Al Fateh" → "Al-Fateh". */
export function plainClubName(club: string): string {
  const kept = club
    .trim()
    .split(/\s+/)
    // Founding years ("SSV Ulm 1846") go too; squad numbers in names ("Hannover 96", "Schalke 04") stay.
    .filter((w) => !AFFIXES.has(nameWords(w).join(" ")) && !/^1[89]\d\d$/.test(w));
  const out = (kept.length ? kept : [club]).join(" ");
  return out.replace(/^Al (?=\p{Lu})/u, "Al-");
}

/** FIFA codes of the nations the other list uses, so both lists speak one language. Others stay spelled out. */
export const NATION_CODE: Record<string, string> = {
  England: "ENG",
  Germany: "GER",
  Argentina: "ARG",
  Spain: "ESP",
  France: "FRA",
  Brazil: "BRA",
  Italy: "ITA",
  Netherlands: "NED",
  Norway: "NOR",
  "United States": "USA",
  "Korea Republic": "KOR",
  "Korea DPR": "PRK",
  Sweden: "SWE",
  "China PR": "CHN",
  Denmark: "DEN",
  "Republic of Ireland": "IRL",
  "Saudi Arabia": "KSA",
  Portugal: "POR",
  Poland: "POL",
  Belgium: "BEL",
  Australia: "AUS",
  Romania: "ROU",
  Austria: "AUT",
  Türkiye: "TUR",
  Scotland: "SCO",
  Uruguay: "URU",
  Switzerland: "SUI",
  Colombia: "COL",
  Chile: "CHI",
  Croatia: "CRO",
  Paraguay: "PAR",
  Nigeria: "NGA",
  Wales: "WAL",
  "Côte d'Ivoire": "CIV",
  Senegal: "SEN",
  Morocco: "MAR",
  Ghana: "GHA",
  Ecuador: "ECU",
  Serbia: "SRB",
  Venezuela: "VEN",
  Peru: "PER",
  Greece: "GRE",
  Japan: "JPN",
  Ukraine: "UKR",
  Czechia: "CZE",
  Canada: "CAN",
  Finland: "FIN",
  Cameroon: "CMR",
  "Northern Ireland": "NIR",
  Mali: "MLI",
  Kosovo: "KVX",
  "Bosnia and Herzegovina": "BIH",
  Hungary: "HUN",
  Iceland: "ISL",
  Algeria: "ALG",
  Albania: "ALB",
  Slovakia: "SVK",
  Slovenia: "SVN",
  "Congo DR": "COD",
  Mexico: "MEX",
  Jamaica: "JAM",
  Gambia: "GAM",
  Guinea: "GUI",
  Georgia: "GEO",
  Tunisia: "TUN",
  Egypt: "EGY",
  Montenegro: "MNE",
  "North Macedonia": "MKD",
  Bulgaria: "BUL",
  Israel: "ISR",
  Russia: "RUS",
  Angola: "ANG",
  "Burkina Faso": "BFA",
  "Guinea-Bissau": "GNB",
  Uzbekistan: "UZB",
};
