import { describe, expect, it } from "vitest";
import { contentHash, createArticleDedupe } from "../../src/rumours/article-dedupe.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const dedupe = createArticleDedupe(redis, keys, { memoryDays: 30 });

describe("contentHash", () => {
  it("should ignore case, accents, punctuation and spacing", () => {
    expect(contentHash("Kim, c'è l'accordo!", "Il Milan  chiude.")).toBe(
      contentHash("kim c e l accordo", "il milan chiude"),
    );
    expect(contentHash("Kim", "Il Milan chiude")).not.toBe(contentHash("Kim", "Il Milan rinuncia"));
  });
});

describe("createArticleDedupe", () => {
  it("should let an article through once by URL and once by content", async () => {
    const h = contentHash("t", "body one");
    expect(await dedupe.claim("https://a.test/1", h)).toBe("new");
    await dedupe.complete("https://a.test/1", h);
    expect(await dedupe.claim("https://a.test/1", h)).toBe("seen-url");
    expect(await dedupe.claim("https://b.test/copy", h)).toBe("seen-content");
    expect(await dedupe.claim("https://b.test/copy", h)).toBe("seen-url");
    expect(await dedupe.claim("https://a.test/2", contentHash("t", "body two"))).toBe("new");
  });

  it("should let the retry of an attempt that died process the article again, and hold off a copy meanwhile", async () => {
    const h = contentHash("t", "body three");
    expect(await dedupe.claim("https://a.test/3", h)).toBe("new");
    // Killed before complete: the same URL's retry takes its own marker over.
    expect(await dedupe.claim("https://a.test/3", h)).toBe("new");
    expect(await dedupe.claim("https://c.test/copy-3", h)).toBe("busy");
    await dedupe.complete("https://a.test/3", h);
    expect(await dedupe.claim("https://a.test/3", h)).toBe("seen-url");
    expect(await dedupe.claim("https://c.test/copy-3", h)).toBe("seen-content");
  });
});
