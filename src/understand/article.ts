import type { PlayerEntry } from "./gazetteer.js";
import { K, LADDER_BITS, maskOf } from "./lexicon.js";
import {
  type ClubMention,
  type CueMention,
  cueEndingAt,
  cueStartingAt,
  type NameMention,
  type Scan,
} from "./mentions.js";
import { G_COMMA_PAREN, G_PUNCT, G_SPACES, type Tokens } from "./tokens.js";

/** A player of this article: known to the gazetteer or provisional. */
export interface PlayerRef {
  key: string;
  name: string;
  entry?: PlayerEntry;
  provisional: boolean;
  mentions: NameMention[];
}

/** What a club mention is doing in its sentence. */
export type ClubRole =
  | "ex"
  | "versus"
  | "staff"
  | "of"
  | "from"
  | "with"
  | "to"
  | "owner"
  | "compete"
  | "plain";

/** A club mention with its role. */
export interface RoledClub extends ClubMention {
  role: ClubRole;
  /** "l'attaccante del Manchester United": a player noun owns the club, so it is someone's own club. */
  nounOf: boolean;
  /** "Benfica forward X": the club is the named player's own (English attributive use). */
  attributive?: boolean;
  /** Only spaces before the next word (so "della Juventus Frattesi" binds, "della Juventus, Frattesi" not). */
  spaceAfter: boolean;
}

/** One sentence: what it names and which cues it holds. */
export interface Sentence {
  index: number;
  para: number;
  /** First token of the sentence, and the token just past it. */
  start: number;
  end: number;
  /** From the title or lead. */
  head: boolean;
  clubs: RoledClub[];
  players: { ref: PlayerRef; start: number; end: number }[];
  cues: CueMention[];
  /** Kinds of the sentence's cues as bits (see K). */
  mask: number;
}

/** The article as the linker sees it. */
export interface Article {
  tokens: Tokens;
  scan: Scan;
  sentences: Sentence[];
  players: PlayerRef[];
}

const OF = new Set(["del", "dell", "della", "dello", "dei", "degli", "of", "di"]);
const FROM = new Set(["dal", "dall", "dalla", "dallo", "dai", "dagli", "from"]);
/** Verbs of money going somewhere, and the words of an amount ("andranno 6 milioni"). */
const MONEY_GOES = new Set("andranno andrebbero vanno va andra andrebbe finiranno arriveranno".split(" "));
const MONEY = new Set(["milioni", "mln", "milione", "euro", "million", "millions"]);
const TO = new Set(["al", "all", "alla", "allo", "ai", "agli", "verso", "to", "in", "a", "per"]);
/** Articles and prepositions that may sit between a role word and its club ("tecnico della Roma"). */
const GLUE = new Set([
  ...OF,
  ...FROM,
  ...TO,
  "il",
  "la",
  "lo",
  "l",
  "i",
  "gli",
  "le",
  "the",
  "con",
  "col",
  "coi",
  "with",
  "e",
  "da",
  "de",
]);

const NEW = new Set(["nuovo", "nuova", "new"]);
/** Verbs of taking a player away from a club: "strappare", "soffiare", "sottrarre", "togliere", "rubare". */
/** Verbs of taking or asking a player from a club: "strappare X alla Juve", "ha chiesto X alla Fiorentina". */
const TAKE = /^(strapp|soffi|sottra|togli|rub[ae]|chiest|chied|richiest|richied)/;
const ANSWER = new Set(["risposta", "answer", "response"]);
const WITH = new Set(["con", "col", "coi", "with"]);
const LIST_JOIN = new Set(["e", "ed", "and"]);
const AWAY = /^allontan/;
/** Player nouns that name a signing: the club after them is the one signing him. */
const SIGNING = new Set(["acquisto", "rinforzo"]);
const CLUB_NOUNS = new Set(["club", "societa", "dirigenza", "squadra"]);
const ROLE_CUES = ["ex", "versus", "staffOf", "owner", "compete"] as const;
const ROLE_BITS = maskOf(ROLE_CUES);

