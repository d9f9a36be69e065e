import { foldName } from "./types.js";

/**
 * Word classes kept per word id, so the hot loops test a bit instead of looking strings up in sets.
 * Set by the dictionaries when they are built; a word first seen in an article gets only CUE and DIGIT.
 */
export const W_CLUB = 1;
export const W_SOURCE = 2;
export const W_PERSON = 4;
export const W_PLAYER = 8;
export const W_CUE = 16;
/** Capitalised, still never a name ("Oggi", "Serie"). */
export const W_NOT_NAME = 32;
/** Starts with a digit. */
export const W_DIGIT = 64;
export const W_EN = 128;
export const W_IT = 256;
/** A one-word surname of a known player. */
export const W_SURNAME = 512;
/** First word of a two-word surname ("de" of "de bruyne"). */
export const W_SURNAME2 = 1024;
/** Surname of a coach, director or other never-player. */
export const W_STAFF_SURNAME = 2048;
/** First word of a lower-case club nickname ("rossoneri", "la dea"). */
export const W_NICK = 4096;
/** First word of a cited source of two words or more ("la gazzetta"). */
export const W_SOURCE_MULTI = 8192;
/** An age or age group: "28enne", "u21". */
export const W_AGE = 16384;
/** A plausible birth year, 1980–2019. */
export const W_YEAR = 32768;
/** Exactly two digits. */
export const W_2DIGITS = 65536;
/** A cue stem that is a whole cue phrase by itself ("ufficial*"). */
export const W_CUE1 = 1 << 17;
/** A cue stem that is the second word of some cue phrase ("un" of "a un passo"). */
export const W_CUE2 = 1 << 18;
/** The first word of some player's or known person's full name ("Fabrizio"): a given name. */
export const W_GIVEN = 1 << 19;

/** Opens a clause without punctuation ("mentre", "ma", "while"): see clauses.ts. */
export const W_CLAUSE = 1 << 24;
/** An auxiliary of the past perfect ("era", "aveva", "had"). */
export const W_PAST_AUX = 1 << 25;
/** A conditional verb ("avrebbe", "chiuderebbero"): reported, not confirmed. */
export const W_CONDITIONAL = 1 << 26;
/** A people's name that the press uses for a club of that country ("turchi", "Saudi"): see demonyms.ts. */
export const W_DEMONYM = 1 << 27;

const AGE = /^(\d{2})enne$|^u\d{2}$/;
const CONDITIONAL = /rebber?o$|rebbe$/;
const YEAR = /^(19[89]\d|20[01]\d)$/;
const TWO_DIGITS = /^\d{2}$/;

/** Classes that follow from the word's own letters. */
function shapeOf(word: string): number {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57)
    return (
      W_DIGIT |
      (YEAR.test(word) ? W_YEAR : 0) |
      (TWO_DIGITS.test(word) ? W_2DIGITS : 0) |
      // "28enne" starts with a digit too.
      (AGE.test(word) ? W_AGE : 0)
    );
  return (AGE.test(word) ? W_AGE : 0) | (word.length > 6 && CONDITIONAL.test(word) ? W_CONDITIONAL : 0);
}

/** What the owner of a vocabulary computes for a word it has not seen before. */
export type Classify = (word: string, id: number) => { flags: number; stem: number };

/** Unknown words kept before the table is trimmed back to the dictionaries' words. */
const DYNAMIC_LIMIT = 200_000;

/** Folding table for Latin letters up to U+024F; beyond it a word takes the slow path (foldName). */
export const TABLE_END = 0x250;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const UPPER = /\p{Lu}/u;
/** Per UTF-16 code: bit 1 letter or digit, bit 2 upper case, bit 4 computed. Filled on first sight. */
const CLASS = new Uint8Array(0x10000);
/** Each code's folded form ("À" → "a", "ß" → "ss"). */
export const FOLD: string[] = [];
for (let c = 0; c < TABLE_END; c++) FOLD.push(foldName(String.fromCharCode(c)));

/** 1: letter or digit; 3: upper-case letter; 0: anything else (a lone surrogate half included). */
export function charClass(code: number): number {
  const k = CLASS[code]!;
  return k ? k & 3 : classify(code);
}

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  const k = WORD_CHAR.test(ch) ? 1 | (UPPER.test(ch) ? 2 : 0) : 0;
  CLASS[code] = k | 4;
  return k;
}

/** FNV-1a over folded character codes. */
export const FNV = 0x811c9dc5 | 0;
export const PRIME = 16777619;

/** The hash of a folded word, the same whether computed from the string or from the text on the fly. */
function hashString(w: string): number {
  let h = FNV;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), PRIME);
  return h;
}

/**
 * Folded words ↔ integer ids, with per-id classes and cue stems. The dictionaries intern their words first
 * (ids below `fixed` stay for the process); words met in articles are added after them and dropped in bulk
 * when there are too many, between articles. Looking a word up straight from the article text, folding as it
 * goes, means no string is made for a word already known: that is most of the tokenizer's speed.
 */
