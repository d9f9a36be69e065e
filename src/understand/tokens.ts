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

const WORD = /[\p{L}\p{N}]+/gu;
/** A sentence ends at . ! ? or a quote closing one, followed by space; a newline always ends one. */
const SENTENCE_END = /[.!?…]["”’»]?\s|[\n\r]|[.!?]$/;
const ASCII = /^[\x20-\x7e]*$/;
const UPPER = /\p{Lu}/u;

/** Folds one word; the ASCII fast path matters for throughput (most words need no NFKD). */
function fold(word: string): string {
  return ASCII.test(word) ? word.toLowerCase() : foldName(word);
}

/**
 * Splits text into words with sentence and paragraph numbers. Hyphens and apostrophes separate words, so
 * "Min-Jae" and "Min Jae" give the same tokens and "dell'Inter" gives "dell", "Inter".
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
    let last = 0;
    let first = true;
    for (const m of part.matchAll(WORD)) {
      const text = m[0];
      const gap = part.slice(last, m.index);
      last = m.index + text.length;
      if (!first) {
        if (/\n\s*\n/.test(gap)) {
          sent++;
          para++;
        } else if (SENTENCE_END.test(gap)) sent++;
      }
      first = false;
      out.push({ text, norm: fold(text), cap: UPPER.test(text[0]!), sent, para, gap });
    }
  }
  return out;
}
