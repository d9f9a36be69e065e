import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromMeta, decodeHtml } from "../../src/news/html-charset.js";

const ITALIAN = "Perché è già là: più “così” – 5€";
const html = (head: string) =>
  `<!doctype html><html><head>${head}<title>x</title></head><body><p>${ITALIAN}</p></body></html>`;

describe("decodeHtml", () => {
  it("should read a latin-1 page by its <meta charset>", () => {
    const bytes = iconv.encode(html('<meta charset="iso-8859-1">'), "windows-1252");
    const d = decodeHtml(bytes, "text/html");
    expect(d.html).toContain(ITALIAN);
    expect(d).toMatchObject({ charset: "windows-1252", origin: "meta" });
  });

  it("should read the charset of a <meta http-equiv> Content-Type", () => {
    const bytes = iconv.encode(
      html('<meta http-equiv="Content-Type" content="text/html;charset=windows-1252">'),
      "windows-1252",
    );
    expect(decodeHtml(bytes, null)).toMatchObject({ charset: "windows-1252", origin: "meta" });
  });

  it("should let the HTTP header win over the page, as browsers do", () => {
    const bytes = iconv.encode(html('<meta charset="utf-8">'), "windows-1252");
    const d = decodeHtml(bytes, "text/html; charset=ISO-8859-1");
    expect(d.html).toContain(ITALIAN);
    expect(d.origin).toBe("header");
  });

  it("should let a byte order mark win over everything", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(html('<meta charset="iso-8859-1">')),
    ]);
    const d = decodeHtml(bytes, "text/html; charset=iso-8859-1");
    expect(d.html.startsWith("<!doctype")).toBe(true);
    expect(d.html).toContain(ITALIAN);
    expect(d.origin).toBe("bom");
  });

  it("should read undeclared bytes that are not UTF-8 as windows-1252", () => {
    const d = decodeHtml(iconv.encode(html(""), "windows-1252"), "text/html");
    expect(d.html).toContain(ITALIAN);
    expect(d.origin).toBe("sniffed");
    expect(decodeHtml(Buffer.from(html("")), null).origin).toBe("default");
  });

  it("should not take a commented-out <meta> for the page's charset", () => {
    expect(charsetFromMeta(Buffer.from('<!-- <meta charset="koi8-r"> --><meta charset="utf-8">'))).toBe(
      "utf-8",
    );
  });
});
