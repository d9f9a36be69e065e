import { foldName } from "../understand/types.js";

/**
 * MinHash signatures of an article's word shingles, for finding syndicated copies and light rewrites.
 *
 * Written here rather than taken from a library: the npm MinHash implementations draw random hash
 * functions per process, and our signatures must compare across worker processes and restarts. This one
 * is deterministic: two FNV-1a hashes per shingle combined by double hashing (Kirsch–Mitzenmacher).
 */

/**
 * Signature length: 32 LSH bands of 4 rows. Texts with similarity 0.5 share a band 87 % of the time, 0.6
 * 98 %; candidates are then verified on the whole signature.
 */
export const SIGNATURE_SIZE = 128;
export const BANDS = 32;
export const ROWS = SIGNATURE_SIZE / BANDS;
/** Words per shingle. */
const SHINGLE = 3;
/** Fewer words than this and similarity means little: the exact content hash covers such texts. */
export const MIN_WORDS = 12;

function fnv1a(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-case, accent-free words. */
export function words(text: string): string[] {
  return foldName(text).match(/[a-z0-9]+/g) ?? [];
}

/** The signature of a text, or null when it is too short to compare. */
export function signature(text: string): Uint32Array | null {
  const w = words(text);
  if (w.length < MIN_WORDS) return null;
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    const shingle = w.slice(i, i + SHINGLE).join(" ");
    const h1 = fnv1a(shingle, 0x811c9dc5);
    const h2 = fnv1a(shingle, 0x9e3779b9) | 1;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = (h1 + Math.imul(k, h2)) >>> 0;
      if (v < sig[k]!) sig[k] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of the two texts' shingle sets: the share of equal positions. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One key per LSH band: texts that share any band are candidates (likely when similarity ≳ 0.5). */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5;
    for (let r = 0; r < ROWS; r++) {
      h ^= sig[b * ROWS + r]!;
      h = Math.imul(h, 0x01000193);
    }
    out.push(`${b}:${(h >>> 0).toString(36)}`);
  }
  return out;
}

/**
 * A compact stored form: the low 16 bits of each position (256 bytes). Chance agreements add about
 * 1/65536 to the estimated similarity, which is nothing next to the 0.5 threshold.
 */
export function encodeSignature(sig: Uint32Array): Buffer {
  const out = Buffer.alloc(SIGNATURE_SIZE * 2);
  for (let i = 0; i < SIGNATURE_SIZE; i++) out.writeUInt16LE(sig[i]! & 0xffff, i * 2);
  return out;
}

/** Compares a signature with a stored one (see encodeSignature). */
export function similarityToStored(sig: Uint32Array, stored: Buffer): number {
  if (stored.length !== SIGNATURE_SIZE * 2) return 0;
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if ((sig[i]! & 0xffff) === stored.readUInt16LE(i * 2)) same++;
  return same / SIGNATURE_SIZE;
}
