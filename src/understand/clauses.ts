import type { Article, PlayerRef, Sentence } from "./article.js";
import { K, LADDER_BITS, STAGE_BITS } from "./lexicon.js";
import type { CueMention } from "./mentions.js";
import { G_APOS, G_COMMA_PAREN, G_PUNCT, G_SPACES, type Tokens } from "./tokens.js";
import { type Certainty, foldName, STAGE_RANK, type Stage } from "./types.js";
import {
  W_CLAUSE,
  W_CLUB,
  W_CONDITIONAL,
  W_CUE,
  W_DIGIT,
  W_NOT_NAME,
  W_PAST_AUX,
  W_PERSON,
  W_SOURCE,
} from "./vocab.js";

/**
 * Reading a sentence as clauses. A stage cue speaks only for its own clause: the clause decides how sure it is
 * (a negation, a possibility, a reported or conditional verb, a past tense) and, when the sentence names
 * several players, whom it is about. The rest of the linker asks these readings instead of the bare cues.
 */

/** How one stage or collapse cue reads in its clause. */
export interface CueReading {
  /** The forward stage the clause states for sure, after negation and modality; undefined: none. */
  stage: Stage | undefined;
  /** The stage the cue claims when modality lowered it (kept as a claim, never rung). */
  claimed: Stage | undefined;
  /** A collapse the clause states (plain or past: see certainty). */
  collapse: boolean;
  certainty: Certainty;
  /** With several players named, the one in the cue's clause; undefined: the sentence's subjects. */
  owner: PlayerRef | undefined;
  /** Names joined by "e" share the cue, each with his own club ("X al Napoli e Y alla Juventus, fatte"). */
  shared?: boolean;
}

/** A sentence's cue readings (same order as `s.cues`) and who is named only in passing. */
export interface SentenceReading {
  cues: CueReading[];
  /** Players named only in passing in this sentence ("al posto di X"): they take no link from it. */
  aside: Set<PlayerRef>;
  /** Whether a club mention (by its first token) stands in the clause of a player named in passing, or of a
   * deal that is somebody else's. */
  asideClub(start: number): boolean;
  /**
   * The player named in passing whose relative clause holds this token ("per sostituire Ederson, sul quale il
   * City ha avviato una trattativa"): that clause's cues and clubs are his.
   */
  relativeOf(tok: number): PlayerRef | undefined;
  /** Whether a club mention stands in a clause told as history ("in estate il City aveva chiesto…"). */
  historyClub(start: number): boolean;
  /** The stretch (clauses up to a strong cut: ; : ( or "mentre", "ma") holding a token. */
  stretchOf(tok: number): number;
  /** The clause (cut at punctuation and clause words) holding a token. */
  clauseOf(tok: number): number;
}

const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
const LADDER_K = LADDER.map((s) => K[s]);

/** Italian past participles and the English -ed/-en forms, after a past auxiliary ("era finito", "had agreed"). */
const PARTICIPLE = /(?:at|it|ut)[oaie]$|(?:ss|tt|st|rs)[oaie]$|ed$|en$/;
/** Glue words that may sit between an aside cue and the name ("dopo l'addio di X"). */
const ASIDE_GLUE = new Set([
  "di",
  "del",
  "dell",
  "della",
  "a",
  "al",
  "il",
  "l",
  "lo",
  "la",
  "the",
  "of",
  "to",
]);
/** Italian and English nationality words of the press, to the codes of the player lists. */
const NATIONS: Record<string, string> = {
  olandese: "NED",
  francese: "FRA",
  inglese: "ENG",
  spagnolo: "ESP",
  tedesco: "GER",
  brasiliano: "BRA",
  argentino: "ARG",
  portoghese: "POR",
  belga: "BEL",
  nigeriano: "NGA",
  turco: "TUR",
  italiano: "ITA",
  svedese: "SWE",
  danese: "DEN",
  croato: "CRO",
  serbo: "SRB",
  sudcoreano: "KOR",
  coreano: "KOR",
  ivoriano: "CIV",
  senegalese: "SEN",
  marocchino: "MAR",
  statunitense: "USA",
  americano: "USA",
  norvegese: "NOR",
  svizzero: "SUI",
  austriaco: "AUT",
  polacco: "POL",
  scozzese: "SCO",
  irlandese: "IRL",
  uruguaiano: "URU",
  colombiano: "COL",
  ghanese: "GHA",
  ucraino: "UKR",
  georgiano: "GEO",
  dutch: "NED",
  french: "FRA",
  english: "ENG",
  spanish: "ESP",
  german: "GER",
  brazilian: "BRA",
  argentine: "ARG",
  portuguese: "POR",
  belgian: "BEL",
  nigerian: "NGA",
  italian: "ITA",
  korean: "KOR",
};
/** Clause words that may also stand second in a clause as adverbs. */
const POSTPOSED = new Set(["pero", "invece", "however", "though"]);
/** Player nouns that also name the deal ("il nuovo acquisto" is a player, "l'acquisto di" the purchase). */
const ACT_NOUNS = new Set(["acquisto", "rinforzo"]);
const OF_WORDS = new Set(["di", "del", "dell", "della", "dello", "of"]);
const EPITHET_ARTICLES = new Set(["il", "l", "lo", "sul", "sull", "del", "dell", "al", "all", "per", "nel"]);
/** Relative pronouns opening a clause about the name just before them. */
export const RELATIVES = new Set(["che", "quale", "who", "which", "whom"]);
/** Before "Sporting winger": the English article or preposition of an epithet with its club in front. */
const ATTRIBUTIVE_BEFORE = new Set(["the", "of", "for", "on"]);
const OBJECT_PREPS = new Set(["di", "per", "su", "of", "for", "on"]);
const ARTICLES = new Set(["il", "lo", "la", "l", "i", "gli", "le", "un", "uno", "una", "the"]);
const NOTHING = new Set(["niente", "nulla"]);
const NOW = new Set(["ora", "adesso", "oggi", "recentemente", "now", "recently", "today"]);
const INDEFINITE = new Set(["un", "uno", "una", "a", "an"]);
const COMPARE = new Set(["come", "like"]);
const AND = new Set(["e", "ed", "and", "o", "or"]);
/** Nouns of an offer: refusing one is part of the talks. */
const OFFICIAL_WORD = /^(ufficial|official)/;
const OFFER = new Set([
  "offerta",
  "offerte",
  "proposta",
  "proposte",
  "rilancio",
  "offer",
  "offers",
  "bid",
  "bids",
  "proposal",
]);
/** Landing words: medicals when the player lands, talks when a club's people do. */
const LANDING = /^(sbarcat|atterrat|arrivat|landed)/;
const DELEGATION = new Set([
  "delegazione",
  "dirigenti",
  "dirigenza",
  "ds",
  "emissari",
  "delegation",
  "officials",
]);
/** Lower-case particles of surnames ("de Vrij", "van Dijk", "di Lorenzo"). */
const PARTICLES = new Set(["de", "van", "der", "den", "di", "da", "del", "dos", "das", "von", "le"]);
const INFINITIVE = /(?:are|ere|ire)$/;
const GERUND = /^\p{L}+(?:ando|endo)$/u;
const STRONG = /[;:()–—]/;
const ANY_CUT = /[,.;:()–—]/;

