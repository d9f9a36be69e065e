import { nameWords, type PlayerEntry } from "./gazetteer.js";
import { G_COMMA_PAREN, G_PUNCT, G_SPACES, type Tokens } from "./tokens.js";
import { W_CLUB, W_GIVEN, W_NOT_NAME, W_PERSON, W_PLAYER, W_SOURCE, W_SURNAME } from "./vocab.js";

/**
 * What the words around a surname say about which player it is: a role ("il difensore Kim", "Silva, striker")
 * compared with his position, a nationality ("il brasiliano Silva") with his nation; and whether a capitalised
 * word before it makes it someone else's name ("Fabrizio De André" is not the player André).
 */

/** Role words (folded, final vowel dropped so "difensore"/"difensori" meet) → FBref position code. */
const ROLE: Record<string, string> = {};
for (const [code, words] of Object.entries({
  GK: "portier goalkeeper keeper",
  DF: "difensor terzin central stopper defender centre-back fullback",
  MF: "centrocampist median regist trequartist mezzal midfielder playmaker",
  FW: "attaccant centravant centroavant punt bomber striker forward winger",
})) {
  for (const w of words.split(" ")) ROLE[w] = code;
}

/** Nationality words (folded, final vowel dropped) → nation codes as the gazetteer stores them. */
const NATION: Record<string, string> = {};
for (const [code, words] of Object.entries({
  BRA: "brasilian brazilian",
  ARG: "argentin argentinian argentine",
  POR: "portoghes portugues",
  FRA: "frances french",
  ESP: "spagnol spanish spaniard",
  GER: "tedesc german",
  ENG: "ingles english",
  NED: "olandes dutch",
  BEL: "belg belgian",
  CRO: "croat croatian",
  SRB: "serb serbian",
  TUR: "turc turkish",
  NGA: "nigerian",
  SEN: "senegales senegalese",
  MAR: "marocchin moroccan",
  CIV: "ivorian",
  KOR: "corean sudcorean korean",
  JPN: "giappones japanes",
  URU: "uruguaian uruguayan",
  COL: "colombian",
  USA: "american statunitens",
  ITA: "italian",
  DEN: "danes danish",
  SWE: "svedes swedish",
  NOR: "norveges norwegian",
  POL: "polacc polish",
  SUI: "svizzer swiss",
  AUT: "austriac austrian",
  UKR: "ucrain ukrainian",
  GHA: "ghanes ghanaian",
  ALG: "algerin algerian",
  TUN: "tunisin tunisian",
  CMR: "camerunens cameroonian",
  GRE: "grec greek",
  SCO: "scozzes scottish",
  WAL: "galles welsh",
  IRL: "irlandes irish",
  MEX: "messican mexican",
  CAN: "canades canadian",
  ECU: "ecuadorian",
  PAR: "paraguaian paraguayan",
  CHI: "cilen chilean",
  GEO: "georgian",
  ALB: "albanes albanian",
  ROU: "rumen romen romanian",
  EGY: "egizian egyptian",
  MLI: "malian",
  KSA: "saudit saudi",
})) {
  for (const w of words.split(" ")) NATION[w] = code;
}

function stem(w: string): string {
  const last = w.charCodeAt(w.length - 1);
  // a, e, i, o
  return last === 97 || last === 101 || last === 105 || last === 111 ? w.slice(0, -1) : w;
}

/** Role and nation named beside a mention: up to three words before it, or right after a comma. */
export interface MentionHints {
  role: string | null;
  nation: string | null;
}

export function hintsAround(tokens: Tokens, start: number, end: number): MentionHints {
  const out: MentionHints = { role: null, nation: null };
  const sent = tokens.sent[start]!;
  const look = (k: number) => {
    const w = stem(tokens.norm(k));
    out.role ??= ROLE[w] ?? null;
    out.nation ??= NATION[w] ?? null;
  };
  // Backwards until another name: "the midfielder Luis Ferreira Neto" says nothing about a player Neto.
  for (let k = start - 1; k >= 0 && k >= start - 3 && tokens.sent[k] === sent && !tokens.cap[k]; k--) {
    look(k);
    if (tokens.gaps[k]! & G_PUNCT) break;
  }
  if (end < tokens.length && tokens.sent[end] === sent && tokens.gaps[end]! & G_COMMA_PAREN) {
    for (let k = end; k < tokens.length && k < end + 3 && tokens.sent[k] === sent; k++) look(k);
  }
  return out;
}

/** +1 when the hints fit the player, −1 when they contradict him, for each of role and nation. */
export function hintScore(p: PlayerEntry, h: MentionHints): number {
  let s = 0;
  if (h.role && p.position) s += p.position.startsWith(h.role) || p.position.includes(h.role) ? 1 : -1;
  if (h.nation && p.nation) s += p.nation === h.nation ? 1 : -1;
  return s;
}

