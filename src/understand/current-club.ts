import type { Article, PlayerRef, Sentence } from "./article.js";
import { BUT, RELATIVES } from "./clauses.js";
import { K } from "./lexicon.js";
import { G_SPACES } from "./tokens.js";

/** Going back: "returns to", "back at", "torna alla", "rientra al". */
const RETURN = /^(return|returns|returned|back|torna|tornato|rientra|rientrato|ritorna)$/;

/** "oggi al", "ora all'", "now at", "currently at": where a player is today. */
const NOW = /^(oggi|ora|attualmente|adesso|now|currently)$/;
const AT = /^(al|all|alla|allo|ai|at|with)$/;

/** Words before "dal X" that make X the club he comes from ("arriva dal", "in uscita dalla", "la risposta del"). */
const ARRIVAL =
  /^(arriv|prelevat|giunt|acquist|prestito|preso|rilevat|uscit|partenz|rispost|signed|signing|joined|arrives|arrived|loan|move|switch)/;

/** Words of selling: a club speaking of them about a player is his ("apre alla cessione", "non vuole cederlo"). */
const SELL = new Set([
  "cedere",
  "cederlo",
  "cederla",
  "cessione",
  "vendere",
  "venderlo",
  "venderla",
  "sell",
  "selling",
  "sale",
  "cash",
]);
/** Verbs of selling that carry no object of their own: only a name after them says whom they sell. */
const BARE_SELL = new Set(["cedere", "vendere", "sell", "selling"]);
/** Asking a price: "chiede 10 milioni", "asking 10 million". */
const ASK = new Set([
  "chiede",
  "chiedono",
  "pretende",
  "pretendono",
  "asking",
  "asks",
  "demand",
  "demands",
  "want",
  "wants",
]);
const DIGITS = /^\d+$/;
const MILLION = new Set(["milioni", "mln", "million", "millions", "m"]);

/** Nouns of a purchase: after "accordo con X per…" they make X the seller. */
const PURCHASE = /^(acquisto|trasferimento|cartellino|signing|transfer|purchase|sale)$/;

/**
 * Where each player belongs now. Text cues outweigh the reference list, which is a snapshot: "X del Liverpool",
 * "X, classe 2002 dell'Udinese", "l'attaccante del Manchester United X", "di proprietà dell'Atalanta",
 * "lascia gli Hammers", "arriva dal West Ham". A club the text sends him to ("Füllkrug al Milan") is not his.
 * `subjectOf` names the player a sentence without a name is about.
 */
