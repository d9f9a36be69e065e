import type { Article, PlayerRef, Sentence } from "./article.js";
import { K, LADDER_BITS } from "./lexicon.js";
import { G_SPACES } from "./tokens.js";
import { type Certainty, STAGE_RANK, type Stage } from "./types.js";

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
  clause: number;
  /** With several players named, the one in the cue's clause; undefined: the sentence's subjects. */
  owner: PlayerRef | undefined;
}

/** A sentence's clauses and the reading of each cue (same order as `s.cues`). */
export interface SentenceReading {
  /** Token indices where a clause starts (the first is the sentence's start). */
  cuts: number[];
  cues: CueReading[];
  /** Players named only in passing in this sentence ("al posto di X"): they take no link from it. */
  aside: Set<PlayerRef>;
  /** The stretch (clauses up to a strong cut: ; : ( or "mentre", "ma") holding a token. */
  stretchOf(tok: number): number;
}

const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
const LADDER_K = LADDER.map((s) => K[s]);

/** Words that open a new clause even without punctuation before them. */
const CLAUSE_WORDS = new Set([
  "ma",
  "mentre",
  "pero",
  "perche",
  "poiche",
  "quando",
  "sebbene",
  "nonostante",
  "benche",
  "invece",
  "while",
  "but",
  "although",
  "though",
  "whereas",
  "however",
  "because",
  "since",
  "when",
  "after",
]);

/** Auxiliaries of a past perfect: "era finito", "aveva rifiutato", "had agreed". */
const PAST_AUX = new Set(["era", "erano", "ero", "eri", "aveva", "avevano", "avevo", "fu", "furono", "had"]);
/** Italian past participles and the English -ed/-en forms. */
const PARTICIPLE = /(?:at|it|ut)[oaie]$|(?:ss|tt|st|rs)[oaie]$|ed$|en$/;
/** Conditional verbs ("avrebbe", "sarebbero", "chiuderebbe"): reported, not confirmed. */
const CONDITIONAL = /rebber?o?$|rebbe$/;
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
/** Nouns of an offer: refusing one is part of the talks. */
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
const AND = new Set(["e", "ed", "and", "o", "or"]);

