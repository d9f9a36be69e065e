import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw, safeHref } from "../../src/pages/html.js";
import { htmlProblems } from "../helpers/html-check.js";

describe("html", () => {
  it("should escape every interpolated string, markup and both quotes", () => {
    const out = html`<p title="${`"a'`}">${"<script>alert(1)</script> & co"}</p>`.value;
    expect(out).toBe('<p title="&quot;a&#39;">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>');
  });

  it("should keep markup made by html or raw, join arrays and print nothing for null and false", () => {
    const items = ["a<", "b"].map((s) => html`<li>${s}</li>`);
    expect(html`<ul>${items}${null}${false}${raw("<hr>")}</ul>`.value).toBe(
      "<ul><li>a&lt;</li><li>b</li><hr></ul>",
    );
  });

  it("should drop controls, bidi overrides and zero-width characters from feed text", () => {
    expect(escapeHtml("Kim\u202e\u200b Min\u0007-Jae")).toBe("Kim Min-Jae");
  });

  it("should only let web links become hrefs", () => {
    expect(safeHref("https://radar.test/a?b=1")).toBe("https://radar.test/a?b=1");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,<b>")).toBeNull();
    expect(safeHref("not a url")).toBeNull();
  });
});

describe("htmlProblems (the tests' well-formedness check)", () => {
  const ok =
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title></head><body><p>a &amp; b</p></body></html>';

  it("should pass a well-formed page and catch what breaks one", () => {
    expect(htmlProblems(ok)).toEqual([]);
    expect(htmlProblems(ok.replace("<p>a", "<p><b>a"))).toContainEqual(expect.stringContaining("closes"));
    expect(htmlProblems(ok.replace("&amp;", "&"))).toContainEqual(expect.stringContaining("bare &"));
    expect(htmlProblems(ok.replace("a &amp;", "<script>x</script>"))).toContain("a <script> tag");
    expect(htmlProblems(ok.replace("<p>", '<p onclick="x">'))).toContainEqual(
      expect.stringContaining("event"),
    );
    expect(htmlProblems(ok.replace("<p>", "<p class=x>"))).toContainEqual(
      expect.stringContaining("unquoted"),
    );
    expect(htmlProblems(ok.replace(' lang="en"', ""))).toContain("no <html lang>");
    expect(htmlProblems(ok.replace(/<meta name="viewport"[^>]*>/, ""))).toContain("no viewport meta");
  });
});
