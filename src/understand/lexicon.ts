import { ASIDE, POSSIBILITY, REPORTED, THERE_IS } from "./modality-cues.js";
import { EX_BEFORE, OWNER_BEFORE, PLAYER_NOUNS, STAFF_BEFORE, STAFF_OF, VERSUS_BEFORE } from "./role-cues.js";
import { COMPETITION, HISTORY, MOVE_OUT, NEGATORS, NEUTRAL, STAGE_CUES, STAY, SWAP } from "./stage-cues.js";
import { TokenTrie } from "./token-trie.js";
import { STAGES, type Stage } from "./types.js";
import type { Vocab } from "./vocab.js";

/** What a cue phrase signals. One phrase may signal several things ("lasciare": leaving, and ownership). */
export type CueKind =
  | Stage
  | "neg"
  | "neutral"
  | "history"
  | "stay"
  | "move"
  | "compete"
  | "swap"
  | "staff"
  | "staffOf"
  | "ex"
  | "versus"
  | "pnoun"
  | "owner"
  | "possible"
  | "reported"
  | "aside"
  | "there";

/** Every cue kind, in bit order. */
const KINDS: readonly CueKind[] = [
  ...STAGES,
  "neg",
  "neutral",
  "history",
  "stay",
  "move",
  "compete",
  "swap",
  "staff",
  "staffOf",
  "ex",
  "versus",
  "pnoun",
  "owner",
  "possible",
  "reported",
  "aside",
  "there",
];

/** One bit per cue kind: cues and sentences carry their kinds as a mask, tested with `&`. */
export const K = Object.fromEntries(KINDS.map((k, i) => [k, 1 << i])) as Record<CueKind, number>;

/** The stage bits (interest … collapsed). */
export const STAGE_BITS = STAGES.reduce((m, s) => m | K[s], 0);

/** The forward ladder's bits (interest … official). */
export const LADDER_BITS = K.interest | K.talks | K.agreement | K.medical | K.official;

const masks = new Map<readonly CueKind[], number>();

/** The mask of a list of kinds; kept per list, since the scan asks again for the trie's own value lists. */
export function maskOf(kinds: readonly CueKind[]): number {
  let m = masks.get(kinds);
  if (m === undefined) {
    m = 0;
    for (const k of kinds) m |= K[k];
    if (masks.size < 10_000) masks.set(kinds, m);
  }
  return m;
}

/** A cue lexicon: phrases over stemmed word ids, with the stemmer that maps a folded word to its lexicon form. */
export interface Lexicon {
  trie: TokenTrie<CueKind, number>;
  /** Folded word → the form the trie knows ("ufficializzato" → "ufficial*"). Callers keep the result per word. */
  stem(word: string): string;
}

/** Builds the cue lexicon once, interning its words in `vocab`. */
export function createLexicon(vocab: Vocab): Lexicon {
  // Each node's mask computed afresh as its kinds grow (not through maskOf's cache, which keys by the list).
  const trie = new TokenTrie<CueKind, number>((kinds) => kinds.reduce((m, k) => m | K[k], 0));
  const prefixes: string[] = [];
  const entries: { words: string[]; kind: CueKind }[] = [];
  const add = (phrases: readonly string[], kind: CueKind) => {
    for (const p of phrases) {
      const words = p.split(/[\s'-]+/).filter(Boolean);
      for (const w of words) if (w.endsWith("*")) prefixes.push(w.slice(0, -1));
      entries.push({ words, kind });
    }
  };
  for (const s of STAGES) add(STAGE_CUES[s], s);
  add(NEGATORS, "neg");
  add(NEUTRAL, "neutral");
  add(HISTORY, "history");
  add(STAY, "stay");
  add(MOVE_OUT, "move");
  add(COMPETITION, "compete");
  add(SWAP, "swap");
  add(STAFF_BEFORE, "staff");
  add(STAFF_OF, "staffOf");
  add(EX_BEFORE, "ex");
  add(VERSUS_BEFORE, "versus");
  add(PLAYER_NOUNS, "pnoun");
  add(OWNER_BEFORE, "owner");
  add(POSSIBILITY, "possible");
  add(REPORTED, "reported");
  add(ASIDE, "aside");
  add(THERE_IS, "there");
  // Longest prefix first, so "ufficializz*" wins over "ufficial*" when both exist.
  const uniq = [...new Set(prefixes)].sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, string[]>();
  for (const p of uniq) {
    const k = p.slice(0, 3);
    const list = byFirst.get(k);
    if (list) list.push(p);
    else byFirst.set(k, [p]);
  }
  const stem = (word: string): string => {
    for (const p of byFirst.get(word.slice(0, 3)) ?? []) {
      if (word.length > p.length && word.startsWith(p)) return `${p}*`;
    }
    return word;
  };
  // Phrase words stemmed as article words will be: "raggiunto dalla" must meet the text's "raggiunt*".
  for (const { words, kind } of entries) {
    trie.add(
      words.map((w) => vocab.intern(w.endsWith("*") ? w : stem(w))),
      kind,
    );
  }
  return { trie, stem };
}