/** Reads one sentence of the article. */
export function readSentence(a: Article, s: Sentence): SentenceReading {
  const t = a.tokens;
  const cuts = [s.start];
  // Per clause, the first clause of its stretch: a comma cuts a clause, but a marker of time or modality
  // reaches over a comma-separated list ("è passato per Ascoli, Empoli e Verona") up to a strong cut.
  const stretch = [0];
  for (let k = s.start + 1; k < s.end; k++) {
    const word = CLAUSE_WORDS.has(t.norm(k));
    const text = t.gaps[k]! & G_SPACES ? "" : t.source.slice(t.end[k - 1]!, t.start[k]!);
    if (!word && !/[,.;:()–—]/.test(text)) continue;
    const strong = word || /[;:()–—]/.test(text);
    stretch.push(strong ? cuts.length : stretch[stretch.length - 1]!);
    cuts.push(k);
  }
  const clauseOf = (tok: number) => {
    let c = 0;
    while (c + 1 < cuts.length && cuts[c + 1]! <= tok) c++;
    return c;
  };
  const clauseEnd = (c: number) => (c + 1 < cuts.length ? cuts[c + 1]! : s.end);
  const past = new Uint8Array(cuts.length);
  // 1: a past perfect ("si erano mossi Torino e Lazio": lately, so still news, but no more than interest);
  // 2: a career marker ("prima dell'approdo al Napoli", "cresciuto nel"): history, no link at all.
  for (let c = 0; c < cuts.length; c++) if (pastClause(cuts[c]!, clauseEnd(c))) markPast(c, 1);
  for (const cue of s.cues) if (cue.mask & K.history) markPast(clauseOf(cue.start), 2);

  const aside = asides();
  const named = new Set<PlayerRef>();
  for (const m of s.players) if (!aside.has(m.ref)) named.add(m.ref);
  const readings: CueReading[] = s.cues.map((cue) => {
    const clause = clauseOf(cue.start);
    const owner = named.size > 1 ? ownerIn(clause, cue.start) : undefined;
    return { ...read(cue, clause), clause, owner };
  });
  return { cuts, cues: readings, aside, stretchOf: (tok) => stretch[clauseOf(tok)]! };

  /** The sure stage, the claim and the certainty of one cue in its clause. */
  function read(cue: Sentence["cues"][number], clause: number): Omit<CueReading, "clause" | "owner"> {
    let top: Stage | undefined;
    if (cue.mask & LADDER_BITS)
      for (let r = 0; r < LADDER.length; r++) if (cue.mask & LADDER_K[r]!) top = LADDER[r];
    let collapse = (cue.mask & K.collapsed) !== 0;
    // "Ha rifiutato la prima offerta", "bid rejected": an offer turned down is a step of the talks, not their end.
    if (collapse && offerBeside(cue, clause)) {
      collapse = false;
      top = "talks";
    }
    // "Una delegazione del Galatasaray è sbarcata a Milano": the club travelling to talk, not the player landing.
    if (top === "medical" && LANDING.test(t.norm(cue.start)) && clubBefore(cue.start, cuts[clause]!))
      top = "talks";
    if (!top && !collapse)
      return { stage: undefined, claimed: undefined, collapse: false, certainty: "plain" };
    const from = cuts[stretch[clause]!]!;
    const to = clauseEnd(clause);
    if (past[clause] === 2) return { stage: undefined, claimed: undefined, collapse, certainty: "past" };
    if (past[clause] === 1) {
      return { stage: top ? "interest" : undefined, claimed: undefined, collapse, certainty: "past" };
    }
    const possible = (cue.mask & K.possible) !== 0 || kindIn(K.possible, from, to);
    if (possible) {
      const stage = top ? "interest" : undefined;
      return { stage, claimed: collapse ? "collapsed" : top, collapse: false, certainty: "hedged" };
    }
    if (negatedAt(cue.start, cuts[clause]!, to, top)) {
      if (collapse) return { stage: undefined, claimed: undefined, collapse: false, certainty: "negated" };
      return { stage: stepDown(top!, "negated"), claimed: undefined, collapse: false, certainty: "negated" };
    }
    const reported =
      (cue.mask & K.reported) !== 0 || kindIn(K.reported, from, cue.start) || conditional(from, to, cue.end);
    // Italian reports rumours in the conditional ("avrebbe avviato i contatti"): that lowers only what would
    // ring as a done deal, agreement and beyond.
    if (reported && top && STAGE_RANK[top] >= STAGE_RANK.agreement) {
      return { stage: LADDER[LADDER.indexOf(top) - 1], claimed: top, collapse: false, certainty: "hedged" };
    }
    return { stage: top, claimed: undefined, collapse, certainty: "plain" };
  }

  function clubBefore(at: number, from: number): boolean {
    if (s.clubs.some((c) => c.start >= from && c.end <= at)) return true;
    for (let k = from; k < at; k++) if (DELEGATION.has(t.norm(k))) return true;
    return false;
  }

  /** An offer noun within three words of the cue, in its clause. */
  function offerBeside(cue: Sentence["cues"][number], clause: number): boolean {
    const from = Math.max(cuts[clause]!, cue.start - 3);
    const to = Math.min(clauseEnd(clause), cue.end + 3);
    for (let k = from; k < to; k++) if (OFFER.has(t.norm(k))) return true;
    return false;
  }

  /** A past marker holds for its clause and the clauses after it in the same stretch. */
  function markPast(c: number, level: number): void {
    for (let d = c; d < cuts.length && (d === c || stretch[d] === stretch[c]); d++)
      past[d] = Math.max(past[d]!, level);
  }

  /** A negator in the clause: close to the cue, or anywhere in it for an announcement still awaited. */
  function negatedAt(at: number, from: number, to: number, top: Stage | undefined): boolean {
    if (!(s.mask & K.neg)) return false;
    const span = top === "official" ? Number.POSITIVE_INFINITY : 6;
    return s.cues.some(
      (c) => c.mask & K.neg && c.start >= from && c.start < to && Math.abs(c.start - at) <= span,
    );
  }

  function stepDown(top: Stage, _why: Certainty): Stage | undefined {
    // "Manca solo l'annuncio": agreed, not official (medical when the medicals are mentioned too).
    if (top === "official") return s.mask & K.medical ? "medical" : "agreement";
    const r = LADDER.indexOf(top);
    return r > 0 ? LADDER[r - 1] : undefined;
  }

  function kindIn(bit: number, from: number, to: number): boolean {
    if (!(s.mask & bit)) return false;
    return s.cues.some((c) => c.mask & bit && c.start >= from && c.start < to);
  }

  /** A conditional verb before the cue in its clause, or just after it ("l'accordo arriverebbe"). */
  function conditional(from: number, to: number, cueEnd: number): boolean {
    const last = Math.min(to, cueEnd + 3);
    for (let k = from; k < last; k++) {
      const w = t.norm(k);
      if (w.length > 6 && CONDITIONAL.test(w)) return true;
    }
    return false;
  }

  function pastClause(from: number, to: number): boolean {
    for (let k = from; k < to - 1; k++) {
      if (!PAST_AUX.has(t.norm(k))) continue;
      for (let j = k + 1; j < Math.min(to, k + 4); j++) if (PARTICIPLE.test(t.norm(j))) return true;
    }
    return false;
  }

  /** The named player nearest the cue within its clause. */
  function ownerIn(clause: number, at: number): PlayerRef | undefined {
    let best: PlayerRef | undefined;
    let dist = Number.POSITIVE_INFINITY;
    for (const m of s.players) {
      if (aside.has(m.ref) || clauseOf(m.start) !== clause) continue;
      const d = Math.abs(m.start - at);
      if (d < dist) {
        dist = d;
        best = m.ref;
      }
    }
    return best;
  }

  /** Players every mention of whom in this sentence follows an aside cue (or is coordinated with one). */
  function asides(): Set<PlayerRef> {
    const out = new Set<PlayerRef>();
    if (!(s.mask & K.aside)) return out;
    const asideMention = new Set<number>();
    let prevAside = -1;
    for (let i = 0; i < s.players.length; i++) {
      const m = s.players[i]!;
      let k = m.start - 1;
      while (k >= s.start && m.start - k <= 3 && ASIDE_GLUE.has(t.norm(k)) && !cueEndsAt(k + 1)) k--;
      let isAside = cueEndsAt(k + 1);
      // "dopo Di Gregorio e Douglas Luiz": the second name of a pair shares the first one's role.
      if (!isAside && prevAside >= 0) {
        const prev = s.players[prevAside]!;
        const gap = m.start - prev.end;
        isAside = gap <= 1 && (gap === 0 || AND.has(t.norm(prev.end)));
      }
      if (isAside) {
        asideMention.add(i);
        prevAside = i;
      } else prevAside = -1;
    }
    const plain = new Set<PlayerRef>();
    s.players.forEach((m, i) => {
      if (!asideMention.has(i)) plain.add(m.ref);
    });
    for (const i of asideMention) if (!plain.has(s.players[i]!.ref)) out.add(s.players[i]!.ref);
    return out;
  }

  function cueEndsAt(at: number): boolean {
    const k = a.scan.cueEnd[at];
    return !!k && (a.scan.cues[k - 1]!.mask & K.aside) !== 0;
  }
}
