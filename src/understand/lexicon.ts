import { EX_BEFORE, OWNER_BEFORE, PLAYER_NOUNS, STAFF_BEFORE, STAFF_OF, VERSUS_BEFORE } from "./role-cues.js";
import { COMPETITION, HISTORY, MOVE_OUT, NEGATORS, NEUTRAL, STAGE_CUES, STAY, SWAP } from "./stage-cues.js";
import { TokenTrie } from "./token-trie.js";
import { STAGES, type Stage } from "./types.js";

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
  | "owner";

/** A cue lexicon: phrases over stemmed words, with the stemmer that maps a folded word to its lexicon form. */
export interface Lexicon {
  trie: TokenTrie<CueKind>;
  /** Folded word → the form the trie knows ("ufficializzato" → "ufficial*"); memoised. */
  stem(word: string): string;
}

/** Builds the cue lexicon once; pure. */
export function createLexicon(): Lexicon {
  const trie = new TokenTrie<CueKind>();
  const prefixes: string[] = [];
  const add = (phrases: readonly string[], kind: CueKind) => {
    for (const p of phrases) {
      const words = p.split(/[\s'-]+/).filter(Boolean);
      for (const w of words) if (w.endsWith("*")) prefixes.push(w.slice(0, -1));
      trie.add(words, kind);
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
  // Longest prefix first, so "ufficializz*" wins over "ufficial*" when both exist.
  const uniq = [...new Set(prefixes)].sort((a, b) => b.length - a.length);
  const byFirst = new Map<string, string[]>();
  for (const p of uniq) {
    const k = p.slice(0, 3);
    const list = byFirst.get(k);
    if (list) list.push(p);
    else byFirst.set(k, [p]);
  }
  const memo = new Map<string, string>();
  const stem = (word: string): string => {
    const hit = memo.get(word);
    if (hit !== undefined) return hit;
    let out = word;
    for (const p of byFirst.get(word.slice(0, 3)) ?? []) {
      if (word.length > p.length && word.startsWith(p)) {
        out = `${p}*`;
        break;
      }
    }
    // Bounded: the vocabulary of news is large but a process should not grow without limit.
    if (memo.size > 200_000) memo.clear();
    memo.set(word, out);
    return out;
  };
  return { trie, stem };
}
