import iconv from "iconv-lite";

/**
 * Labels that WHATWG decoders read as windows-1252. Servers and generators say "iso-8859-1" while
 * writing windows-1252 bytes (curly quotes 0x93/0x94, the euro sign 0x80), which latin-1 proper would
 * turn into control characters; browsers decode them as windows-1252 and so do we.
 */
const AS_WINDOWS_1252 = new Set(["iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii"]);

/** Where the charset of a feed was found, in the order it is looked for. */
export type CharsetOrigin = "bom" | "prolog" | "header" | "sniffed" | "default";

export interface DecodedFeed {
  text: string;
  /** The charset used, as iconv-lite names it (lowercase). */
  charset: string;
  origin: CharsetOrigin;
}

/**
 * Decodes a feed's bytes into a string. The charset comes from the byte order mark, then the XML
 * prolog's `encoding`, then the `charset` of the HTTP Content-Type, then UTF-8. The prolog wins over
 * the header (unlike RFC 7303) because feed generators know their bytes better than the web server
 * in front of them, which often adds a blanket `charset=utf-8`. An unknown label falls through to the
 * next place. The BOM is never part of the text. A UTF-16 or UTF-32 header without a BOM is checked
 * against the bytes (see sniffWide).
 * @throws UndecodableError when the header says UTF-16 of bytes that are neither UTF-16 nor UTF-8.
 */
export function decodeFeed(bytes: Uint8Array, contentType: string | null): DecodedFeed {
  const bom = charsetFromBom(bytes);
  if (bom) return decodeAs(bytes, bom, "bom");
  // `<?` in UTF-16 without a BOM (XML 1.0, appendix F): no ASCII prolog or header can be trusted over it.
  const wide = utf16Shape(bytes);
  if (wide) return decodeAs(bytes, wide, "sniffed");
  // A prolog we could read as ASCII cannot be UTF-16 or UTF-32, whatever it says (WHATWG does the same).
  const prolog = supportedCharset(charsetFromProlog(bytes)?.replace(/^utf-?(16|32).*$/i, "utf-8") ?? null);
  if (prolog) return decodeAs(bytes, prolog, "prolog");
  const header = supportedCharset(charsetFromContentType(contentType));
  if (header && /^utf-?(16|32)/i.test(header)) return sniffWide(bytes, header);
  if (header) return decodeAs(bytes, header, "header");
  return decodeAs(bytes, "utf-8", "default");
}

/** The bytes cannot be read as any charset their labels or their shape suggest. */
export class UndecodableError extends Error {
  override readonly name = "UndecodableError";
}

/**
 * A header that says UTF-16 or UTF-32 over bytes without a BOM: servers say it of UTF-8 files. The
 * bytes decide, as XML's autodetection does: `<` beside a zero byte is UTF-16 of that order; else
 * valid UTF-8 is UTF-8.
 * @throws UndecodableError when they are neither.
 */
function sniffWide(bytes: Uint8Array, label: string): DecodedFeed {
  const wide = utf16Shape(bytes);
  if (wide) return decodeAs(bytes, wide, "sniffed");
  if (isValidUtf8(bytes)) return decodeAs(bytes, "utf-8", "sniffed");
  throw new UndecodableError(`labelled ${label}, but neither UTF-16 nor UTF-8`);
}

/** UTF-16 of a document that starts with `<`, told by where the zero byte sits; null otherwise. */
function utf16Shape(b: Uint8Array): string | null {
  if (b[0] === 0x3c && b[1] === 0 && b[2] !== 0) return "utf-16le";
  if (b[0] === 0 && b[1] === 0x3c && b[3] !== 0) return "utf-16be";
  return null;
}

/** True when the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeAs(bytes: Uint8Array, charset: string, origin: CharsetOrigin): DecodedFeed {
  return { text: decodeWith(bytes, charset), charset, origin };
}

/** Decodes `bytes` with `charset` (a name iconv-lite knows), without a leading BOM. */
export function decodeWith(bytes: Uint8Array, charset: string): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  // iconv-lite strips a BOM for the BOM-aware codecs only; a stray U+FEFF would break the XML parser.
  return text.replace(/^\uFEFF/, "");
}

/** The charset a byte order mark announces, or null when there is none. */
export function charsetFromBom(b: Uint8Array): string | null {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return "utf-8";
  if (b[0] === 0xfe && b[1] === 0xff) return "utf-16be";
  if (b[0] === 0xff && b[1] === 0xfe) return "utf-16le";
  return null;
}

/** The `encoding` pseudo-attribute of `<?xml …?>`, read from the first bytes as ASCII. */
export function charsetFromProlog(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString(
    "latin1",
  );
  const prolog = /^\s*<\?xml\s[^>]*?\?>/.exec(head)?.[0];
  return prolog ? (/\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(prolog)?.[1] ?? null) : null;
}

/** The `charset` parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null): string | null {
  return contentType ? (/;\s*charset\s*=\s*"?([A-Za-z0-9._:-]+)"?/i.exec(contentType)?.[1] ?? null) : null;
}

/** The label as iconv-lite knows it, with latin-1 read as windows-1252; null when unknown. */
export function supportedCharset(label: string | null): string | null {
  if (!label) return null;
  const lower = label.trim().toLowerCase();
  const name = AS_WINDOWS_1252.has(lower) ? "windows-1252" : lower;
  return iconv.encodingExists(name) ? name : null;
}