const NONE: SentenceReading = {
  cues: [],
  aside: new Set(),
  asideClub: () => false,
  relativeOf: () => undefined,
  historyClub: () => false,
  stretchOf: () => 0,
  clauseOf: () => 0,
};
const READ_BITS = LADDER_BITS | K.collapsed | K.renewal | K.aside | K.history;

/**
 * The clauses of the sentence being read, as module scratch (reading is synchronous): where each clause starts,
 * the first clause of its stretch, and its tense (1: past perfect, "si erano mossi Torino e Lazio", lately and so
 * still news but no more than interest; 2: a career marker, "prima dell'approdo al Napoli": no link at all).
 */
let cuts = new Int32Array(64);
let stretch = new Int32Array(64);
let past = new Uint8Array(64);
let nCuts = 0;
let sentEnd = 0;

function clauseOf(tok: number): number {
  let c = 0;
  while (c + 1 < nCuts && cuts[c + 1]! <= tok) c++;
  return c;
}

function clauseEnd(c: number): number {
  return c + 1 < nCuts ? cuts[c + 1]! : sentEnd;
}

const stretchOf = (tok: number) => stretch[clauseOf(tok)]!;

/**
 * Only who is named in passing and which clauses are history: what choosing the article's player and buyer
 * needs, without reading every cue. `historyClub` holds until the next sentence is read.
 */
export function readBackground(a: Article, s: Sentence): Pick<SentenceReading, "aside" | "historyClub"> {
  return { aside: readClauses(a, s), historyClub };
}

const historyClub = (start: number) => past[clauseOf(start)] === 2;

/** Cuts the sentence into clauses, marks their tense, and returns the players it names only in passing. */
function readClauses(a: Article, s: Sentence): Set<PlayerRef> {
  const t = a.tokens;
  splitClauses(t, s);
  for (let c = 0; c < nCuts; c++) if (pastPerfect(t, cuts[c]!, clauseEnd(c))) markPast(t, c, 1);
  for (const cue of s.cues)
    if (cue.mask & K.history) {
      const c = clauseOf(cue.start);
      // "Come McTominay lo scorso anno, anche X potrebbe arrivare": a comparison's past is its own.
      const own = fronted(t, cue) || COMPARE.has(t.norm(cuts[c]!));
      markPast(t, c, earlier(t, cue) ? 1 : 2, !own);
    }
  return s.players.length &&
    (s.mask & (K.aside | K.history) ||
      comparison(t, s) ||
      gerundClause(t) ||
      s.players.some((m) => kinAfter(t, m.end)))
    ? asides(a, s)
    : NONE.aside;
}

/** Reads one sentence of the article; a sentence with no stage, collapse, renewal or aside cue needs no reading. */
export function readSentence(a: Article, s: Sentence): SentenceReading {
  if (!(s.mask & READ_BITS)) return NONE;
  const aside = readClauses(a, s);
  let named = 0;
  let first: PlayerRef | undefined;
  for (const m of s.players) {
    if (aside.has(m.ref) || m.ref === first) continue;
    first ??= m.ref;
    named++;
  }
  // "…per sostituire Ederson, sul quale il City ha avviato una trattativa": the relative clause right after a
  // player named in passing is his story.
  let relatives: Map<number, PlayerRef> | undefined;
  for (const m of s.players) {
    if (!aside.has(m.ref)) continue;
    const rel = relativeAfter(a.tokens, s, m.end);
    if (rel < 0 || clauseOf(rel) === clauseOf(m.start)) continue;
    relatives ??= new Map();
    relatives.set(clauseOf(rel), m.ref);
  }
  const cues: CueReading[] = new Array(s.cues.length);
  for (let j = 0; j < s.cues.length; j++) {
    const cue = s.cues[j]!;
    const clause = clauseOf(cue.start);
    const r = read(a, s, cue, clause) as CueReading;
    r.owner = named > 1 ? ownerIn(a, s, aside, clause, cue.start) : undefined;
    if (named > 1 && !r.owner) r.shared = coordinatedIn(a, s, aside, clause);
    // "L'acquisto sfumato di Ricardo": a collapse or stage in a clause naming someone the gazetteer does not
    // know, and none of our players, is that someone's.
    if (!r.owner && (r.stage || r.collapse || r.claimed) && strangerIn(a, s, aside, clause))
      r.owner = STRANGER;
    // "Sul difensore viola si erano mossi Torino e Lazio": an epithet in a clause that names nobody stands
    // for the player the text is about, not for a player named in another clause.
    if (!r.owner && named && (r.stage || r.collapse || r.claimed)) {
      const at = epithetIn(a, s, aside, clause);
      // An epithet for the one player named is him: the sentence's other cues still speak of him too.
      if (at >= 0) {
        const ref = epithetReferent(a, s, aside, at) ?? EPITHET;
        r.owner = named === 1 && ref === first ? undefined : ref;
      }
    }
    const rel = relatives?.get(clause);
    if (rel) r.owner = rel;
    cues[j] = r;
  }
  // "Come accaduto nell'operazione Osimhen tra Galatasaray e Napoli": the clubs of a clause that names a
  // player in passing belong to his story.
  let asideFrom: Map<number, number> | undefined;
  if (aside.size) {
    asideFrom = new Map();
    for (const m of s.players) {
      const c = clauseOf(m.start);
      if (aside.has(m.ref) && !asideFrom.has(c)) asideFrom.set(c, m.start);
    }
    // "…al posto di Zirkzee, che piace alla Roma": the relative clause right after him is his story too.
    if (relatives) for (const c of relatives.keys()) asideFrom.set(c, cuts[c]!);
  }
  // Only clubs after him: "la Lazio cerca di sostituire Castellanos" is still the Lazio's search.
  // "Bologna complete signing of Sporting winger, Lazio move for Smit off": the clubs of a clause whose deal
  // is a stranger's belong to his story too.
  let strangerClauses: Set<number> | undefined;
  for (let j = 0; j < cues.length; j++) {
    const owner = cues[j]!.owner;
    if (!owner || owner === EPITHET || (owner !== STRANGER && namedHere(s, owner))) continue;
    strangerClauses ??= new Set();
    strangerClauses.add(clauseOf(s.cues[j]!.start));
  }
  // Module state, like the clause cuts: a reading is used before the next sentence is read. A closure per
  // sentence would cost more than the test itself.
  readAsideFrom = asideFrom;
  readStrangers = strangerClauses;
  readRelatives = relatives;
  return {
    cues,
    aside,
    asideClub: asideFrom || strangerClauses ? asideClub : noAsideClub,
    relativeOf: relatives ? relativeOf : noRelative,
    historyClub,
    stretchOf,
    clauseOf,
  };
}

