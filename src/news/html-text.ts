/**
 * Named HTML entities that turn up in Italian, Spanish and English news feeds. Not the full HTML table
 * (2,000+ names): an unknown name is left as written rather than pulling in a dependency for it.
 */
const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  shy: "",
  laquo: "«",
  raquo: "»",
  lsquo: "‘",
  rsquo: "’",
  sbquo: "‚",
  ldquo: "“",
  rdquo: "”",
  bdquo: "„",
  hellip: "…",
  ndash: "–",
  mdash: "—",
  middot: "·",
  bull: "•",
  deg: "°",
  euro: "€",
  pound: "£",
  copy: "©",
  reg: "®",
  trade: "™",
  times: "×",
  ordm: "º",
  ordf: "ª",
  iexcl: "¡",
  iquest: "¿",
  szlig: "ß",
};
// Accented letters follow one pattern (&egrave; &Eacute; &ntilde; …): build them instead of listing.
const ACCENTS: Record<string, Record<string, string>> = {
  grave: { a: "à", e: "è", i: "ì", o: "ò", u: "ù", A: "À", E: "È", I: "Ì", O: "Ò", U: "Ù" },
  acute: { a: "á", e: "é", i: "í", o: "ó", u: "ú", y: "ý", A: "Á", E: "É", I: "Í", O: "Ó", U: "Ú", Y: "Ý" },
  circ: { a: "â", e: "ê", i: "î", o: "ô", u: "û", A: "Â", E: "Ê", I: "Î", O: "Ô", U: "Û" },
  uml: { a: "ä", e: "ë", i: "ï", o: "ö", u: "ü", y: "ÿ", A: "Ä", E: "Ë", I: "Ï", O: "Ö", U: "Ü" },
  tilde: { a: "ã", n: "ñ", o: "õ", A: "Ã", N: "Ñ", O: "Õ" },
  cedil: { c: "ç", C: "Ç" },
};
for (const [suffix, letters] of Object.entries(ACCENTS)) {
  for (const [letter, char] of Object.entries(letters)) NAMED[`${letter}${suffix}`] = char;
}

/** The character a named HTML entity stands for (`egrave` → "è"), from the table of common ones. */
export function namedEntity(name: string): string | undefined {
  return Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
}

const INLINE_TAG = /<\/?(?:a|abbr|b|em|font|i|mark|small|span|strong|sub|sup|u)\b[^>]*>/gi;

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decodes HTML character references: numeric ones always, named ones from a table of the common ones. */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) => {
    if (name) return namedEntity(name) ?? whole;
    const code = dec ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    // Surrogates, NUL and beyond-Unicode code points would make invalid strings: replace them.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\uFFFD";
    return String.fromCodePoint(code);
  });
}

/**
 * Turns an HTML fragment (a feed's description or content) into one line of plain text: drops scripts,
 * styles and comments with their content, drops inline tags (`Bar<b>ça</b>` stays one word), turns
 * every other tag into a space so paragraphs don't run together, decodes entities and collapses
 * whitespace. Plain text in, the same text out (entities decoded).
 *
 * Feeds that escape their HTML twice (`&amp;lt;p&amp;gt;`, seen in Tuttosport's) decode into markup;
 * that markup gets a second and last pass.
 */
export function htmlToText(html: string): string {
  let text = decodeEntities(stripTags(html));
  if (/<\/?[A-Za-z][^>]*>/.test(text)) text = decodeEntities(stripTags(text));
  return text.replace(/[\s\u00a0]+/g, " ").trim();
}

function stripTags(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(INLINE_TAG, "")
    .replace(/<\/?[A-Za-z][^>]*>/g, " ");
}
