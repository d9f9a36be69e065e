import { foldName } from "./types.js";
import { charClass, FNV, FOLD, grown, PRIME, TABLE_END, Vocab } from "./vocab.js";

/**
 * The hash constants as literals: an imported binding is a load and, for FNV (not a small integer), a
 * conversion from a double on every word.
 */
const FNV_SEED = -2128831035;
const FNV_PRIME = 16777619;
if (FNV_SEED !== FNV || FNV_PRIME !== PRIME)
  throw new Error("tokens.ts: hash constants differ from vocab.ts");

/** Gap classes: what lies between the previous word and this one, precomputed because names test it often. */
/** Only white space, at least one character (`/^\s+$/`). */
export const G_SPACES = 1;
/** Exactly one space. */
export const G_ONE_SPACE = 2;
/** Only spaces and hyphens, at least one (`/^[\s-]+$/`). */
export const G_SPACE_DASH = 4;
/** One hyphen between optional spaces (`/^\s*-\s*$/`). */
export const G_DASH = 8;
/** Holds , . ; or :. */
export const G_PUNCT = 16;
/** One comma or opening parenthesis between optional spaces. */
export const G_COMMA_PAREN = 32;
/** Holds an apostrophe (' or ’). */
export const G_APOS = 64;

/**
 * An article's words as parallel arrays: word ids in a vocabulary, capitalisation, sentence and paragraph
 * numbers, gap classes and offsets into the text. One object per article instead of one per word; the
 * extractor reuses one across articles (`tokenize(parts, vocab, into)`), so nothing is allocated per article
 * once the arrays are large enough.
 */
export class Tokens {
  /** The parts joined by blank lines; offsets point into it. */
  source = "";
  length = 0;
  /** Word ids (see Vocab). */
  ids: Int32Array;
  /** The vocabulary's cue stem id of each word. */
  stems: Int32Array;
  /** 1 when the first letter is upper case. */
  cap: Uint8Array;
  /** Sentence number (0-based, across the whole article). */
  sent: Int32Array;
  /** Index just past the word's sentence: patterns never match across sentences. */
  sentEnd: Int32Array;
  /** Paragraph number: titles, leads and blank-line-separated blocks start new ones. */
  para: Int32Array;
  /** G_* bits of the characters before each word. */
  gaps: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** Scratch for the scan, one more than the words (see Scan): reused, so zeroed by the scan itself. */
  marks: Uint8Array;
  cueStarts: Int32Array;
  cueEnds: Int32Array;

  constructor(
    readonly vocab: Vocab,
    capacity = 256,
  ) {
    this.ids = new Int32Array(capacity);
    this.stems = new Int32Array(capacity);
    this.cap = new Uint8Array(capacity);
    this.sent = new Int32Array(capacity);
    this.sentEnd = new Int32Array(capacity);
    this.para = new Int32Array(capacity);
    this.gaps = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.marks = new Uint8Array(capacity + 1);
    this.cueStarts = new Int32Array(capacity + 1);
    this.cueEnds = new Int32Array(capacity + 1);
  }

  /** Folded form: lower case, accents removed ("Füllkrug" → "fullkrug"). */
  norm(i: number): string {
    return this.vocab.words[this.ids[i]!]!;
  }

  /** As written. */
  text(i: number): string {
    return this.source.slice(this.start[i]!, this.end[i]!);
  }

  /** Room for at least `n` words, keeping the first `keep`. */
  reserve(n: number, keep: number): void {
    if (n <= this.ids.length) return;
    const size = Math.max(n, this.ids.length * 2);
    this.ids = grown(this.ids, size, keep);
    this.stems = grown(this.stems, size, keep);
    this.cap = grown(this.cap, size, keep);
    this.sent = grown(this.sent, size, keep);
    this.sentEnd = grown(this.sentEnd, size, keep);
    this.para = grown(this.para, size, keep);
    this.gaps = grown(this.gaps, size, keep);
    this.start = grown(this.start, size, keep);
    this.end = grown(this.end, size, keep);
    this.marks = new Uint8Array(size + 1);
    this.cueStarts = new Int32Array(size + 1);
    this.cueEnds = new Int32Array(size + 1);
  }
}

const SEPARATOR = "\n\n";

