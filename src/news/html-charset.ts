import {
  charsetFromBom,
  charsetFromContentType,
  decodeWith,
  isValidUtf8,
  supportedCharset,
} from "./charset.js";

/** Where the charset of a page was found, in the order it is looked for. */
export type HtmlCharsetOrigin = "bom" | "header" | "meta" | "sniffed" | "default";

/** A page decoded, with the charset used and where it was found. */
export interface DecodedHtml {
  html: string;
  /** The charset used, as iconv-lite names it (lowercase). */
  charset: string;
  origin: HtmlCharsetOrigin;
}

/** How far into the page a `<meta charset>` is looked for (the HTML standard's prescan reads 1024 bytes). */
const PRESCAN_BYTES = 4096;

/**
 * Decodes an HTML page's bytes into a string, the way browsers do (the HTML standard's encoding
 * sniffing): the byte order mark, then the `charset` of the HTTP Content-Type, then a `<meta charset>` or
 * `<meta http-equiv="Content-Type" content="…; charset=…">` near the top, then UTF-8. Unlike feeds
 * (see decodeFeed), the header wins over the document: sites are tested in browsers, which obey the
 * header, so a page whose header lies looks broken to its own editors and gets fixed.
 *
 * When nothing declares a charset and the bytes are not valid UTF-8, they are read as windows-1252:
 * old Italian sites serve undeclared latin-1, and a wrong guess there only costs accents.
 * A UTF-16 `<meta>` is read as UTF-8, as the standard says (an ASCII-readable meta cannot be UTF-16).
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null): DecodedHtml {
  const bom = charsetFromBom(bytes);
  if (bom) return { html: decodeWith(bytes, bom), charset: bom, origin: "bom" };
  const header = supportedCharset(charsetFromContentType(contentType));
  if (header) return { html: decodeWith(bytes, header), charset: header, origin: "header" };
  const meta = supportedCharset(charsetFromMeta(bytes)?.replace(/^utf-?(16|32).*$/i, "utf-8") ?? null);
  if (meta) return { html: decodeWith(bytes, meta), charset: meta, origin: "meta" };
  if (!isValidUtf8(bytes))
    return { html: decodeWith(bytes, "windows-1252"), charset: "windows-1252", origin: "sniffed" };
  return { html: decodeWith(bytes, "utf-8"), charset: "utf-8", origin: "default" };
}

/**
 * The charset a page declares in its first bytes: `<meta charset="…">`, or the charset parameter of a
 * `<meta http-equiv="Content-Type" content="…">`. Comments are skipped so a commented-out meta does not count.
 */
export function charsetFromMeta(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, PRESCAN_BYTES))
    .toString("latin1")
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  for (const [tag] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const direct = /\scharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag)?.[1];
    if (direct) return direct;
    if (!/\shttp-equiv\s*=\s*["']?\s*content-type/i.test(tag)) continue;
    const content = /\scontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
    const declared = charsetFromContentType(content?.[1] ?? content?.[2] ?? null);
    if (declared) return declared;
  }
  return null;
}