let readAsideFrom: Map<number, number> | undefined;
let readStrangers: Set<number> | undefined;
let readRelatives: Map<number, PlayerRef> | undefined;

function asideClub(start: number): boolean {
  if (readStrangers?.has(clauseOf(start))) return true;
  const from = readAsideFrom?.get(clauseOf(start));
  return from !== undefined && start > from;
}
const noAsideClub = (): boolean => false;
function relativeOf(tok: number): PlayerRef | undefined {
  return readRelatives?.get(clauseOf(tok));
}

/** Whether the sentence names this player (a loop: this runs for every cue with an owner). */
function namedHere(s: Sentence, p: PlayerRef): boolean {
  for (const m of s.players) if (m.ref === p) return true;
  return false;
}

const noRelative = (): PlayerRef | undefined => undefined;

/** Prepositions before a relative pronoun ("sul quale", "per cui", "for whom"). */
const RELATIVE_PREPS = new Set("sul sulla per del dal al nel con su a il la on for in".split(" "));
const RELATIVE_PRONOUNS = new Set(["quale", "quali", "cui", "which", "whom"]);

/** Where a relative clause opens right after `at` ("che", "who", "sul quale", "per cui"), or -1. */
function relativeAfter(t: Tokens, s: Sentence, at: number): number {
  if (at >= s.end) return -1;
  if (RELATIVES.has(t.norm(at))) return at;
  return at + 1 < s.end && RELATIVE_PREPS.has(t.norm(at)) && RELATIVE_PRONOUNS.has(t.norm(at + 1)) ? at : -1;
}

/** Clause cuts at punctuation and at clause words; a comma cuts a clause, not a stretch. */
function splitClauses(t: Tokens, s: Sentence): void {
  const room = s.end - s.start + 1;
  if (cuts.length < room) {
    cuts = new Int32Array(room * 2);
    stretch = new Int32Array(room * 2);
    past = new Uint8Array(room * 2);
  }
  sentEnd = s.end;
  cuts[0] = s.start;
  stretch[0] = 0;
  nCuts = 1;
  const flags = t.vocab.flags;
  for (let k = s.start + 1; k < s.end; k++) {
    let word = (flags[t.ids[k]!]! & W_CLAUSE) !== 0;
    // "Manca però l'accordo", "Resta invece il nodo": an adverb put second in its clause joins, it does not cut.
    if (word && k - 1 === cuts[nCuts - 1] && POSTPOSED.has(t.norm(k)) && t.gaps[k]! & G_SPACES) word = false;
    if (!word && t.gaps[k]! & G_SPACES) continue;
    const text = word ? "" : t.source.slice(t.end[k - 1]!, t.start[k]!);
    if (!word && !ANY_CUT.test(text)) continue;
    stretch[nCuts] = word || STRONG.test(text) ? nCuts : stretch[nCuts - 1]!;
    cuts[nCuts++] = k;
  }
  past.fill(0, 0, nCuts);
}

/**
 * A past marker holds for its clause and, with `spread`, the clauses after it in the same stretch. A fronted
 * perfect infinitive ("dopo aver chiuso per Douglas Luiz, la Juventus si è concentrata su…") is history for its
 * own clause only: the main clause after it is the news.
 */
function markPast(t: Tokens, c: number, level: number, spread = true): void {
  for (let d = c; d < nCuts && (d === c || (spread && stretch[d] === stretch[c])); d++) {
    // "…aveva sondato il terreno, più recentemente l'Inter ha provato…": the past ends where now begins.
    if (d > c && nowIn(t, cuts[d]!, clauseEnd(d))) break;
    if (past[d]! < level) past[d] = level;
  }
}

const FRONTED = new Set(["dopo", "after", "who", "arrivato", "approdato", "acquistato", "passato"]);

/**
 * "dopo aver(e) …", "after having …", "who joined … in 2024", "arrivato nel 2023 dalla Juventus": a
 * subordinate clause of its own.
 */
function fronted(t: Tokens, cue: CueMention): boolean {
  return FRONTED.has(t.norm(cue.start));
}

const EARLIER = new Set(["passato", "past", "precedenza"]);

/** "In passato anche il Newcastle si era informato": interest shown earlier is still interest, not a career. */
function earlier(t: Tokens, cue: CueMention): boolean {
  return EARLIER.has(t.norm(cue.end - 1));
}