/**
 * Splits text into words with sentence and paragraph numbers. Hyphens and apostrophes separate words, so
 * "Min-Jae" and "Min Jae" give the same tokens and "dell'Inter" gives "dell", "Inter". A sentence ends at
 * . ! ? … followed by a space (a closing quote may sit between), or at a newline; a blank line ends a paragraph.
 * Each part (title, lead, body) starts a new paragraph. Written as one character loop because it runs on every
 * byte of every article: words are hashed folded as they are read, so a known word costs no string.
 * `into` is overwritten and returned (the extractor passes the same one every time).
 */
export function tokenize(parts: readonly string[], vocab: Vocab = new Vocab(), into?: Tokens): Tokens {
  vocab.trim();
  const t = into ?? new Tokens(vocab);
  let source = "";
  for (const p of parts) {
    if (!p) continue;
    source = source ? source + SEPARATOR + p : p;
  }
  t.source = source;
  // A word takes at least two characters with its gap, so this bound is never exceeded.
  t.reserve((source.length >> 1) + 1, 0);
  if (folded.length < source.length * MAX_EXPANSION) folded = new Uint16Array(source.length * MAX_EXPANSION);
  if (chars.length < source.length) {
    chars = new Uint16Array(source.length * 2);
    charBytes = Buffer.from(chars.buffer);
  }
  // One native copy of the UTF-16 units: `charCodeAt` on a sliced or concatenated string (what articles
  // usually are) costs about twice a typed-array read, and the loops below read every character.
  charBytes.write(source, 0, "utf16le");
  const src = chars;
  const { ids, cap, sent: sents, para: paras, gaps, start: starts, end: ends } = t;
  // Locals, not module variables: the loops then need not reload them.
  const buf = folded;
  const lower = ASCII_LOWER;
  const word = ASCII_WORD;
  const fold = FOLD;
  let count = 0;
  let glued = false;
  let sent = 0;
  let para = 0;
  let base = 0;
  for (const part of parts) {
    if (!part) continue;
    if (count) {
      sent++;
      para++;
    }
    const n = base + part.length;
    let i = base;
    let first = true;
    while (i < n) {
      let bound = -1;
      let g = 0;
      let cls = 0;
      let c0 = src[i]!;
      if (glued) {
        // "perJoao": the space a scrape lost after a function word.
        glued = false;
        bound = 0;
        g = G_SPACES | G_SPACE_DASH | G_ONE_SPACE;
        cls = charClass(c0);
      } else if (c0 === 32 && i + 1 < n) {
        // Nearly every gap is one space before a word: no sentence end, nothing else to classify.
        c0 = src[i + 1]!;
        cls = c0 < 128 ? word[c0]! : charClass(c0);
        if (cls) {
          i++;
          bound = 0;
          g = G_SPACES | G_SPACE_DASH | G_ONE_SPACE;
        }
      }
      if (bound < 0) {
        i = scanGap(src, i, n);
        if (i >= n) break;
        g = gapInfo & 0x7f;
        bound = gapInfo >> 7;
        cls = charClass(src[i]!);
      }
      const start = i;
      // The word, folded into `buf` and hashed on the way; the slow path when a character has no folding
      // entry.
      let h = FNV_SEED;
      let len = 0;
      let slow = false;
      while (i < n) {
        const c = src[i]!;
        if (c < 128) {
          const l = lower[c]!;
          if (!l) break;
          if (l !== c && len > 0 && len <= 3 && !(cls & 2) && gluedWord(buf, len)) {
            glued = true;
            break;
          }
          h = Math.imul(h ^ l, FNV_PRIME);
          buf[len++] = l;
        } else {
          if (!charClass(c)) break;
          if (c < TABLE_END) {
            const f = fold[c]!;
            for (let k = 0; k < f.length; k++) {
              const l = f.charCodeAt(k);
              h = Math.imul(h ^ l, FNV_PRIME);
              buf[len++] = l;
            }
          } else slow = true;
        }
        i++;
      }
      if (!first) {
        if (bound === 2) {
          sent++;
          para++;
        } else if (bound === 1) sent++;
      }
      first = false;
      ids[count] = slow ? vocab.intern(foldName(source.slice(start, i))) : vocab.lookup(buf, len, h);
      cap[count] = cls & 2 ? 1 : 0;
      sents[count] = sent;
      paras[count] = para;
      gaps[count] = g;
      starts[count] = start;
      ends[count] = i;
      count++;
    }
    base = n + SEPARATOR.length;
  }
  t.length = count;
  // Stems and sentence ends after the loop: `vocab.lookup` may have grown the vocabulary's arrays.
  const vstems = vocab.stems;
  const sentEnd = t.sentEnd;
  const stems = t.stems;
  for (let k = count - 1; k >= 0; k--) {
    stems[k] = vstems[ids[k]!]!;
    sentEnd[k] = k + 1 < count && sents[k + 1] === sents[k] ? sentEnd[k + 1]! : k + 1;
  }
  return t;
}

