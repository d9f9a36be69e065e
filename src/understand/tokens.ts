import { foldName } from "./types.js";

/** One word of an article, as the matchers see it. */
export interface Token {
  /** As written. */
  text: string;
  /** Folded: lower case, accents removed ("Füllkrug" → "fullkrug"). */
  norm: string;
  /** First letter upper case. */
  cap: boolean;
  /** Sentence number (0-based, across the whole article). */
  sent: number;
  /** Paragraph number: titles, leads and blank-line-separated blocks start new ones. */
  para: number;
  /** Characters between the previous token and this one (punctuation, spaces). */
  gap: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;

/** Letter or digit; the ASCII test first because it is nearly every character. */
function isWordChar(code: number, ch: string): boolean {
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(ch);
}

/**
 * Splits text into words with sentence and paragraph numbers. Hyphens and apostrophes separate words, so
 * "Min-Jae" and "Min Jae" give the same tokens and "dell'Inter" gives "dell", "Inter". A sentence ends at
 * . ! ? … followed by a space (a closing quote may sit between), or at a newline; a blank line ends a paragraph.
 * Written as one character loop because it runs on every byte of every article.
 */
export function tokenize(parts: readonly string[]): Token[] {
  const out: Token[] = [];
  let sent = 0;
  let para = 0;
  for (const part of parts) {
    if (!part) continue;
    if (out.length) {
      sent++;
      para++;
    }
    const n = part.length;
    let i = 0;
    let last = 0;
    let first = true;
    while (i < n) {
      const code = part.charCodeAt(i);
      if (!isWordChar(code, part[i]!)) {
        i++;
        continue;
      }
      const start = i;
      let ascii = code < 128;
      i++;
      while (i < n) {
        const c = part.charCodeAt(i);
        if (!isWordChar(c, part[i]!)) break;
        if (c >= 128) ascii = false;
        i++;
      }
      const text = part.slice(start, i);
      const gap = part.slice(last, start);
      last = i;
      if (!first) {
        const b = boundary(gap);
        if (b === 2) {
          sent++;
          para++;
        } else if (b === 1) sent++;
      }
      first = false;
      const c0 = text.charCodeAt(0);
      const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : UPPER.test(text[0]!);
      out.push({ text, norm: ascii ? text.toLowerCase() : foldCached(text), cap, sent, para, gap });
    }
  }
  return out;
}

const foldMemo = new Map<string, string>();

/** NFKD folding is the slow part of tokenizing accented words ("più", "città"); the vocabulary repeats. */
function foldCached(word: string): string {
  let f = foldMemo.get(word);
  if (f === undefined) {
    f = foldName(word);
    if (foldMemo.size > 100_000) foldMemo.clear();
    foldMemo.set(word, f);
  }
  return f;
}

/** 0: same sentence; 1: sentence ends in this gap; 2: paragraph ends (blank line). */
function boundary(gap: string): number {
  let newlines = 0;
  let stop = false;
  for (let k = 0; k < gap.length; k++) {
    const c = gap[k]!;
    if (c === "\n") newlines++;
    else if (c === "." || c === "!" || c === "?" || c === "…") stop = true;
    else if (stop && (c === " " || c === "\t" || c === "\r")) return newlines > 1 ? 2 : 1;
  }
  if (newlines > 1) return 2;
  return newlines === 1 ? 1 : 0;
}