export function currentClubs(
  a: Article,
  subjectOf: (s: Sentence) => PlayerRef | undefined,
  focus?: PlayerRef,
): Map<string, string> {
  const score: Scores = new Map();
  let named: Set<string> | undefined;
  for (const p of a.players) {
    const rows = p.entry ? (p.entry.clubs ?? [p.entry.club]) : [];
    for (const c of rows) if (c) bump(score, p, c, 1 / rows.length);
    // Two rows (a move in mid-season): the one the article names is the one it knows him at.
    if (rows.length > 1) {
      named ??= new Set(a.sentences.flatMap((s) => s.clubs.map((c) => c.club)));
      for (const c of rows) if (c && named.has(c)) bump(score, p, c, 0.25);
    }
  }
  const t = a.tokens;
  for (const s of a.sentences) {
    renewedBy(s, score);
    sellerSpeaks(s, t, score, subjectOf);
    for (const c of s.clubs) {
      // The named player closest before the club (apposition: "Gomez, 28enne inglese del Liverpool").
      let before: (typeof s.players)[number] | undefined;
      for (const p of s.players) if (p.end <= c.start) before = p;
      const after = s.players.find((p) => p.start >= c.end);
      const gapBefore = before ? c.start - before.end : 99;
      if (c.attributive && after) {
        bump(score, after.ref, c.club, 3);
        continue;
      }
      if (c.role === "ex") {
        if (before) bump(score, before.ref, c.club, -5);
        continue;
      }
      if (c.role === "owner") {
        // "Il centrocampista di proprietà del Nizza" far from any name: an epithet, the article's player.
        const near =
          before && gapBefore <= 6 ? before.ref : after && after.start - c.end <= 3 ? after.ref : undefined;
        const p = near ?? (before || after ? (focus ?? before?.ref ?? after?.ref) : subjectOf(s));
        if (p) bump(score, p, c.club, 3);
        continue;
      }
      // "ha vestito la maglia della Juventus": a club told as history is a former one.
      if (c.role === "of" && before && gapBefore <= 8 && historyBefore(s, c.start)) {
        bump(score, before.ref, c.club, -3);
        continue;
      }
      if (c.role === "of") {
        // "l'attaccante del Manchester United Joshua Zirkzee"; a comma ends it ("della Juventus, Frattesi").
        if (after && after.start === c.end && (t.gaps[after.start]! & G_SPACES) !== 0)
          bump(score, after.ref, c.club, 3);
        else if (
          before &&
          gapBefore <= 6 &&
          !s.players.some((p) => p.start > before.end && p.start < c.start)
        ) {
          bump(score, before.ref, c.club, 3);
        } else if (c.nounOf) {
          const p = subjectOf(s);
          if (p) bump(score, p, c.club, 2);
        }
        continue;
      }
      if (c.role === "from") {
        let verb = false;
        for (let k = Math.max(0, c.start - 4); k < c.start; k++) verb ||= ARRIVAL.test(t.norm(k));
        // "l'arrivo di Khephren Thuram dal Nizza": the verb or noun stands before the name.
        if (!verb && before && gapBefore <= 1)
          for (let k = Math.max(s.start, before.start - 3); k < before.start; k++)
            verb ||= ARRIVAL.test(t.norm(k));
        const p = before?.ref ?? subjectOf(s);
        // "who joined Fiorentina from Juventus in 2024", "arrivato nel 2024 dalla Juventus": a move told as
        // history left that club behind.
        if (verb && p && historyBefore(s, c.start)) bump(score, p, c.club, -3);
        else if (verb && p) bump(score, p, c.club, 2);
        continue;
      }
      // "Il Fulham è vicino all'accordo con il Southampton per Salisu": the club dealt with sells, so it is his,
      // unless the club before is his by the lists ("L'Inter tratta con il Galatasaray per Frattesi": a buyer).
      // "…con l'Ajax per l'acquisto di Bassey": a purchase named settles it whatever the lists say.
      if (c.role === "with" && after && after.start - c.end <= 10) {
        const listed = after.ref.entry ? (after.ref.entry.clubs ?? [after.ref.entry.club]) : [];
        let bought = false;
        for (let k = c.end; k < after.start && !bought; k++) bought = PURCHASE.test(t.norm(k));
        // "Il club ha smentito contatti con il City per Cambiaso": with only a noun for the other side, the
        // lists' club is as likely to be that side.
        const sideNamed = s.clubs.some((o) => o.end <= c.start);
        if (
          bought ||
          (!s.clubs.some((o) => o.end <= c.start && listed.includes(o.club)) && (sideNamed || !listed.length))
        )
          bump(score, after.ref, c.club, bought ? 4 : 2);
        continue;
      }
      // "X resta alla Juventus": where he stays is his club.
      if (
        c.role === "to" &&
        s.mask & K.stay &&
        s.cues.some((q) => q.mask & K.stay && q.end <= c.start && c.start - q.end <= 2)
      ) {
        const p = before?.ref ?? subjectOf(s);
        // Only a club the lists give him (or any, for a player they lack): "resta alla Roma" of a loanee
        // does not make his loan club his own.
        const known = !p?.entry || (p.entry.clubs ?? [p.entry.club]).includes(c.club);
        if (p && known) bump(score, p, c.club, 3);
        continue;
      }
      // "Kessié, oggi all'Al-Ahli", "now at Al-Hilal": where he is today is his club.
      if ((c.role === "to" || c.role === "plain") && before && gapBefore <= 6 && nowAt(t, c.start)) {
        bump(score, before.ref, c.club, 3);
        continue;
      }
      // "Lookman returns to Atalanta", "torna alla base": going back is going home.
      if (c.role === "to" && before && gapBefore <= 3 && returnsTo(t, c.start)) {
        bump(score, before.ref, c.club, 2);
        continue;
      }
      // "Il rinnovo di X in nerazzurro": a renewal keeps him where he is.
      // …but not through a relative: "Scuffet, che al Pisa ha perso il posto" tells where he is.
      if (
        c.role === "to" &&
        before &&
        gapBefore <= 2 &&
        !(s.mask & K.renewal) &&
        !relativeBetween(t, before.end, c.start)
      )
        bump(score, before.ref, c.club, -2);
    }
  }
  const out = new Map<string, string>();
  for (const [key, m] of score) {
    let best: string | undefined;
    let top = 0;
    for (const [club, v] of m) {
      if (v > top) {
        top = v;
        best = club;
      }
    }
    if (best) out.set(key, best);
  }
  return out;
}