/** Lower-case function words a scrape glues to the next capitalised word ("perJoao Cancelo"). */
const GLUED = new Set([
  "a",
  "al",
  "di",
  "da",
  "del",
  "dal",
  "per",
  "con",
  "su",
  "sul",
  "tra",
  "fra",
  "e",
  "in",
  "of",
  "for",
  "to",
  "the",
  "and",
  "by",
  "at",
  "on",
]);

/** Whether the lower-case letters folded so far are a function word glued to a capitalised next word. */
function gluedWord(buf: Uint16Array, len: number): boolean {
  let w = "";
  for (let k = 0; k < len; k++) {
    const c = buf[k]!;
    if (c < 97 || c > 122) return false;
    w += String.fromCharCode(c);
  }
  return GLUED.has(w);
}

/** The text's UTF-16 units, and the same memory as a Buffer to copy them in natively; grown as needed. */
let chars = new Uint16Array(4096);
let charBytes = Buffer.from(chars.buffer);

/** A character of the table folds to at most this many. */
const MAX_EXPANSION = 3;
/** One word's folded characters; sized to the text in `tokenize`, so the loop needs no bound check. */
let folded = new Uint16Array(4096);

/** Classes of ASCII codes, as charClass has them; and letters and digits lower-cased, 0 for the rest. */
const ASCII_WORD = new Uint8Array(128);
const ASCII_LOWER = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  ASCII_WORD[c] = charClass(c);
  if (ASCII_WORD[c]) ASCII_LOWER[c] = c >= 65 && c <= 90 ? c + 32 : c;
}

/** What scanGap found besides the index: the boundary (<< 7) and the G_* bits. A module variable, not an
 * object per gap. */
let gapInfo = 0;

/**
 * Reads a gap from `at` up to the next word character (or `n`) and returns the index reached; leaves in
 * `gapInfo` the boundary (0 same sentence, 1 sentence end, 2 paragraph end; << 7) and the G_* bits.
 * A sentence ends at . ! ? … followed by a space, or at a newline; two newlines end a paragraph.
 */
function scanGap(source: Uint16Array, at: number, n: number): number {
  let i = at;
  let newlines = 0;
  let stop = false;
  let bound = -1;
  let spaces = 0;
  let dashes = 0;
  let commaParen = 0;
  let g = 0;
  for (; i < n; i++) {
    const code = source[i]!;
    if (code < 128 ? ASCII_WORD[code] : charClass(code)) break;
    if (code === 32 || code === 9 || code === 10 || code === 13 || isOtherSpace(code)) spaces++;
    else if (code === 45) dashes++;
    else if (code === 44 || code === 40) {
      commaParen++;
      if (code === 44) g |= G_PUNCT;
    } else if (code === 46 || code === 59 || code === 58) g |= G_PUNCT;
    else if (code === 39 || code === 0x2019) g |= G_APOS;
    if (bound < 0) {
      if (code === 10) newlines++;
      else if (code === 46 || code === 33 || code === 63 || code === 0x2026) stop = true;
      else if (stop && (code === 32 || code === 9 || code === 13)) bound = newlines > 1 ? 2 : 1;
    }
  }
  if (bound < 0) bound = newlines > 1 ? 2 : newlines === 1 ? 1 : 0;
  const len = i - at;
  if (len > 0) {
    if (spaces === len) g |= G_SPACES | G_SPACE_DASH | (len === 1 && source[at] === 32 ? G_ONE_SPACE : 0);
    else if (spaces + dashes === len) g |= G_SPACE_DASH | (dashes === 1 ? G_DASH : 0);
    else if (commaParen === 1 && spaces + 1 === len) g |= G_COMMA_PAREN;
  }
  gapInfo = (bound << 7) | g;
  return i;
}

/** White space other than space, tab, CR and LF, as JavaScript's `\s` has it. */
function isOtherSpace(c: number): boolean {
  return (
    c === 11 ||
    c === 12 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