function nowIn(t: Tokens, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (NOW.has(t.norm(k))) return true;
  return false;
}

/** Negators that deny outright (the others tell of something still awaited). */
const DENIAL = new Set(["non", "no", "nessun", "nessuno", "nessuna", "niente", "nulla", "nothing", "not"]);
const ELSEWHERE = new Set(["altrove", "elsewhere"]);
const CLOSE = /^(vicin|close)/;
const WAS = new Set(["stato", "stata", "stati", "state", "era", "erano", "was", "were", "been"]);
const SEEMED = new Set(["sembrava", "sembravano", "pareva", "parevano", "seemed", "appeared"]);
export const BUT = new Set(["ma", "but", "pero", "tuttavia", "however"]);

/** "Seemed" before the cue in its clause, and a "but" in a later clause of the sentence. */
function seemedBut(t: Tokens, s: Sentence, from: number, at: number, to: number): boolean {
  return wordNear(t, SEEMED, from, at) && wordNear(t, BUT, to, s.end);
}

const HAVE = new Set(["have", "has", "having", "ve"]);
function pastPerfect(t: Tokens, from: number, to: number): boolean {
  const flags = t.vocab.flags;
  for (let k = from; k < to - 1; k++) {
    if (!(flags[t.ids[k]!]! & W_PAST_AUX)) continue;
    // "Napoli have had a bid rejected": "had" after "have" is a present perfect's participle.
    if (k > 0 && HAVE.has(t.norm(k - 1))) continue;
    for (let j = k + 1; j < Math.min(to, k + 4); j++) if (PARTICIPLE.test(t.norm(j))) return true;
  }
  return false;
}

/** The sure stage, the claim and the certainty of one cue in its clause. */
function read(a: Article, s: Sentence, cue: CueMention, clause: number): Omit<CueReading, "owner"> {
  const t = a.tokens;
  let top: Stage | undefined;
  if (cue.mask & LADDER_BITS)
    for (let r = 0; r < LADDER.length; r++) if (cue.mask & LADDER_K[r]!) top = LADDER[r];
  let collapse = (cue.mask & K.collapsed) !== 0;
  // "Niente Napoli" is a collapse; "niente Mondiale per club" is not: a bare "niente" needs a club after it.
  if (collapse && cue.end - cue.start === 1 && NOTHING.has(t.norm(cue.start)) && !clubAfter(s, cue.end)) {
    collapse = false;
  }
  if (!top && !collapse) return { stage: undefined, claimed: undefined, collapse: false, certainty: "plain" };
  const own = cuts[clause]!;
  const from = cuts[stretch[clause]!]!;
  const to = clauseEnd(clause);
  // "Sembrava a un passo dall'Al-Sadd, ma…", "seemed done, but": a deal that only seemed made, contradicted in
  // the same sentence, fell through.
  if (top && top !== "interest" && seemedBut(t, s, own, cue.start, to))
    return { stage: undefined, claimed: undefined, collapse: true, certainty: "plain" };
  // "Ha rifiutato la prima offerta", "bid rejected": an offer turned down is a step of the talks, not their end.
  if (collapse && wordNear(t, OFFER, Math.max(own, cue.start - 5), Math.min(to, cue.end + 5))) {
    collapse = false;
    top = "talks";
  }
  // "Ha ufficialmente presentato un'offerta", "officially submitted a bid": the offer is official, the deal not.
  if (
    top === "official" &&
    OFFICIAL_WORD.test(t.norm(cue.start)) &&
    wordNear(t, OFFER, cue.end, Math.min(to, cue.end + 4))
  )
    top = "talks";
  // "Una delegazione del Galatasaray è sbarcata a Milano": the club travelling to talk, not the player landing.
  if (top === "medical" && LANDING.test(t.norm(cue.start)) && clubBefore(t, s, own, cue.start)) top = "talks";
  // "è stato (molto) vicino al Napoli", "was close to": closeness told as over is an earlier interest.
  if (top && CLOSE.test(t.norm(cue.start)) && wordNear(t, WAS, Math.max(own, cue.start - 3), cue.start))
    return { stage: "interest", claimed: undefined, collapse: false, certainty: "past" };
  // "weighing up a bid", "valuta un'offerta": an offer a club only considers is its interest, the offer a claim.
  if (top === "talks" && consideredOffer(t, s, cue, own))
    return { stage: "interest", claimed: "talks", collapse: false, certainty: "hedged" };
  // "signed a new contract", "ha firmato il rinnovo": the signature is the renewal's, no move to anybody.
  if (
    top &&
    s.mask & K.renewal &&
    s.cues.some((c) => c.mask & K.renewal && c.start >= cue.end && c.start - cue.end <= 3)
  )
    return { stage: undefined, claimed: undefined, collapse: false, certainty: "plain" };
  // "vicino al rientro", "close to a return from injury": closeness to something other than a club or a deal.
  if (top && CLOSE.test(t.norm(cue.start)) && !closeToDeal(t, s, cue.end))
    return { stage: undefined, claimed: undefined, collapse: false, certainty: "plain" };
  if (past[clause] === 2) return { stage: undefined, claimed: undefined, collapse, certainty: "past" };
  // "ma ora il suo futuro potrebbe essere altrove", "his future lies elsewhere": it points away from every
  // club named.
  if (!collapse && wordNear(t, ELSEWHERE, own, to))
    return { stage: undefined, claimed: undefined, collapse: false, certainty: "plain" };
  if (past[clause] === 1)
    return { stage: top ? "interest" : undefined, claimed: undefined, collapse, certainty: "past" };
  if (cue.mask & K.possible || hedgedBy(t, s, cue, from, to)) {
    return {
      stage: top ? "interest" : undefined,
      claimed: collapse ? "collapsed" : top,
      collapse: false,
      certainty: "hedged",
    };
  }
  if (negated(t, s, cue.start, own, to, top)) {
    if (collapse || !top)
      return { stage: undefined, claimed: undefined, collapse: false, certainty: "negated" };
    return { stage: stepDown(s, top), claimed: undefined, collapse: false, certainty: "negated" };
  }
  // "L'Udinese è pronta ad accogliere X", "ready to welcome": readiness for his arrival presupposes the deal.
  if (top && STAGE_RANK[top] >= STAGE_RANK.agreement && readyToWelcome(t, cue.start, own))
    return { stage: "agreement", claimed: undefined, collapse: false, certainty: "plain" };
  // "Obiettivo: chiudere l'acquisto", "pronto a firmare", "wants to sign": an infinitive tells of a goal, not
  // of a deal done, so it is talks at most.
  if (top && STAGE_RANK[top] >= STAGE_RANK.agreement && infinitive(t, cue.start, own)) {
    return { stage: "talks", claimed: top, collapse: false, certainty: "hedged" };
  }
  if (top && top !== "interest") {
    // "Pronto a fare un'offerta", "set to sign", "dovrebbe chiudere": an intention or an expectation is one
    // rung below what it aims at.
    // After a noun too: "l'offerta dovrà superare i 50 milioni", "la trattativa dovrebbe chiudersi".
    if (cue.mask & K.reported || kindIn(s, K.reported, from, Math.min(s.end, cue.end + 2))) {
      return { stage: LADDER[LADDER.indexOf(top) - 1], claimed: top, collapse: false, certainty: "hedged" };
    }
    // Italian reports rumours in the conditional ("avrebbe avviato i contatti"): hearsay lowers only what
    // would ring as a done deal, agreement and beyond.
    if (STAGE_RANK[top] >= STAGE_RANK.agreement && conditional(t, from, Math.min(to, cue.end + 3))) {
      return { stage: LADDER[LADDER.indexOf(top) - 1], claimed: top, collapse: false, certainty: "hedged" };
    }
  }
  return { stage: top, claimed: undefined, collapse, certainty: "plain" };
}