type Scores = Map<string, Map<string, number>>;

/** Adds evidence that `club` is the player's (negative: that it is not). */
function bump(score: Scores, p: PlayerRef, club: string, v: number): void {
  let m = score.get(p.key);
  if (!m) {
    m = new Map();
    score.set(p.key, m);
  }
  m.set(club, (m.get(club) ?? 0) + v);
}

/**
 * "La società bianconera fatica ad arrivare al rinnovo del contratto di Rabiot": the one club of a sentence
 * about renewing a player's contract is his, whatever a later list says.
 */
function renewedBy(s: Sentence, score: Scores): void {
  if (!(s.mask & K.renewal)) return;
  let club: string | undefined;
  for (const c of s.clubs) {
    if (c.role === "ex" || c.role === "versus" || c.role === "with") continue;
    if (club && club !== c.club) return;
    club = c.club;
  }
  if (!club) return;
  for (const q of s.cues) {
    if (!(q.mask & K.renewal)) continue;
    const p = s.players.find((m) => m.start >= q.end && m.start - q.end <= 4);
    if (p) bump(score, p.ref, club, 2);
  }
}
/**
 * "Il Marsiglia apre alla cessione di X", "non vuole cedere X", "Marseille are asking 10 million for X": a
 * club speaking of selling him, or of its price, is his club. The player is the one named right after.
 */
function sellerSpeaks(
  s: Sentence,
  t: Article["tokens"],
  score: Scores,
  subjectOf: (s: Sentence) => PlayerRef | undefined,
): void {
  for (const c of s.clubs) {
    if (c.role !== "plain") continue;
    const stop = Math.min(s.end, c.end + 5);
    let at = -1;
    let bare = false;
    for (let k = c.end; k < stop && at < 0; k++) {
      const w = t.norm(k);
      // "si è fatto avanti il Liverpool, ma Lotito chiede 40 milioni": past a "ma" the clause has another subject.
      if (BUT.has(w)) break;
      if (SELL.has(w)) {
        at = k + 1;
        bare = BARE_SELL.has(w);
      } else if (ASK.has(w) && k + 2 < s.end && DIGITS.test(t.norm(k + 1)) && MILLION.has(t.norm(k + 2)))
        at = k + 3;
    }
    // Another club between them speaks for itself.
    if (at < 0 || s.clubs.some((o) => o.start >= c.end && o.start < at)) continue;
    // Else the one named last before the club ("Il Milan vuole X, ma il Marsiglia non vuole cederlo").
    const next = s.players.find((m) => m.start >= at && m.start - at <= 4);
    // "la Juventus, che deve prima vendere": a bare verb without its player sells someone else.
    if (bare && !next) continue;
    let before: PlayerRef | undefined;
    for (const m of s.players) if (m.end <= c.start) before = m.ref;
    const p = next?.ref ?? before ?? (s.players.length ? undefined : subjectOf(s));
    if (p) bump(score, p, c.club, 2);
  }
}
/** Whether a relative pronoun stands between two words ("Scuffet, che al Pisa…"). */
function relativeBetween(t: Article["tokens"], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (RELATIVES.has(t.norm(k))) return true;
  return false;
}
function nowAt(t: Article["tokens"], clubStart: number): boolean {
  const k = clubStart - 2;
  return k >= 0 && NOW.test(t.norm(k)) && AT.test(t.norm(k + 1));
}
function historyBefore(s: Sentence, at: number): boolean {
  return s.cues.some((q) => q.mask & K.history && q.end <= at && at - q.end <= 6);
}
function returnsTo(t: Article["tokens"], clubStart: number): boolean {
  for (let k = Math.max(0, clubStart - 3); k < clubStart; k++) if (RETURN.test(t.norm(k))) return true;
  return false;
}
