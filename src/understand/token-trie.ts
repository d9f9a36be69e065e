/**
 * A trie over tokens: the multi-pattern scan behind every dictionary match (clubs, players, people, cue
 * phrases). Why our own and not a character Aho-Corasick library: names must match on whole words, hyphen
 * and space variants ("Min-Jae", "Min Jae") and apostrophe splits ("dell'Inter") are already unified by the
 * tokenizer, and one look-up per token keeps the scan linear in the number of words with no boundary checks.
 * The extractor keys it by word ids (numbers): on the first match it is then laid out flat in typed arrays
 * (see FlatTrie), because node objects scattered over the heap made every look-up a cache miss; tests may key
 * it by strings.
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
  /** The same patterns laid out flat, when keys are numbers; made on the first match, dropped by `add`. */
  private flat: FlatTrie<T> | undefined;
  /** Values of the last successful `match`. */
  matched: readonly T[] = [];
  /** Tag of the last successful `match` (0 without `tagOf`). */
  matchedTag = 0;

  /** `tagOf` summarises a node's values as a number, kept per node for `matchedTag`. */
  constructor(private readonly tagOf?: (values: readonly T[]) => number) {}

  /** Adds a pattern given as tokens. Empty patterns are ignored. */
  add(tokens: readonly K[], value: T): void {
    if (!tokens.length) return;
    this.flat = undefined;
    let node = this.root.get(tokens[0]!);
    if (!node) {
      node = { next: undefined, keys: [], kids: [], values: [], tag: 0 };
      this.root.set(tokens[0]!, node);
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
    if (typeof first === "number") {
      this.flat ??= new FlatTrie(this.root as Map<unknown, Node<T, unknown>>);
      const f = this.flat;
      const best = f.match(words as ArrayLike<number>, at, limit);
      if (best) {
        this.matched = f.values[f.matchedNode]!;
        this.matchedTag = f.tags[f.matchedNode]!;
      }
      return best;
    }
    let node = this.root.get(first);
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

/**
 * A trie over numeric keys as parallel typed arrays: nodes are numbered breadth first, and each node's
 * children are a sorted run of `childKey` from `childStart[node]` to `childStart[node + 1]`. A match reads a
 * few small arrays instead of chasing objects.
 */
class FlatTrie<T> {
  /** Node + 1 of each first word (0: no pattern starts with it). */
  readonly first: Int32Array;
  readonly childStart: Int32Array;
  readonly childKey: Int32Array;
  readonly childNode: Int32Array;
  /** 1 when some pattern ends at the node. */
  readonly ends: Uint8Array;
  readonly values: (readonly T[])[] = [];
  readonly tags: Int32Array;
  /** Node of the last successful `match`. */
  matchedNode = -1;

  constructor(root: Map<unknown, Node<T, unknown>>) {
    const byKey = (a: [unknown, unknown], b: [unknown, unknown]) => (a[0] as number) - (b[0] as number);
    const nodes: Node<T, unknown>[] = [];
    let maxFirst = -1;
    for (const [k, node] of root) {
      nodes.push(node);
      maxFirst = Math.max(maxFirst, k as number);
    }
    const index = new Map<Node<T, unknown>, number>();
    for (let n = 0; n < nodes.length; n++) {
      index.set(nodes[n]!, n);
      for (const [, kid] of [...(nodes[n]!.next ?? [])].sort(byKey)) nodes.push(kid);
    }
    this.first = new Int32Array(maxFirst + 1);
    for (const [k, node] of root) this.first[k as number] = index.get(node)! + 1;
    this.childStart = new Int32Array(nodes.length + 1);
    this.ends = new Uint8Array(nodes.length);
    this.tags = new Int32Array(nodes.length);
    const keys: number[] = [];
    const kids: number[] = [];
    for (let n = 0; n < nodes.length; n++) {
      const node = nodes[n]!;
      this.childStart[n] = keys.length;
      this.ends[n] = node.values.length ? 1 : 0;
      this.tags[n] = node.tag;
      this.values.push(node.values);
      for (const [k, kid] of [...(node.next ?? [])].sort(byKey)) {
        keys.push(k as number);
        kids.push(index.get(kid)!);
      }
    }
    this.childStart[nodes.length] = keys.length;
    this.childKey = Int32Array.from(keys);
    this.childNode = Int32Array.from(kids);
  }

  /** As TokenTrie.match; the matched node is left in `matchedNode`. */
  match(words: ArrayLike<number>, at: number, limit: number): number {
    const { first, childStart, childKey, childNode, ends } = this;
    const w0 = words[at]!;
    let node = w0 < first.length ? first[w0]! - 1 : -1;
    let best = 0;
    let i = at;
    while (node >= 0) {
      i++;
      if (ends[node]) {
        best = i - at;
        this.matchedNode = node;
      }
      let lo = childStart[node]!;
      let hi = childStart[node + 1]!;
      if (i >= limit || lo === hi) break;
      const w = words[i]!;
      node = -1;
      // Halve the sorted keys down to a short run, then scan it.
      while (hi - lo > SCAN_MAX) {
        const mid = (lo + hi) >> 1;
        if (childKey[mid]! <= w) lo = mid;
        else hi = mid;
      }
      for (let k = lo; k < hi; k++) {
        if (childKey[k] === w) {
          node = childNode[k]!;
          break;
        }
      }
    }
    return best;
  }
}