/** A negator in the clause: close to the cue, or anywhere in it for an announcement still awaited. */
function negated(
  t: Tokens,
  s: Sentence,
  at: number,
  from: number,
  to: number,
  top: Stage | undefined,
): boolean {
  if (!(s.mask & K.neg)) return false;
  const span = top === "official" ? Number.POSITIVE_INFINITY : 6;
  for (const c of s.cues) {
    if (!(c.mask & K.neg) || c.start < from || c.start >= to) continue;
    // "La Juventus resta in corsa e in attesa": waiting words lower a deal, they do not deny an interest.
    if (top === "interest" && !DENIAL.has(t.norm(c.start))) continue;
    // "L'accordo tra Milan e Lazio per Gila non c'è ancora": denying that the thing exists reaches its noun
    // anywhere in the clause.
    if (Math.abs(c.start - at) <= span || (c.end - c.start === 3 && t.norm(c.start + 1) === "c")) return true;
    // "L'accordo … non è stato trovato": a passive denied reaches its subject noun anywhere in the clause.
    if (c.start > at && deniedPassive(t, c.end, to)) return true;
  }
  return false;
}

const BEEN = new Set(["e", "stato", "stata", "stati", "state", "been", "was", "is", "has"]);
/** "non è stato trovato", "has not been agreed": a negated passive right after the negator. */
function deniedPassive(t: Tokens, from: number, to: number): boolean {
  let k = from;
  while (k < to && k < from + 3 && BEEN.has(t.norm(k))) k++;
  return k > from && k < to && PARTICIPLE.test(t.norm(k));
}

function stepDown(s: Sentence, top: Stage): Stage | undefined {
  // "Manca solo l'annuncio": agreed, not official (medical when the medicals are mentioned too).
  if (top === "official") return s.mask & K.medical ? "medical" : "agreement";
  const r = LADDER.indexOf(top);
  return r > 0 ? LADDER[r - 1] : undefined;
}

/** Adjectives of possibility: they hedge the noun after them ("un possibile trasferimento"), not the clause. */
const POSSIBLE_ADJ = new Set(["possibile", "possibili", "eventuale", "eventuali", "possible", "potential"]);

/**
 * A possibility in the cue's stretch: any hedge word, except an adjective of possibility standing before
 * another noun ("La Roma attende la risposta di X per un suo possibile trasferimento": the answer is awaited for
 * sure).
 */
function hedgedBy(t: Tokens, s: Sentence, cue: CueMention, from: number, to: number): boolean {
  if (!(s.mask & K.possible)) return false;
  for (const c of s.cues) {
    if (!(c.mask & K.possible) || c.start < from || c.start >= to) continue;
    if (
      c.end - c.start === 1 &&
      POSSIBLE_ADJ.has(t.norm(c.start)) &&
      (cue.start < c.start || cue.start - c.end > 2)
    )
      continue;
    return true;
  }
  return false;
}

const MONTHS = new Set(
  "january february march april may june july august september october november december summer winter".split(
    " ",
  ),
);
/** An interest cue ending at most three plain lower-case words before a talks cue, in its clause. */
function consideredOffer(t: Tokens, s: Sentence, cue: CueMention, from: number): boolean {
  for (const c of s.cues) {
    if (c.end > cue.start || c.start < from || cue.start - c.end > 3 || !(c.mask & K.interest)) continue;
    if (c.mask & (K.talks | K.agreement | K.official)) continue;
    let plain = true;
    for (let k = c.end; k < cue.start && plain; k++) plain = t.cap[k] === 0 || MONTHS.has(t.norm(k));
    if (plain) return true;
  }
  return false;
}

/** What one is close to when a deal is near: a club's name, or a word of the deal. */
const DEAL_NOUNS = new Set(
  "accordo intesa si fumata firma chiusura definizione traguardo trasferimento passaggio approdo addio sbarco deal agreement move transfer switch signing completion agreeing completing sealing finalising finalizing joining moving passare approdare firmare chiudere trasferirsi arrivare sbarcare".split(
    " ",
  ),
);
const TO_WORDS = new Set("a ad al alla all allo ai agli alle il la l lo un una to the a an".split(" "));

