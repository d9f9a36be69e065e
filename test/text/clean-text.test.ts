import { describe, expect, it } from "vitest";
import { subscriptionKey } from "../../src/subscriptions/subscription-key.js";
import { cleanLine, cleanText } from "../../src/text/clean-text.js";
import { playerKey } from "../../src/understand/types.js";

describe("cleanText", () => {
  it("should remove escape codes whole, controls, bidi and zero-width characters", () => {
    expect(cleanText("\u001b[31mRosso\u001b[0m")).toBe("Rosso");
    expect(cleanText("\u001b]0;pwned\u0007Titolo")).toBe("Titolo");
    expect(cleanText("a\u0000b\u0007c\u0085d")).toBe("abcd");
    expect(cleanText("\u202eevil\u202c \u2066x\u2069 \u200e\u200f\u061c")).toBe("evil x ");
    expect(cleanText("Le\u200bao\u200c\u200d\u2060\ufeff")).toBe("Leao");
    expect(cleanText("riga\nsotto\tcolonna")).toBe("riga\nsotto\tcolonna");
  });

  it("should apply NFKC (full-width and ligatures fold)", () => {
    expect(cleanLine("ＬＥＡＯ  ﬁne")).toBe("LEAO fine");
  });
});

describe("subscriptionKey", () => {
  it("should keep today's key for Latin names", () => {
    for (const n of ["Kim Min-Jae", "Rafael Leão", "Škriniar", "Müller ß", "Ødegaard", "Łukasz"])
      expect(subscriptionKey(n)).toBe(playerKey(n));
  });

  it("should keep the letters of other scripts, so names never share an empty key", () => {
    const keys = ["Иван Петров", "李刚", "Ωμέγα", "محمد صلاح", "김민재"].map(subscriptionKey);
    for (const k of keys) expect(k.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(subscriptionKey("Иван Петров")).toBe("иван-петров");
    expect(subscriptionKey("ИВАН  петров")).toBe("иван-петров");
  });

  it("should make a zero-width or bidi character no different from none", () => {
    expect(subscriptionKey("Le\u200bão")).toBe(subscriptionKey("Leão"));
    expect(subscriptionKey("\u202eLeão")).toBe("leao");
  });
});
