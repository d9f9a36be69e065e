/**
 * A trie over tokens: the multi-pattern scan behind every dictionary match (clubs, players, people, cue
 * phrases). Why our own and not a character Aho-Corasick library: names must match on whole words, hyphen
 * and space variants ("Min-Jae", "Min Jae") and apostrophe splits ("dell'Inter") are already unified by the
 * tokenizer, and one look-up per token keeps the scan linear in the number of words with no boundary checks.
 * The extractor keys it by word ids (numbers): the first level is then an array indexed by id, because the
 * first look-up is made for every candidate word and nearly always fails; tests may key it by strings.
 */
interface Node<T, K> {
  next: Map<K, Node<T, K>> | undefined;
  /** The children again as parallel arrays: most nodes have a handful, and a short scan beats `Map.get`. */
  keys: K[];
  kids: Node<T, K>[];
  values: T[];
  /** `tagOf(values)`, kept so a match hands it over without a look-up (the cue lexicon's kind mask). */
  tag: number;
}

/** Up to this many children a node is searched by scanning `keys`; beyond it through `next`. */
const SCAN_MAX = 8;

/** Longest match starting at one token. */
export interface TrieMatch<T> {
  /** Number of tokens matched. */
  length: number;
  values: readonly T[];
}

export class TokenTrie<T, K = string> {
  private readonly root = new Map<K, Node<T, K>>();
  /** First-level nodes by numeric key, when keys are numbers. */
  private readonly byId: (Node<T, K> | undefined)[] = [];
  /** Values of the last successful `match`. */
  matched: readonly T[] = [];
  /** Tag of the last successful `match` (0 without `tagOf`). */
  matchedTag = 0;

  /** `tagOf` summarises a node's values as a number, kept per node for `matchedTag`. */
  constructor(private readonly tagOf?: (values: readonly T[]) => number) {}

  /** Adds a pattern given as tokens. Empty patterns are ignored. */
  add(tokens: readonly K[], value: T): void {
    if (!tokens.length) return;
    let node = this.root.get(tokens[0]!);
    if (!node) {
      node = { next: undefined, keys: [], kids: [], values: [], tag: 0 };
      this.root.set(tokens[0]!, node);
      if (typeof tokens[0] === "number") {
        while (this.byId.length <= tokens[0]) this.byId.push(undefined);
        this.byId[tokens[0]] = node;
      }
    }
    for (let k = 1; k < tokens.length; k++) {
      node.next ??= new Map();
      let child = node.next.get(tokens[k]!);
      if (!child) {
        child = { next: undefined, keys: [], kids: [], values: [], tag: 0 };
        node.next.set(tokens[k]!, child);
        node.keys.push(tokens[k]!);
        node.kids.push(child);
      }
      node = child;
    }
    if (!node.values.includes(value)) node.values.push(value);
    if (this.tagOf) node.tag = this.tagOf(node.values);
  }

  /** True when some pattern starts with this token (a cheap pre-check). */
  starts(token: K): boolean {
    return this.root.has(token);
  }

  /** Every token some pattern starts with. */
  firsts(): IterableIterator<K> {
    return this.root.keys();
  }

  /** Every pattern, as tokens with its values (for building derived tables). */
  *patterns(): Generator<[K[], readonly T[]]> {
    const walk = function* (node: Node<T, K>, path: K[]): Generator<[K[], readonly T[]]> {
      if (node.values.length) yield [path, node.values];
      if (node.next) for (const [k, child] of node.next) yield* walk(child, [...path, k]);
    };
    for (const [k, node] of this.root) yield* walk(node, [k]);
  }

  /**
   * Length of the longest pattern starting at `words[at]` (0 when none); its values are left in `matched`.
   * No match reaches `limit`. Allocation-free: it runs for every candidate word.
   */
  match(words: ArrayLike<K>, at: number, limit = words.length): number {
    const first = words[at]!;
    let node = typeof first === "number" ? this.byId[first] : this.root.get(first);
    let best = 0;
    let i = at;
    while (node) {
      i++;
      if (node.values.length) {
        best = i - at;
        this.matched = node.values;
        this.matchedTag = node.tag;
      }
      const keys = node.keys;
      if (i >= limit || !keys.length) break;
      const w = words[i]!;
      if (keys.length <= SCAN_MAX) {
        let k = 0;
        while (k < keys.length && keys[k] !== w) k++;
        node = k < keys.length ? node.kids[k] : undefined;
      } else node = node.next!.get(w);
    }
    return best;
  }

  /** The longest pattern starting at `words[at]`, or undefined; no match reaches `limit`. */
  longest(words: ArrayLike<K>, at: number, limit = words.length): TrieMatch<T> | undefined {
    const length = this.match(words, at, limit);
    return length ? { length, values: this.matched } : undefined;
  }
}
