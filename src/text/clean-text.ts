/**
 * Text hygiene at the boundaries: what users type and what feeds say, before it is stored or shown.
 * Invisible characters let two names look alike and differ (zero-width), reorder what is shown (bidi
 * overrides) or drive a terminal (escape codes); none of them belongs in a name or a headline.
 */

/** C0 controls but tab and newline, DEL, C1 controls. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Bidi embeddings, overrides and isolates, LRM/RLM and the Arabic letter mark. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** Zero-width space, non-joiner, joiner, word joiner, BOM. */
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;
/**
 * ANSI escape sequences: CSI (ESC [ or the 8-bit CSI) with its parameters, OSC up to BEL or ST, and
 * two-character ESC sequences. Removed whole, so no "[31m" is left behind when ESC goes.
 */
const ANSI =
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[@-Z\\-_]/g;

/** Removes escape sequences, controls (keeping \n and \t), bidi and zero-width characters; NFKC. */
export function cleanText(s: string): string {
  return s.replace(ANSI, "").normalize("NFKC").replace(CONTROL, "").replace(BIDI, "").replace(ZERO_WIDTH, "");
}

/** cleanText on one line: any run of white space (newlines included) becomes one space; trimmed. */
export function cleanLine(s: string): string {
  return cleanText(s).replace(/\s+/g, " ").trim();
}

/**
 * A name's identity for keys: NFKC, case folded, accents removed from Latin letters only (other
 * scripts keep their marks: they can change the letter), separators as "-". Never empty for a name
 * with letters in any script. Latin names keep the key `latinKey` gives them (existing data matches).
 */
export function nameKey(name: string, latinKey: (s: string) => string): string {
  const clean = cleanLine(name);
  const latin = latinKey(clean);
  // Only Latin letters, digits and separators: today's key, unchanged.
  if (latinOnly(clean) && latin) return latin;
  return scriptKey(clean);
}

/** Whether the text's letters are all Latin (digits, punctuation, symbols and spaces aside). */
export function latinOnly(text: string): boolean {
  return !/[^\p{Script=Latin}\p{M}\p{N}\p{P}\p{S}\p{Z}\s]/u.test(text);
}

/** A key for a name in any script: lower case, Latin accents dropped, other scripts' letters kept. */
export function scriptKey(clean: string): string {
  return clean
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}