/** Lower-case particles of compound surnames: "De André", "Van Dijk", "Dos Santos". */
const PARTICLES = new Set([
  "de",
  "di",
  "da",
  "del",
  "della",
  "van",
  "von",
  "der",
  "den",
  "dos",
  "das",
  "do",
  "le",
  "la",
]);

/**
 * The capitalised word before a one-word name mention that makes it part of another person's name, if any:
 * "Fabrizio De André", "Marco Rossi" for a player Rossi of another first name. The player's own first or middle names ("Pio Esposito") and words the
 * scan took for something else (a club, a source) do not count; nor do title-case headlines.
 */
export function foreignNameBefore(
  tokens: Tokens,
  covered: Uint8Array,
  at: number,
  candidates: readonly PlayerEntry[],
): boolean {
  const prev = at - 1;
  if (prev < 0 || tokens.sent[prev] !== tokens.sent[at] || !(tokens.gaps[at]! & G_SPACES)) return false;
  const f = tokens.vocab.flags[tokens.ids[prev]!]!;
  if (!tokens.cap[prev] || covered[prev] || f & W_NOT_NAME) return false;
  const w = tokens.norm(prev);
  if (candidates.some((p) => ownWord(p, w))) return false;
  if (PARTICLES.has(w)) return true;
  // Only a known given name counts: a nickname ("Taty Castellanos") is still him.
  if (!(f & W_GIVEN)) return false;
  // The first word of a sentence is capitalised anyway ("Ieri Kim ha firmato").
  if (prev === 0 || tokens.sent[prev - 1] !== tokens.sent[prev]) return false;
  return !titleCase(tokens, prev);
}

/**
 * Whether the capitalised word after a one-word name mention makes it a first name ("Ruben Kvasnic" is not the
 * player Rubén): an unknown word, not a club, source, person or player name, outside a title-case headline.
 */
export function firstNameOfOther(tokens: Tokens, next: number): boolean {
  if (next >= tokens.length || tokens.sent[next] !== tokens.sent[next - 1] || !tokens.cap[next]) return false;
  if (!(tokens.gaps[next]! & G_SPACES)) return false;
  const f = tokens.vocab.flags[tokens.ids[next]!]!;
  if (f & (W_NOT_NAME | W_CLUB | W_SOURCE | W_PERSON | W_PLAYER | W_SURNAME)) return false;
  return !titleCase(tokens, next);
}

/** Whether `w` is one of the words of the player's name or another form of it. */
export function ownWord(p: PlayerEntry, w: string): boolean {
  const words = wordsOf(p);
  if (words.includes(` ${w} `)) return true;
  // "Joe Hodge" for the list's "Joseph Shaun Hodge": the press writes the short form of a given name.
  const full = SHORT_FORMS[w];
  return !!full && full.some((f) => words.includes(` ${f} `));
}

/** Short forms of given names the press uses, and the names they stand for (folded). */
const SHORT_FORMS: Record<string, readonly string[]> = {
  joe: ["joseph"],
  tom: ["thomas"],
  tommy: ["thomas"],
  matt: ["matthew"],
  mike: ["michael"],
  alex: ["alexander", "alessandro", "alexandre", "alejandro"],
  dan: ["daniel"],
  danny: ["daniel"],
  ben: ["benjamin"],
  sam: ["samuel"],
  will: ["william"],
  jim: ["james"],
  jimmy: ["james"],
  rob: ["robert"],
  bobby: ["robert"],
  chris: ["christopher", "christian"],
  nick: ["nicholas", "nicolas"],
  tony: ["anthony", "antonio"],
  andy: ["andrew"],
  nico: ["nicolas", "nicolo"],
  beppe: ["giuseppe"],
  pippo: ["filippo"],
  gigi: ["luigi"],
  toto: ["salvatore"],
  max: ["maximilian", "massimiliano"],
  fede: ["federico"],
  pepe: ["jose"],
};

/** " min jae kim ... ": every folded word of his name and its other forms, kept per entry (folding is slow). */
const folded = new WeakMap<PlayerEntry, string>();
function wordsOf(p: PlayerEntry): string {
  let out = folded.get(p);
  if (out === undefined) {
    out = ` ${[p.name, ...(p.aka ?? [])].flatMap(nameWords).join(" ")} `;
    folded.set(p, out);
  }
  return out;
}

/** A headline in title case ("Inter Eye Bassey January Move"): most words of its sentence capitalised. */
function titleCase(tokens: Tokens, at: number): boolean {
  const sent = tokens.sent[at]!;
  let from = at;
  while (from > 0 && tokens.sent[from - 1] === sent) from--;
  let caps = 0;
  let all = 0;
  for (let k = from; k < tokens.length && tokens.sent[k] === sent; k++) {
    if (tokens.norm(k).length < 4) continue;
    all++;
    caps += tokens.cap[k]!;
  }
  return all >= 3 && caps * 3 >= all * 2;
}