/** Whether the cue's "vicino a…"/"close to…" reaches a club (capitalised) or a deal noun past its prepositions. */
function closeToDeal(t: Tokens, s: Sentence, end: number): boolean {
  let k = end;
  while (k < s.end && k < end + 3 && TO_WORDS.has(t.norm(k)) && !t.cap[k]) k++;
  if (k >= s.end) return false;
  // "close to agreeing a deal", "vicino a chiudere": a deal word of its own counts as the deal.
  return (
    t.cap[k] === 1 || DEAL_NOUNS.has(t.norm(k)) || s.cues.some((c) => c.start === k && c.mask & STAGE_BITS)
  );
}

function kindIn(s: Sentence, bit: number, from: number, to: number): boolean {
  if (!(s.mask & bit)) return false;
  for (const c of s.cues) if (c.mask & bit && c.start >= from && c.start < to) return true;
  return false;
}

const WELCOME = new Set(["accogliere", "welcome"]);
const READY = new Set(["pronto", "pronta", "pronti", "pronte", "ready"]);
const READY_TO = new Set(["a", "ad", "to"]);

/** "pronta ad accogliere", "ready to welcome": a verb of welcoming right after "ready to". */
function readyToWelcome(t: Tokens, at: number, from: number): boolean {
  return (
    at - 2 >= from && WELCOME.has(t.norm(at)) && READY_TO.has(t.norm(at - 1)) && READY.has(t.norm(at - 2))
  );
}

/** "chiudere", "firmare", "ufficializzare"; "to sign": the cue's verb is an infinitive. */
const DECIDED = new Set(["deciso", "decisa", "decisi", "decided", "opted"]);
function infinitive(t: Tokens, at: number, from: number): boolean {
  // "ha deciso di esercitare il riscatto", "decided to sign": a decision taken is the act, not a goal.
  for (let k = at - 1; k >= from && k >= at - 3; k--) if (DECIDED.has(t.norm(k))) return false;
  const w = t.norm(at);
  if (w.length > 5 && INFINITIVE.test(w)) return true;
  // "to sign", and a cue that is itself "to join".
  if ((at > 0 && t.norm(at - 1) === "to") || t.norm(at) === "to") return true;
  // "per trovare un accordo", "cercano di raggiungere l'intesa": the verb governing the cue noun.
  for (let k = at - 1; k >= from && k >= at - 2; k--) {
    const v = t.norm(k);
    if (v.length > 5 && INFINITIVE.test(v)) return true;
  }
  return false;
}

/** A conditional verb ("avrebbe", "chiuderebbe") in the span. */
function conditional(t: Tokens, from: number, to: number): boolean {
  const flags = t.vocab.flags;
  for (let k = from; k < to; k++) if (flags[t.ids[k]!]! & W_CONDITIONAL) return true;
  return false;
}

function wordNear(t: Tokens, words: Set<string>, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (words.has(t.norm(k))) return true;
  return false;
}

function clubAfter(s: Sentence, at: number): boolean {
  for (const c of s.clubs) if (c.start >= at && c.start <= at + 1) return true;
  return false;
}

function clubBefore(t: Tokens, s: Sentence, from: number, at: number): boolean {
  for (const c of s.clubs) if (c.start >= from && c.end <= at) return true;
  return wordNear(t, DELEGATION, from, at);
}

/** Stands for the player an epithet refers to ("il difensore viola"): the sentence's implied subject. */
export const EPITHET: PlayerRef = { key: "", name: "", provisional: true, mentions: [] };

/** A player noun with an article and no name after it, in a clause that names none of our players. */
function epithetIn(a: Article, s: Sentence, aside: Set<PlayerRef>, clause: number): number {
  const t = a.tokens;
  const from = cuts[clause]!;
  const to = clauseEnd(clause);
  for (const m of s.players) if (!aside.has(m.ref) && m.start >= from && m.start < to) return -1;
  for (const cue of s.cues) {
    if (!(cue.mask & K.pnoun) || cue.start < from || cue.start >= to || cue.start === 0) continue;
    // "signing of Sporting winger", "the Brighton striker": a club before the noun is his, an epithet too.
    const club = s.clubs.find((c) => c.end === cue.start);
    if (club ? !ATTRIBUTIVE_BEFORE.has(t.norm(club.start - 1)) : !EPITHET_ARTICLES.has(t.norm(cue.start - 1)))
      continue;
    // "il difensore Rossi" names him; "…Sporting winger, Lazio…" does not.
    if (cue.end < t.length && t.cap[cue.end] && t.sent[cue.end] === s.index && !(t.gaps[cue.end]! & G_PUNCT))
      continue;
    // "l'acquisto di un altro difensore": a noun of the deal governing "di" names the act, not a person.
    if (ACT_NOUNS.has(t.norm(cue.start)) && cue.end < t.length && OF_WORDS.has(t.norm(cue.end))) continue;
    return cue.start;
  }
  return -1;
}

/**
 * Whom an epithet names: a nationality in it picks the last player named before it of that nation ("Oltre
 * Yildiz, il centrocampista francese…" is not Yildiz); otherwise the last player named before it in the
 * sentence ("…per Zirkzee: l'olandese è un obiettivo"); none: the text's subject (EPITHET, resolved by the
 * linker).
 */
function epithetReferent(a: Article, s: Sentence, aside: Set<PlayerRef>, at: number): PlayerRef | undefined {
  const t = a.tokens;
  let nation: string | undefined;
  for (let k = at; k < Math.min(s.end, at + 3); k++) nation ??= NATIONS[t.norm(k)];
  // "Sporting winger", "il difensore del Sassuolo": a club in the epithet must be his.
  const club = s.clubs.find(
    (c) => c.end === at || (c.start > at && c.start <= at + 3 && c.role === "of"),
  )?.club;
  const fits = (p: PlayerRef) => !club || !p.entry || (p.entry.clubs ?? [p.entry.club]).includes(club);
  let last: PlayerRef | undefined;
  for (const m of s.players) {
    if (m.end > at || aside.has(m.ref)) continue;
    if (nation && m.ref.entry?.nation && m.ref.entry.nation !== nation) continue;
    if (!fits(m.ref)) continue;
    last = m.ref;
  }
  if (last) return last;
  if (!club) return undefined;
  // The one player of the article who plays for the epithet's club is him; nobody: someone we do not know.
  let only: PlayerRef | undefined;
  for (const p of a.players) {
    if (!p.entry || !fits(p)) continue;
    if (only) return undefined;
    only = p;
  }
  return only ?? STRANGER;
}

