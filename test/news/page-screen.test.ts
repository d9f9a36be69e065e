import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { maxDepth, screenPage } from "../../src/news/page-screen.js";

const pagesDir = new URL("../fixtures/pages/", import.meta.url);
const nested = (n: number) => `<html><body>${"<div>".repeat(n)}<p>x</p>${"</div>".repeat(n)}</body></html>`;

describe("screenPage", () => {
  it("should refuse what is not HTML: empty, plain text, JSON, binary", () => {
    expect(screenPage("")).toMatchObject({ code: "NEWS_FETCH_NOT_HTML", detail: "an empty page" });
    expect(screenPage("Kim Min-Jae al Milan, accordo vicino.")).toMatchObject({
      code: "NEWS_FETCH_NOT_HTML",
      detail: "no HTML markup",
    });
    expect(screenPage('{"title":"Kim al Milan","body":"accordo"}')).toMatchObject({
      code: "NEWS_FETCH_NOT_HTML",
    });
    const binary = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => i % 256));
    expect(screenPage(binary)).toMatchObject({ code: "NEWS_FETCH_NOT_HTML", detail: "binary content" });
  });

  it("should refuse a page nested deeper than the cap, before any parser sees it", () => {
    expect(screenPage(nested(2000))).toMatchObject({ code: "NEWS_FETCH_TOO_DEEP" });
    expect(screenPage(`<html><body>${"<div/>".repeat(2000)}</body></html>`)).toMatchObject({
      code: "NEWS_FETCH_TOO_DEEP",
    });
    expect(screenPage(nested(100))).toBeNull();
  });

  it("should refuse a page larger than the cap", () => {
    expect(screenPage(`<p>${"a".repeat(5000)}</p>`, { maxChars: 1000, maxDepth: 256 })).toMatchObject({
      code: "NEWS_FETCH_TOO_LARGE",
    });
  });

  it("should count depth as a parser builds it: optional end tags, void elements, svg, scripts, comments", () => {
    expect(maxDepth("<div><p>a<p>b<p>c<ul><li>1<li>2</ul></div>")).toBe(2);
    expect(maxDepth("<div><br><img src=x><input></div>")).toBe(1);
    // Sloppy pages leave inline elements open; their container's end tag closes them.
    expect(maxDepth(`<body>${"<div><span><b>x</div>".repeat(1000)}</body>`)).toBe(4);
    expect(maxDepth(`<body>${"</div></span>".repeat(1000)}<div>x</div></body>`)).toBe(2);
    expect(maxDepth('<div><svg><path d="M0"/><circle r="1"/></svg></div>')).toBe(2);
    expect(maxDepth(`<div><script>${"<div>".repeat(50)}</script><!-- ${"<div>".repeat(50)} --></div>`)).toBe(
      1,
    );
  });

  it("should pass every real article page of the fixtures, well under the cap", () => {
    for (const name of readdirSync(pagesDir).filter((f) => f.endsWith(".html"))) {
      const html = readFileSync(new URL(name, pagesDir), "utf8");
      expect(screenPage(html), name).toBeNull();
      expect(maxDepth(html), name).toBeLessThan(60);
    }
  });
});
