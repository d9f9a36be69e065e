import { describe, expect, it } from "vitest";
import { withinOne } from "../../src/understand/mentions.js";
import { TokenTrie } from "../../src/understand/token-trie.js";
import { tokenize } from "../../src/understand/tokens.js";
import { foldName } from "../../src/understand/types.js";
import { Vocab } from "../../src/understand/vocab.js";

describe("TokenTrie", () => {
  it("should return the longest pattern at a position", () => {
    const t = new TokenTrie<string>();
    t.add(["bayern"], "short");
    t.add(["bayern", "monaco"], "long");
    expect(t.longest(["il", "bayern", "monaco"], 1)?.values).toEqual(["long"]);
    expect(t.longest(["bayern", "x"], 0)?.length).toBe(1);
    expect(t.longest(["x"], 0)).toBeUndefined();
  });

  it("should match word ids through its flat layout, with many children and patterns added later", () => {
    const t = new TokenTrie<string, number>((values) => values.length);
    // One first word with 40 second words: the flat layout searches them by halving.
    for (let k = 0; k < 40; k++) t.add([7, 100 + 3 * k], `seven-${k}`);
    t.add([7], "seven");
    t.add([7, 139, 5], "long");
    const words = Int32Array.from([1, 7, 139, 5, 7, 101, 7, 217]);
    expect(t.longest(words, 1)).toEqual({ length: 3, values: ["long"] });
    expect(t.matchedTag).toBe(1);
    expect(t.longest(words, 1, 3)).toEqual({ length: 2, values: ["seven-13"] });
    expect(t.longest(words, 4)).toEqual({ length: 1, values: ["seven"] });
    expect(t.longest(words, 6)?.values).toEqual(["seven-39"]);
    expect(t.longest(words, 0)).toBeUndefined();
    expect(t.longest(Int32Array.from([5000]), 0)).toBeUndefined();
    // A pattern added after a match is found by the next one.
    t.add([7, 101], "again");
    expect(t.longest(words, 4)).toEqual({ length: 2, values: ["again"] });
    expect(t.matchedTag).toBe(1);
  });
});

describe("tokenize", () => {
  it("should fold accents, split hyphens and apostrophes, and number sentences", () => {
    const t = tokenize(["Füllkrug all'Inter. Kim Min-Jae resta!\n\nNuovo paragrafo"]);
    const all = Array.from(t.ids, (_, i) => i).slice(0, t.length);
    expect(all.map((i) => t.norm(i))).toEqual([
      "fullkrug",
      "all",
      "inter",
      "kim",
      "min",
      "jae",
      "resta",
      "nuovo",
      "paragrafo",
    ]);
    expect(all.map((i) => t.sent[i])).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(t.para[7]).toBe(1);
    expect(all.map((i) => t.text(i)).slice(0, 3)).toEqual(["Füllkrug", "all", "Inter"]);
  });
});

describe("Vocab", () => {
  it("should give each word the id of its folded form, read straight from the text", () => {
    // Every Latin letter up to U+024F between two ASCII letters: folding on the fly must equal foldName.
    const words: string[] = [];
    for (let c = 0xc0; c < 0x250; c++)
      if (/\p{L}/u.test(String.fromCharCode(c))) words.push(`a${String.fromCharCode(c)}b`);
    words.push("Füllkrug", "FÜLLKRUG", "città", "Ødegaard", "straße", "Łukasz");
    const v = new Vocab();
    const t = tokenize([words.join(" ")], v);
    expect(t.length).toBe(words.length);
    for (let i = 0; i < t.length; i++) {
      expect(t.norm(i)).toBe(foldName(words[i]!));
      expect(v.idOf(foldName(words[i]!))).toBe(t.ids[i]);
    }
    expect(t.ids[words.length - 6]).toBe(t.ids[words.length - 5]);
  });
});

describe("withinOne", () => {
  it("should accept one substitution, insertion, deletion or swap", () => {
    expect(withinOne("zirzkee", "zirkzee")).toBe(true);
    expect(withinOne("zirkze", "zirkzee")).toBe(true);
    expect(withinOne("frattesi", "frattezi")).toBe(true);
    expect(withinOne("frattesi", "fratelli")).toBe(false);
  });
});