/** Stands for a person the gazetteer does not know, owning a cue: no player of ours. */
const STRANGER: PlayerRef = { key: "", name: "", provisional: true, mentions: [] };

/** The clause names nobody of ours but a capitalised word nothing explains (after "di", "per", "su"). */
function strangerIn(a: Article, s: Sentence, aside: Set<PlayerRef>, clause: number): boolean {
  const t = a.tokens;
  const from = cuts[clause]!;
  const to = clauseEnd(clause);
  for (const m of s.players) if (!aside.has(m.ref) && m.start >= from && m.start < to) return false;
  const flags = t.vocab.flags;
  for (let k = Math.max(from, s.start + 1); k < to; k++) {
    if (!t.cap[k] || a.scan.covered[k] || !OBJECT_PREPS.has(t.norm(k - 1))) continue;
    if (flags[t.ids[k]!]! & (W_NOT_NAME | W_DIGIT | W_CUE | W_CLUB | W_PERSON | W_SOURCE)) continue;
    // "Il futuro di Ademola": a first name of one of the article's players is him.
    if (nameWordsOf(a).has(t.norm(k))) continue;
    // "Il Torino di Baroni": a club's coach.
    if (s.clubs.some((c) => c.end === k - 1)) continue;
    return true;
  }
  return false;
}

const nameWords = new WeakMap<Article, Set<string>>();

/** The folded words of the article's players' names, once per article. */
function nameWordsOf(a: Article): Set<string> {
  let set = nameWords.get(a);
  if (!set) {
    set = new Set();
    for (const p of a.players) for (const w of foldName(p.name).split(/[^a-z0-9]+/)) if (w) set.add(w);
    nameWords.set(a, set);
  }
  return set;
}

/** The named player nearest the cue within its clause. */
function ownerIn(
  a: Article,
  s: Sentence,
  aside: Set<PlayerRef>,
  clause: number,
  at: number,
): PlayerRef | undefined {
  let best: PlayerRef | undefined;
  let dist = Number.POSITIVE_INFINITY;
  let bestAt = -1;
  for (let i = 0; i < s.players.length; i++) {
    const m = s.players[i]!;
    if (aside.has(m.ref) || clauseOf(m.start) !== clause) continue;
    const d = Math.abs(m.start - at);
    if (d < dist) {
      dist = d;
      best = m.ref;
      bestAt = i;
    }
  }
  // "ha chiuso per Fagioli e Frattesi", "Fagioli al Napoli e Frattesi alla Juventus sembrano affari chiusi":
  // names joined by "e" or a comma share the clause's cue.
  return bestAt >= 0 && joinedAt(a, s, aside, bestAt) ? undefined : best;
}

/** Per mention of the sentence being read: 0 not yet known, 1 not joined, 2 joined (see joinedAt). */
let joinedMemo = new Uint8Array(16);
let joinedFor: Sentence | undefined;

/** Whether the mention `i` is joined by "e" or a comma to the mention before or after it. */
function joinedAt(a: Article, s: Sentence, aside: Set<PlayerRef>, i: number): boolean {
  if (joinedFor !== s) {
    joinedFor = s;
    if (joinedMemo.length < s.players.length) joinedMemo = new Uint8Array(s.players.length * 2);
    joinedMemo.fill(0, 0, s.players.length);
  }
  if (!joinedMemo[i]) joinedMemo[i] = joinedNow(a, s, aside, i) ? 2 : 1;
  return joinedMemo[i] === 2;
}

function joinedNow(a: Article, s: Sentence, aside: Set<PlayerRef>, i: number): boolean {
  const m = s.players[i]!;
  const prev = s.players[i - 1];
  const next = s.players[i + 1];
  if (prev && prev.ref !== m.ref && !aside.has(prev.ref) && joined(a, s, prev.end, m.start)) return true;
  return !!next && next.ref !== m.ref && !aside.has(next.ref) && joined(a, s, m.end, next.start);
}

/** Whether two names of the clause are joined by "e" or a comma. */
function coordinatedIn(a: Article, s: Sentence, aside: Set<PlayerRef>, clause: number): boolean {
  for (let i = 0; i < s.players.length; i++)
    if (clauseOf(s.players[i]!.start) === clause && !aside.has(s.players[i]!.ref) && joinedAt(a, s, aside, i))
      return true;
  return false;
}

/** Prepositions that may carry a name's own club between two coordinated names ("X al Napoli e Y"). */
const LIST_PREPS = new Set("al alla allo all a to at in dal dalla from".split(" "));
const LIST_JOIN = new Set(["e", "ed", "and", "o", "or"]);

/** Whether the words from `from` to `to` join two names: nothing (a comma), "e", or "al Napoli e". */
function joined(a: Article, s: Sentence, from: number, to: number): boolean {
  const t = a.tokens;
  if (from === to) return (t.gaps[to]! & G_COMMA_PAREN) !== 0;
  if (!LIST_JOIN.has(t.norm(to - 1))) return false;
  for (let k = from; k < to - 1; k++) {
    const club = s.clubs.find((c) => c.start <= k && k < c.end);
    if (club) k = club.end - 1;
    else if (!LIST_PREPS.has(t.norm(k))) return false;
  }
  return true;
}