/** Groups scan results by sentence and gives each club mention its role. */
export function buildArticle(tokens: Tokens, s: Scan, players: PlayerRef[], headSents: number): Article {
  const count = tokens.length ? tokens.sent[tokens.length - 1]! + 1 : 0;
  const sentences: Sentence[] = [];
  for (let i = 0; i < count; i++) {
    sentences.push({
      index: i,
      para: 0,
      start: 0,
      end: 0,
      head: i < headSents,
      clubs: [],
      players: [],
      cues: [],
      mask: 0,
    });
  }
  // Each sentence's paragraph from its last word (a sentence never spans paragraphs).
  for (let k = 0; k < tokens.length; k = tokens.sentEnd[k]!) {
    const end = tokens.sentEnd[k]!;
    const st = sentences[tokens.sent[k]!]!;
    st.para = tokens.para[end - 1]!;
    st.start = k;
    st.end = end;
  }
  for (const c of s.cues) {
    const st = sentences[c.sent]!;
    st.cues.push(c);
    st.mask |= c.mask;
  }
  for (const c of s.clubs) {
    const role = roleOf(c);
    const nounOf = role === "of" && nounBefore(c.start);
    const spaceAfter = c.end < tokens.length && (tokens.gaps[c.end]! & G_SPACES) !== 0;
    sentences[c.sent]!.clubs.push({
      club: c.club,
      start: c.start,
      end: c.end,
      sent: c.sent,
      role,
      nounOf,
      spaceAfter,
    });
  }
  for (const p of players) {
    for (const m of p.mentions) sentences[m.sent]!.players.push({ ref: p, start: m.start, end: m.end });
  }
  for (const st of sentences) {
    if (st.players.length > 1) st.players.sort((a, b) => a.start - b.start);
    // "ex di Juventus e Perugia", "ex Chelsea, Milan and Monaco": clubs listed after a former club are former too.
    for (let i = 1; i < st.clubs.length; i++) {
      const [x, y] = [st.clubs[i - 1]!, st.clubs[i]!];
      if (x.role !== "ex" || y.role === "ex") continue;
      const gap = y.start - x.end;
      if (gap === 0 || (gap === 1 && LIST_JOIN.has(tokens.norm(x.end)))) y.role = "ex";
    }
    // "Real Madrid defender Raul Asencio": a club before a player noun and a name is the player's own.
    for (const c of st.clubs) {
      // "Brighton's Evan Ferguson", "Brighton's striker Evan Ferguson": the possessive is his club too.
      const at = possessiveEnd(c.end);
      const noun = cueStartingAt(s, at);
      if (noun && noun.mask & K.pnoun && st.players.some((p) => p.start === noun.end)) c.attributive = true;
      else if (at > c.end && st.players.some((p) => p.start === at)) c.attributive = true;
    }
  }
  return { tokens, scan: s, sentences, players };

  /** A deal word (not a player noun) ends at `at`, or one lower-case word before it ("obiettivo concreto del"). */
  function dealWordBefore(at: number): boolean {
    for (const end of [at, at - 1]) {
      const cue = cueEndingAt(s, end);
      if (cue) return (cue.mask & LADDER_BITS) !== 0 && !(cue.mask & K.pnoun);
      if (end - 1 < 0 || tokens.cap[end - 1]) return false;
    }
    return false;
  }

  /** "allontana" (or a name after it) governs the "da" before a club at `k + 1`. */
  function awayFrom(k: number): boolean {
    for (let j = k; j >= 0 && k - j <= 3 && tokens.sent[j] === tokens.sent[k]; j--)
      if (AWAY.test(tokens.norm(j))) return true;
    return false;
  }

  /** Past an English possessive "'s" right after a club, else `at` itself. */
  function possessiveEnd(at: number): number {
    if (at >= tokens.length || tokens.norm(at) !== "s" || tokens.sent[at] !== tokens.sent[at - 1]) return at;
    const gap = tokens.source.slice(tokens.end[at - 1]!, tokens.start[at]!);
    return gap === "'" || gap === "’" ? at + 1 : at;
  }

  function takenFrom(c: ClubMention): boolean {
    for (let k = c.start - 1; k >= 0 && k >= c.start - 6 && tokens.sent[k] === c.sent; k--) {
      // "chiede 30 milioni al Napoli": a price asked of the buyer, not a player asked of his club.
      if (MONEY.has(tokens.norm(k))) return false;
      if (TAKE.test(tokens.norm(k))) return true;
    }
    return false;
  }

  /** Another club, or a noun standing for one, before `at` in the club's sentence. */
  function buyerBefore(c: ClubMention, at: number): boolean {
    if (s.clubs.some((o) => o.sent === c.sent && o.end <= at && o.club !== c.club)) return true;
    for (let k = at - 1; k >= 0 && tokens.sent[k] === c.sent && at - k <= 6; k--)
      if (CLUB_NOUNS.has(tokens.norm(k))) return true;
    return false;
  }

  /** A player noun ending within three words before `start`, in the same sentence ("il giocatore. L'offerta del X" is not). */
  function nounBefore(start: number): boolean {
    for (let k = start; k >= start - 3 && k > 0; k--) {
      const cue = cueEndingAt(s, k);
      if (cue && cue.sent === tokens.sent[start] && cue.mask & K.pnoun) return true;
    }
    return false;
  }

  /** "nuovo"/"new" or an official cue ("è un nuovo") right before a player noun starting at `at`. */
  function newBefore(at: number): boolean {
    const w = tokens.norm(at - 1);
    return NEW.has(w) || ((cueEndingAt(s, at)?.mask ?? 0) & K.official) !== 0;
  }

  /** "al Bologna andranno 6 milioni", "alla Fiorentina vanno 20 milioni": money going to the club. */
  function paidTo(c: ClubMention): boolean {
    const go = c.end < tokens.length && tokens.sent[c.end] === c.sent ? tokens.norm(c.end) : "";
    if (!MONEY_GOES.has(go)) return false;
    for (let k = c.end + 1; k < Math.min(tokens.length, c.end + 5) && tokens.sent[k] === c.sent; k++)
      if (MONEY.has(tokens.norm(k))) return true;
    return false;
  }

  function roleOf(c: ClubMention): ClubRole {
    // "il centrocampista granata", "l'attaccante viola": a club's colours after a player noun are his club.
    if (!tokens.cap[c.start] && ((cueEndingAt(s, c.start)?.mask ?? 0) & K.pnoun) !== 0) return "of";
    // Walk back over glue words to the word that governs the club.
    let k = c.start - 1;
    let prep: string | undefined;
    let withPrep = false;
    while (k >= 0 && tokens.sent[k] === c.sent && GLUE.has(tokens.norm(k)) && c.start - k <= 3) {
      prep ??= tokens.norm(k);
      withPrep ||= WITH.has(tokens.norm(k));
      k--;
    }
    const cue = cueEndingAt(s, k + 1);
    // "è un nuovo giocatore del Milan", "il nuovo acquisto della Roma": the club a new player belongs to is
    // where he is going, not his own.
    if (cue && cue.mask & K.pnoun && cue.start > 0 && newBefore(cue.start)) return "to";
    // "il (possibile) acquisto della Juventus", "il rinforzo del Milan": a signing is the buyer's, new or not.
    if (cue && cue.mask & K.pnoun && prep && OF.has(prep) && SIGNING.has(tokens.norm(cue.start))) return "to";
    // "sarà un nuovo giocatore dell'Atalanta": the same when "nuovo giocatore" is itself the (official) cue.
    if (cue && cue.mask & K.official && prep && OF.has(prep) && NEW.has(tokens.norm(cue.start))) return "to";
    // "ready to let X leave, with Juventus leading the race": a comma between them, the cue is not the club's.
    if (
      cue &&
      cue.sent === c.sent &&
      cue.mask & ROLE_BITS &&
      !(tokens.gaps[k + 1]! & (G_PUNCT | G_COMMA_PAREN))
    ) {
      for (const kind of ROLE_CUES) {
        if (cue.mask & K[kind]) return kind === "staffOf" ? "staff" : kind;
      }
    }
    // "contro il neopromosso Pisa": a match cue a word or two further back still rules.
    for (let j = k; j >= k - 2 && j > 0; j--) {
      const far = cueEndingAt(s, j);
      if (far && far.sent === c.sent && far.mask & K.versus) return "versus";
      if (tokens.cap[j]) break;
    }
    if (k >= 0 && tokens.norm(k) === "ex") return "ex";
    // "un ex difensore del Napoli": the past, through a player noun.
    if (cue && cue.mask & K.pnoun && cue.start > 0 && tokens.norm(cue.start - 1) === "ex") return "ex";
    // "il Fulham ha trovato l'accordo con l'Ajax per X", "Inter in talks with Atalanta": when a club (or "il
    // club") is the subject, the club it deals with is the other side of the deal (see links.ts).
    if (withPrep) {
      if (cue && cue.mask & (K.talks | K.agreement) && buyerBefore(c, cue.start)) return "with";
    }
    // "a bid from Al-Hilal", "interest from Chelsea": the club after "from" is the bidder.
    if (prep === "from" && cue && cue.mask & (K.talks | K.interest)) return "plain";
    // "a un passo dall'Al-Sadd": one step from joining it, the club he is going to.
    if (prep && FROM.has(prep) && tokens.norm(k) === "passo") return "to";
    // "allontanare X dalla Lazio", "si allontana dal Milan": the club he drifts away from is a suitor, not his.
    if (prep && FROM.has(prep) && awayFrom(k)) return "plain";
    if (prep && FROM.has(prep)) return "from";
    // "Si attende la risposta del Botafogo": the club whose answer is awaited is the one selling.
    if (prep && OF.has(prep) && cue && ANSWER.has(tokens.norm(k))) return "from";
    // "strappare Miretti alla Juventus", "soffiare X al Milan": after a verb of taking, "a" marks the loser.
    if (prep && TO.has(prep) && takenFrom(c)) return "from";
    // "al Manchester United andranno 6 milioni": the club paid is the seller.
    if (prep && TO.has(prep) && paidTo(c)) return "from";
    // "nel mirino della Juventus", "obiettivo del Milan", "a target of Arsenal": the club completes a deal word,
    // it is the side that wants him, not his club.
    if (prep && OF.has(prep) && dealWordBefore(k + 1)) return "plain";
    if (prep && OF.has(prep) && prep !== "di") return "of";
    if (prep && TO.has(prep)) return "to";
    return "plain";
  }
}
