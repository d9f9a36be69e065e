import { RELATIVES } from "./clauses.js";
import { K, LADDER_BITS } from "./lexicon.js";
import type { NameMention, Scan } from "./mentions.js";
import { G_COMMA_PAREN, G_PUNCT, G_SPACE_DASH, G_SPACES, type Tokens } from "./tokens.js";
import { W_2DIGITS, W_AGE, W_DIGIT, W_GIVEN, W_NOT_NAME, W_STAFF_SURNAME, W_YEAR } from "./vocab.js";

/**
 * Players the lists lack, found by the words around an unknown capitalised name: "il classe 2006 X",
 * "l'attaccante del Marsiglia X", "X, centrocampista classe 2004", "the 19-year-old X".
 */

const YEARS = new Set(["anni", "year", "years"]);
/** Words between a subject and his deal word ("is close to joining", "ha firmato", "has now signed"). */
const AUXILIARIES = new Set(
  "is has have had was are been will would now already just ha hanno e sta stanno sembra ora gia appena che who".split(
    " ",
  ),
);
const SUBJECT_STAGES = K.talks | K.agreement | K.medical | K.official;
const DETERMINERS = new Set(["il", "l", "lo", "the", "un", "a"]);
/** Words after which a name is what a move is about ("l'acquisto di X", "offerta per X", "signing of X"). */
const OBJECT_OF = new Set(["di", "per", "of", "for"]);
/** "of" before a club, in both languages ("del Marsiglia", "dell'Ajax", "of Ajax"). */
const OF = new Set(["del", "dello", "della", "dell", "dei", "degli", "di", "of", "from"]);

/**
 * The article being read, for the helpers below: module functions, not closures made anew for every article
 * (under tsx each closure costs a defineProperty for its name).
 */
let cur: {
  tokens: Tokens;
  s: Scan;
  cueEnd: (at: number, kind: number) => boolean;
  transfer: Uint8Array;
};

/** Unknown capitalised names with a player cue beside them. */
export function provisionals(
  tokens: Tokens,
  s: Scan,
  cueEnd: (at: number, kind: number) => boolean,
  afterStaff: (start: number) => boolean,
  transfer: Uint8Array,
  add: (name: string, m: NameMention) => void,
): void {
  cur = { tokens, s, cueEnd, transfer };
  const found = new Map<string, string>();
  const n = tokens.length;
  let i = 0;
  const { cap, sent: sents, ids } = tokens;
  const wflags = tokens.vocab.flags;
  while (i < n) {
    // Array reads before the Map look-up: most capitalised words are already covered or never names.
    if (!cap[i] || s.covered[i] || wflags[ids[i]!]! & (W_NOT_NAME | W_DIGIT) || s.blocked.has(i)) {
      i++;
      continue;
    }
    const sent = sents[i]!;
    // "Oltre Rossi, ...": a sentence's first word, capitalised anyway, is no first name unless known as one.
    if (
      (i === 0 || sents[i - 1] !== sent) &&
      !(wflags[ids[i]!]! & W_GIVEN) &&
      i + 1 < n &&
      cap[i + 1] &&
      !s.covered[i + 1] &&
      sents[i + 1] === sent &&
      tokens.gaps[i + 1]! & G_SPACES
    ) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < n &&
      j - i < 3 &&
      cap[j] &&
      !s.covered[j] &&
      sents[j] === sent &&
      tokens.gaps[j]! & G_SPACE_DASH &&
      !(wflags[ids[j]!]! & W_NOT_NAME)
    ) {
      j++;
    }
    const firstOfSentence = i === 0 || sents[i - 1] !== sent;
    const last = tokens.norm(j - 1);
    // The cue tests first: most capitalised words have none, and then no key needs building.
    // "in Baviera", "in Germania": one capitalised word after "in" is a place, never a player.
    const place = j - i === 1 && i > 0 && sents[i - 1] === sent && tokens.norm(i - 1) === "in";
    const cued =
      !place &&
      (cueBefore(i) || cueAfter(j) || objectOfMove(i, j) || subjectOfMove(i, j)) &&
      !(firstOfSentence && j - i === 1 && !cueAfter(j)) &&
      !(wflags[ids[j - 1]!]! & W_STAFF_SURNAME) &&
      !afterStaff(i);
    if (found.size || cued) {
      let key = tokens.norm(i);
      for (let k = i + 1; k < j; k++) key += ` ${tokens.norm(k)}`;
      const known = found.get(key) ?? found.get(last);
      const m: NameMention = { start: i, end: j, sent };
      if (known) add(known, m);
      else if (cued) {
        let name = tokens.text(i);
        for (let k = i + 1; k < j; k++) name += ` ${tokens.text(k)}`;
        found.set(key, name);
        found.set(last, name);
        add(name, m);
      }
    }
    i = j;
  }
}

