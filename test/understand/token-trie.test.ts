import { describe, expect, it } from "vitest";
import { withinOne } from "../../src/understand/mentions.js";
import { TokenTrie } from "../../src/understand/token-trie.js";
import { tokenize } from "../../src/understand/tokens.js";

describe("TokenTrie", () => {
  it("should return the longest pattern at a position", () => {
    const t = new TokenTrie<string>();
    t.add(["bayern"], "short");
    t.add(["bayern", "monaco"], "long");
    expect(t.longest(["il", "bayern", "monaco"], 1)?.values).toEqual(["long"]);
    expect(t.longest(["bayern", "x"], 0)?.length).toBe(1);
    expect(t.longest(["x"], 0)).toBeUndefined();
  });
});

describe("tokenize", () => {
  it("should fold accents, split hyphens and apostrophes, and number sentences", () => {
    const t = tokenize(["Füllkrug all'Inter. Kim Min-Jae resta!\n\nNuovo paragrafo"]);
    expect(t.map((x) => x.norm)).toEqual([
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
    expect(t.map((x) => x.sent)).toEqual([0, 0, 0, 1, 1, 1, 1, 2, 2]);
    expect(t[7]!.para).toBe(1);
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