/** Players every mention of whom in this sentence follows an aside cue (or is coordinated with one). */
function asides(a: Article, s: Sentence): Set<PlayerRef> {
  const t = a.tokens;
  const out = new Set<PlayerRef>();
  const plain = new Set<PlayerRef>();
  const isAside: boolean[] = [];
  for (let i = 0; i < s.players.length; i++) {
    const m = s.players[i]!;
    let k = m.start - 1;
    while (k >= s.start && m.start - k <= 3 && ASIDE_GLUE.has(t.norm(k)) && !asideEndsAt(a, k + 1)) k--;
    let yes =
      asideEndsAt(a, k + 1) ||
      kinAfter(t, m.end) ||
      comparedBefore(a, m.start) ||
      inBareGerund(a, s, m.start) ||
      afterFrontedHistory(a, s, m.start);
    // "dopo Di Gregorio e Douglas Luiz": the second name of a pair shares the first one's role.
    if (!yes && i > 0 && isAside[i - 1]) {
      const prev = s.players[i - 1]!;
      // "Acerbi/de Vrij", "Acerbi e de Vrij": a surname particle the name match left out is no gap.
      let from = m.start;
      while (from > prev.end && PARTICLES.has(t.norm(from - 1))) from--;
      const gap = from - prev.end;
      yes = gap === 0 || (gap === 1 && AND.has(t.norm(prev.end)));
    }
    isAside.push(yes);
    if (!yes) plain.add(m.ref);
  }
  for (let i = 0; i < s.players.length; i++) {
    const ref = s.players[i]!.ref;
    if (isAside[i] && !plain.has(ref)) out.add(ref);
  }
  return out;
}

const KIN = new Set("brother sister son father cousin twin teammate".split(" "));
const KIN_ADJ = new Set("younger older elder little big twin".split(" "));

/** "Rayan Cherki's younger brother": a name standing only to say whose relative the target is. */
function kinAfter(t: Tokens, end: number): boolean {
  if (end >= t.length || t.norm(end) !== "s" || !(t.gaps[end]! & G_APOS)) return false;
  const k = end + 1 < t.length && KIN_ADJ.has(t.norm(end + 1)) ? end + 2 : end + 1;
  return k < t.length && t.sent[k] === t.sent[end] && KIN.has(t.norm(k));
}

/** "Dopo aver chiuso l'operazione Douglas Luiz, la Juventus…": the object of a past deal told as background. */
function afterFrontedHistory(a: Article, s: Sentence, at: number): boolean {
  const c = clauseOf(at);
  for (const cue of s.cues)
    if (cue.mask & K.history && cue.start < at && clauseOf(cue.start) === c && fronted(a.tokens, cue))
      return true;
  return false;
}

/** A clause after the first opening with a gerund ("…, dando priorità al riscatto di Malen"). */
function gerundClause(t: Tokens): boolean {
  for (let c = 1; c < nCuts; c++) if (GERUND.test(t.norm(cuts[c]!))) return true;
  return false;
}

/**
 * "La Roma si è defilata, dando priorità al riscatto di Malen": a player named only in a gerund clause
 * with no stage cue of its own is the object of that aside, not the subject of the sentence.
 */
function inBareGerund(a: Article, s: Sentence, at: number): boolean {
  const c = clauseOf(at);
  if (c === 0 || !GERUND.test(a.tokens.norm(cuts[c]!))) return false;
  const to = clauseEnd(c);
  for (const cue of s.cues)
    if (cue.start >= cuts[c]! && cue.start < to && cue.mask & (LADDER_BITS | K.collapsed)) return false;
  return true;
}

function comparison(t: Tokens, s: Sentence): boolean {
  for (let k = s.start; k < s.end; k++) if (COMPARE.has(t.norm(k))) return true;
  return false;
}

/** "Come abbiamo fatto con Castellanos", "as happened with Osimhen": a comparison a few words back in the clause. */
function comparedBefore(a: Article, at: number): boolean {
  const t = a.tokens;
  const from = cuts[clauseOf(at)]!;
  // "Un giocatore come X", "a player like X": a comparison. "Altre pedine come Koopmeiners, Miretti" lists
  // examples, and they are the players the sentence is about.
  if (at - 1 >= from + 2 && COMPARE.has(t.norm(at - 1))) return INDEFINITE.has(t.norm(at - 3));
  // "Come abbiamo fatto con Castellanos": a comparison with its own verb.
  for (let k = at - 2; k >= from && at - k <= 7; k--) {
    // "come l'arrivo di X al Porto": examples of moves ("such as"), not a comparison.
    const cue = a.scan.cueStart[k];
    if (cue && a.scan.cues[cue - 1]!.mask & (STAGE_BITS | K.move)) return false;
    // "Come l'arrivo di X": examples introduced by an article; a comparison goes on with a verb.
    if (COMPARE.has(t.norm(k))) return !ARTICLES.has(t.norm(k + 1));
  }
  return false;
}

function asideEndsAt(a: Article, at: number): boolean {
  const k = a.scan.cueEnd[at];
  return !!k && (a.scan.cues[k - 1]!.mask & K.aside) !== 0;
}

/** Indefinite articles and the adjectives that may stand between one and a role noun. */
const SEARCH_ADJECTIVES = new Set("nuovo nuova altro altra new top young giovane vero".split(" "));
const ROLE_NOUNS = new Set(
  "attaccante difensore centrocampista portiere terzino esterno centravanti centrale striker defender midfielder goalkeeper forward winger".split(
    " ",
  ),
);
/** Copulas: "è un attaccante" describes the player spoken of, it does not look for another. */
const COPULAS = new Set(["e", "is", "sara", "era", "resta", "remains", "was"]);

/**
 * "La Lazio cerca un nuovo attaccante", "he wants a new striker": the deal word is about somebody not yet
 * named, so a sentence naming nobody does not speak of the last player named.
 */
export function seeksUnnamed(a: Article, s: Sentence): boolean {
  if (!(s.mask & K.pnoun)) return false;
  const t = a.tokens;
  for (const cue of s.cues) {
    const k = cue.start;
    if (!(cue.mask & K.pnoun) || k <= s.start || !ROLE_NOUNS.has(t.norm(k))) continue;
    let d = k - 1;
    if (SEARCH_ADJECTIVES.has(t.norm(d)) && d > s.start) d--;
    if (
      (INDEFINITE.has(t.norm(d)) || t.norm(d) === "another") &&
      !(d > s.start && COPULAS.has(t.norm(d - 1)))
    )
      return true;
  }
  return false;
}
