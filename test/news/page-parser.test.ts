import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { extractArticle } from "../../src/news/article-text.js";
import { createPageParser } from "../../src/news/page-parser.js";

const article = readFileSync(new URL("../fixtures/pages/milan-difesa.html", import.meta.url), "utf8");
const nested = (n: number) => `<html><body>${"<div>".repeat(n)}<p>x</p>${"</div>".repeat(n)}</body></html>`;
const parser = createPageParser({ timeoutMs: 1500 });
afterAll(() => parser.close());

/** The longest gap between ticks of a 20 ms interval while `work` runs: what a chat reply would wait. */
async function longestStall(work: Promise<unknown>): Promise<number> {
  let last = Date.now();
  let longest = 0;
  const tick = setInterval(() => {
    longest = Math.max(longest, Date.now() - last);
    last = Date.now();
  }, 20);
  try {
    await work;
  } finally {
    clearInterval(tick);
  }
  return Math.max(longest, Date.now() - last);
}

describe("extractArticle", () => {
  it("should not throw on a page without markup (Readability does, on a document without a root)", () => {
    for (const page of ["", "   ", "Kim Min-Jae al Milan.", '{"a":1}', "\u0000\u0001\u0002"])
      expect(() => extractArticle(page)).not.toThrow();
  });
});

describe("createPageParser", () => {
  it("should read an article page in its worker", async () => {
    const r = await parser.parse(article);
    expect(r.ok && r.article?.body).toMatch(/Kim Min-Jae/);
  });

  it("should terminate a page that takes too long, keeping the event loop free, and read the next one", async () => {
    // 2,000 nested divs: about a minute of Readability. The screen refuses such pages; this proves the
    // second wall, the worker's time limit, for whatever slips past it.
    let outcome: unknown;
    const stall = await longestStall(parser.parse(nested(2000)).then((r) => (outcome = r)));
    expect(outcome).toMatchObject({ ok: false, code: "NEWS_FETCH_PARSE_TIMEOUT" });
    expect(stall).toBeLessThan(500);
    const again = await parser.parse(article);
    expect(again.ok && again.article?.title).toBeTruthy();
  });

  it("should fail a page whose parse runs out of the worker's memory, and not the process", async () => {
    const small = createPageParser({ timeoutMs: 20_000, maxHeapMb: 16 });
    try {
      const huge = `<html><body>${"<p>Kim Min-Jae al Milan</p>".repeat(400_000)}</body></html>`;
      expect(await small.parse(huge)).toMatchObject({ ok: false, code: "NEWS_FETCH_PARSE_FAILED" });
    } finally {
      await small.close();
    }
  }, 30_000);
});
