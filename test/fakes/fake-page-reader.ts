import type { PageArticle } from "../../src/news/article-text.js";
import type { PageRead, PageReader } from "../../src/news/page-reader.js";

/**
 * A PageReader that answers what the test sets: `setNext` for the next reads (in order), else `fallback`.
 * Records every URL asked for in `asked`.
 */
export function createFakePageReader(
  fallback: PageRead = { status: "failed", code: "TEST", detail: "no page", transient: false, cached: false },
) {
  const asked: string[] = [];
  const next: PageRead[] = [];
  const reader: PageReader & { asked: string[]; setNext(...reads: PageRead[]): void } = {
    asked,
    async read(url) {
      asked.push(url);
      return next.shift() ?? fallback;
    },
    setNext: (...reads) => void next.push(...reads),
  };
  return reader;
}

/** A page read with the given article text. */
export function pageRead(article: Partial<PageArticle>): PageRead {
  return {
    status: "read",
    article: { title: "", lead: "", body: "", paywalled: false, ...article },
    finalUrl: "https://example.test/page",
    cached: false,
  };
}
