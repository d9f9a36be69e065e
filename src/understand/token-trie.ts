/**
 * A trie over normalised tokens: the multi-pattern scan behind every dictionary match (clubs, players, people,
 * cue phrases). Why our own and not a character Aho-Corasick library: names must match on whole words, hyphen
 * and space variants ("Min-Jae", "Min Jae") and apostrophe splits ("dell'Inter") are already unified by the
 * tokenizer, and a Map lookup per token keeps the scan linear in the number of words with no boundary checks.
 */
interface Node<T> {
  next: Map<string, Node<T>>;
  values: T[];
}

/** Longest match starting at one token. */
export interface TrieMatch<T> {
  /** Number of tokens matched. */
  length: number;
  values: readonly T[];
}

export class TokenTrie<T> {
  private readonly root: Node<T> = { next: new Map(), values: [] };

  /** Adds a pattern given as normalised tokens. Empty patterns are ignored. */
  add(tokens: readonly string[], value: T): void {
    if (!tokens.length) return;
    let node = this.root;
    for (const t of tokens) {
      let child = node.next.get(t);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(t, child);
      }
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
  }

  /** True when some pattern starts with this token (a cheap pre-check). */
  starts(token: string): boolean {
    return this.root.next.has(token);
  }

  /** The longest pattern starting at `words[at]`, or undefined. `words` are normalised tokens. */
  longest(words: readonly string[], at: number, limit = words.length): TrieMatch<T> | undefined {
    let node = this.root.next.get(words[at]!);
    let best: TrieMatch<T> | undefined;
    let i = at;
    while (node) {
      i++;
      if (node.values.length) best = { length: i - at, values: node.values };
      if (i >= limit) break;
      node = node.next.get(words[i]!);
    }
    return best;
  }
}
