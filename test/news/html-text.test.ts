import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "../../src/news/html-text.js";

describe("htmlToText", () => {
  it("should strip tags, keeping words around inline tags together and blocks apart", () => {
    expect(htmlToText("<p>Bar<b>ça</b> e <a href='x'>Inter</a></p><p>Secondo</p>")).toBe(
      "Barça e Inter Secondo",
    );
  });

  it("should drop scripts, styles and comments with their content", () => {
    expect(htmlToText("a<script>var x = '<p>';</script>b<style>p{}</style><!-- c -->d")).toBe("a b d");
  });

  it("should decode entities once and collapse whitespace", () => {
    expect(htmlToText("  Perch&eacute;&nbsp;&egrave;\n\t&#8220;gi&#xE0;&#8221; &amp;lt; ")).toBe(
      "Perché è “già” &lt;",
    );
  });

  it("should strip HTML that was escaped twice", () => {
    expect(htmlToText("&lt;p&gt;Margaglio esclusivo&lt;/p&gt;")).toBe("Margaglio esclusivo");
  });

  it("should leave plain text alone", () => {
    expect(htmlToText("Lukaku 3 < 4 > 2, Q&A")).toBe("Lukaku 3 < 4 > 2, Q&A");
  });
});

describe("decodeEntities", () => {
  it("should keep unknown names as written and replace invalid code points", () => {
    expect(decodeEntities("&hearts; &#0; &#xD800; &Ugrave;")).toBe("&hearts; \uFFFD \uFFFD Ù");
  });
});