export class Vocab {
  readonly words: string[] = [];
  flags = new Uint32Array(1024);
  /** Id of the word's cue stem ("ufficializzato" → "ufficial*"), or its own id. */
  stems = new Int32Array(1024);
  private hashes = new Int32Array(1024);
  /** Each word's folded characters, end to end, for comparing without touching the strings. */
  private pool = new Uint16Array(1 << 16);
  private poolEnd = 0;
  private offsets = new Int32Array(1024);
  private lengths = new Int32Array(1024);
  /**
   * Open addressing, four ints per slot: the hash, id + 1 (0: empty), the word's offset in `pool` and its
   * length, so a probe reads one cache line of the table and one of the pool.
   */
  private table = new Int32Array(4 << 14);
  private mask = (1 << 14) - 1;
  private fixed = 0;

  constructor(private readonly classify?: Classify) {}

  /** Ends the dictionaries' part: later words are per-article and may be dropped. */
  seal(): void {
    this.fixed = this.words.length;
  }

  /** Drops the words met in articles when there are too many. Call only between articles. */
  trim(): void {
    if (this.words.length - this.fixed < DYNAMIC_LIMIT) return;
    this.words.length = this.fixed;
    this.poolEnd = this.fixed ? this.offsets[this.fixed - 1]! + this.lengths[this.fixed - 1]! : 0;
    this.table.fill(0);
    for (let id = 0; id < this.fixed; id++) this.place(this.hashes[id]!, id);
  }

  /** The id of a folded word, or -1. */
  idOf(word: string): number {
    const h = hashString(word);
    const table = this.table;
    for (let slot = h & this.mask; ; slot = (slot + 1) & this.mask) {
      const v = table[4 * slot + 1]!;
      if (v === 0) return -1;
      if (table[4 * slot] === h && this.words[v - 1] === word) return v - 1;
    }
  }

  /** The id of a folded word, adding it when new. */
  intern(word: string): number {
    const id = this.idOf(word);
    return id >= 0 ? id : this.add(word, hashString(word));
  }

  /**
   * The id of the folded word held in `chars[0, length)`, adding it when new; `hash` is its FNV-1a hash.
   * The tokenizer folds and hashes each word as it reads it, so a known word costs no string.
   */
  lookup(chars: Uint16Array, length: number, hash: number): number {
    const { table, mask, pool } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const at = 4 * slot;
      const v = table[at + 1]!;
      if (v === 0) break;
      if (table[at] !== hash || table[at + 3] !== length) continue;
      const off = table[at + 2]!;
      let k = 0;
      while (k < length && pool[off + k] === chars[k]) k++;
      if (k === length) return v - 1;
    }
    return this.add(String.fromCharCode.apply(null, chars.subarray(0, length) as unknown as number[]), hash);
  }

  private add(text: string, hash: number): number {
    const id = this.words.length;
    // A copy, never a slice of the article: a kept word must not keep the whole text alive.
    const word = text.length >= 13 ? Array.from(text).join("") : text;
    this.words.push(word);
    if (id >= this.hashes.length) this.grow();
    this.hashes[id] = hash;
    if (this.poolEnd + word.length > this.pool.length) {
      this.pool = grown(this.pool, Math.max(this.pool.length * 2, this.poolEnd + word.length), this.poolEnd);
    }
    this.offsets[id] = this.poolEnd;
    this.lengths[id] = word.length;
    for (let k = 0; k < word.length; k++) this.pool[this.poolEnd++] = word.charCodeAt(k);
    if ((id + 1) * 8 > this.table.length) this.rehash();
    else this.place(hash, id);
    let flags = shapeOf(word);
    let stem = id;
    if (this.classify) {
      const c = this.classify(word, id);
      flags |= c.flags;
      stem = c.stem;
    }
    this.flags[id] = flags;
    this.stems[id] = stem;
    return id;
  }

  private place(hash: number, id: number): void {
    let slot = hash & this.mask;
    while (this.table[4 * slot + 1] !== 0) slot = (slot + 1) & this.mask;
    const at = 4 * slot;
    this.table[at] = hash;
    this.table[at + 1] = id + 1;
    this.table[at + 2] = this.offsets[id]!;
    this.table[at + 3] = this.lengths[id]!;
  }

  private grow(): void {
    const n = this.hashes.length * 2;
    this.hashes = grown(this.hashes, n, n);
    this.flags = grown(this.flags, n, n);
    this.stems = grown(this.stems, n, n);
    this.offsets = grown(this.offsets, n, n);
    this.lengths = grown(this.lengths, n, n);
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2);
    this.mask = (this.table.length >> 2) - 1;
    for (let id = 0; id < this.words.length; id++) this.place(this.hashes[id]!, id);
  }
}

type Numbers = Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** A typed array of `size`, of the same kind, holding the first `keep` items of `a`. */
export function grown<T extends Numbers>(a: T, size: number, keep: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a.subarray(0, Math.min(keep, a.length, size)));
  return b;
}