function cueBefore(at: number): boolean {
  const { tokens, cueEnd } = cur;
  const { sent: sents, ids } = tokens;
  const wflags = tokens.vocab.flags;
  if (at === 0 || sents[at - 1] !== sents[at] || tokens.gaps[at]! & G_PUNCT) return false;
  const prev = wflags[ids[at - 1]!]!;
  if (prev & W_AGE) return true;
  if (prev & W_YEAR && at >= 2 && tokens.norm(at - 2) === "classe") return true;
  // "the 19-year-old X"
  if (
    at >= 3 &&
    tokens.norm(at - 1) === "old" &&
    tokens.norm(at - 2) === "year" &&
    wflags[ids[at - 3]!]! & W_2DIGITS
  )
    return true;
  // "l'attaccante del Marsiglia X", "il difensore dello Slavia Praga X": a player noun, "of", his club.
  const club = clubEndingAt(at);
  if (club >= 2 && OF.has(tokens.norm(club - 1)) && cueEnd(club - 1, K.pnoun)) return true;
  // "il difensore X", "l'esterno brasiliano X" (the nationality is a player noun too), "defender X".
  return cueEnd(at, K.pnoun);
}

/**
 * "l'arrivo di Arthur Borghi", "an offer for Luis Neto": a given name and an unknown surname right after
 * "di"/"per"/"of"/"for" or a stage verb in a sentence that speaks of a move.
 */
function objectOfMove(at: number, end: number): boolean {
  const { tokens, cueEnd, transfer } = cur;
  const { sent: sents, ids } = tokens;
  const wflags = tokens.vocab.flags;
  if (end - at < 2 || at === 0 || sents[at - 1] !== sents[at] || !transfer[sents[at]!]) return false;
  // "pronta ad accogliere Juan Arizala", "ha preso Juan Arizala": the object of a stage verb too.
  if (!(wflags[ids[at]!]! & W_GIVEN) || !(OBJECT_OF.has(tokens.norm(at - 1)) || cueEnd(at, LADDER_BITS)))
    return false;
  return (tokens.gaps[at]! & G_SPACES) !== 0;
}

/**
 * "Joe Hodge is close to joining Tondela", "David McGoldrick has signed for Barnsley": a given name and an
 * unknown surname as the subject of a deal word beyond interest (a coach or a pundit is on the people list).
 */
function subjectOfMove(at: number, end: number): boolean {
  const { tokens, s, transfer } = cur;
  const { sent: sents, ids } = tokens;
  const wflags = tokens.vocab.flags;
  const n = tokens.length;
  if (end - at < 2 || !transfer[sents[at]!] || !(wflags[ids[at]!]! & W_GIVEN)) return false;
  for (let k = end; k < Math.min(n, end + 4) && sents[k] === sents[at]; k++) {
    const c = s.cueStart[k];
    if (c && s.cues[c - 1]!.mask & SUBJECT_STAGES) return true;
    const w = tokens.norm(k);
    // ", che ha firmato", ", who has signed": a relative right after the name keeps him the subject.
    const relative = k === end && RELATIVES.has(w) && tokens.gaps[k]! & G_COMMA_PAREN;
    if (!AUXILIARIES.has(w) || (tokens.gaps[k]! & G_PUNCT && !relative)) return false;
  }
  return false;
}

/** Start of the club mention ending just before `at` (same sentence, space only), or -1. */
function clubEndingAt(at: number): number {
  const { tokens, s } = cur;
  const sents = tokens.sent;
  if (!(tokens.gaps[at]! & G_SPACES)) return -1;
  for (const c of s.clubs) if (c.end === at && c.sent === sents[at]) return c.start;
  return -1;
}

function cueAfter(at: number): boolean {
  const { tokens, cueEnd } = cur;
  const { sent: sents, ids } = tokens;
  const wflags = tokens.vocab.flags;
  const n = tokens.length;
  if (at >= n || !(tokens.gaps[at]! & G_COMMA_PAREN)) return false;
  const w = tokens.norm(at);
  const f = wflags[ids[at]!]!;
  const next = at + 1 < n ? tokens.norm(at + 1) : "";
  if (w === "classe" || f & (W_AGE | W_YEAR)) return true;
  if (f & W_2DIGITS && YEARS.has(next)) return true;
  // "X, 19, from Ajax": an age between commas.
  if (f & W_2DIGITS && (at + 1 >= n || sents[at + 1] !== sents[at] || tokens.gaps[at + 1]! & G_COMMA_PAREN))
    return true;
  if (DETERMINERS.has(w)) {
    if (at + 1 < n && wflags[ids[at + 1]!]! & W_2DIGITS && at + 2 < n && tokens.norm(at + 2) === "year") {
      return true;
    }
    return cueEnd(at + 2, K.pnoun);
  }
  return cueEnd(at + 1, K.pnoun);
}
