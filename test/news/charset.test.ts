import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { charsetFromContentType, charsetFromProlog, decodeFeed } from "../../src/news/charset.js";

const bytes = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

describe("decodeFeed", () => {
  it("should read UTF-16 with its BOM", () => {
    const body = iconv.encode('<?xml version="1.0"?><rss>è</rss>', "utf-16le", { addBOM: true });
    expect(decodeFeed(body, null)).toEqual({
      text: '<?xml version="1.0"?><rss>è</rss>',
      charset: "utf-16le",
      origin: "bom",
    });
  });

  it("should fall through an unknown label to the header, then to UTF-8", () => {
    const xml = '<?xml version="1.0" encoding="x-klingon"?><rss>è</rss>';
    expect(decodeFeed(iconv.encode(xml, "latin1"), "text/xml; charset=latin1").text).toContain(
      "<rss>è</rss>",
    );
    expect(decodeFeed(Buffer.from(xml), null)).toMatchObject({ charset: "utf-8", origin: "default" });
  });

  it("should read a prolog claiming UTF-16 on ASCII bytes as UTF-8", () => {
    expect(
      decodeFeed(Buffer.from('<?xml version="1.0" encoding="UTF-16"?><rss>è</rss>'), null),
    ).toMatchObject({
      text: '<?xml version="1.0" encoding="UTF-16"?><rss>è</rss>',
      charset: "utf-8",
    });
  });
});

describe("charsetFromProlog", () => {
  it("should find the encoding in single or double quotes, and nothing outside a prolog", () => {
    expect(charsetFromProlog(bytes("<?xml version='1.0' encoding='windows-1252' ?><rss/>"))).toBe(
      "windows-1252",
    );
    expect(charsetFromProlog(bytes('\n <?xml version="1.0" encoding="ISO-8859-1"?>'))).toBe("ISO-8859-1");
    expect(charsetFromProlog(bytes('<rss encoding="latin1"/>'))).toBeNull();
  });
});

describe("charsetFromContentType", () => {
  it("should read the charset parameter, quoted or not", () => {
    expect(charsetFromContentType('text/xml; charset="ISO-8859-1"')).toBe("ISO-8859-1");
    expect(charsetFromContentType("application/rss+xml;charset=utf-8")).toBe("utf-8");
    expect(charsetFromContentType("application/rss+xml")).toBeNull();
    expect(charsetFromContentType(null)).toBeNull();
  });
});
