/**
 * The cheap look at a page before it is parsed: a DOM built from hostile HTML costs memory and time
 * that grow with its size and, in Readability, much faster than linearly with its nesting depth
 * (2,000 nested divs: about a minute). This scan is linear and allocation-free, so a page that would
 * hurt is refused before any parser sees it.
 */

/** Why a page is not worth parsing; the codes are NewsFetchErrorCode values. */
export type PageRefusal = {
  code: "NEWS_FETCH_NOT_HTML" | "NEWS_FETCH_TOO_LARGE" | "NEWS_FETCH_TOO_DEEP";
  detail: string;
};

export interface ScreenLimits {
  /** Characters of HTML a parse may be given. */
  maxChars: number;
  /** Elements open inside one another. Real article pages stay under 60; Readability takes ~0.2 s at 300. */
  maxDepth: number;
}

// PAGE_MAX_BYTES caps what is fetched (3 MB); the worker's heap cap bounds what such a page costs to parse.
export const DEFAULT_SCREEN_LIMITS: ScreenLimits = { maxChars: 3_000_000, maxDepth: 256 };

/** Never closed, so never deeper. */
const VOID = new Set(
  "area base br col embed hr img input link meta param source track wbr basefont bgsound frame keygen".split(
    " ",
  ),
);
/**
 * Elements whose end tag is optional: the parser closes them itself when a sibling opens (`<p>a<p>b`),
 * so counting them would see depth that is not there.
 */
const OPTIONAL_END = new Set(
  "p li dt dd option optgroup tr td th thead tbody tfoot colgroup rb rt rtc rp".split(" "),
);
/** Their content is text up to their end tag, whatever it looks like. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "noembed", "noframes", "plaintext"]);
const NAME = /[A-Za-z][A-Za-z0-9:-]*/y;
/** C0 control characters other than tab, line feed, form feed and carriage return. */
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

/** Null when the page may be parsed, else why not. */
export function screenPage(html: string, limits: ScreenLimits = DEFAULT_SCREEN_LIMITS): PageRefusal | null {
  if (html.length > limits.maxChars)
    return {
      code: "NEWS_FETCH_TOO_LARGE",
      detail: `${html.length} characters of HTML, over ${limits.maxChars}`,
    };
  const head = html.slice(0, 8192);
  if ((head.match(CONTROL)?.length ?? 0) > head.length / 100)
    return { code: "NEWS_FETCH_NOT_HTML", detail: "binary content" };
  if (!/<[A-Za-z!]/.test(html.slice(0, 65_536)))
    return { code: "NEWS_FETCH_NOT_HTML", detail: html.trim() ? "no HTML markup" : "an empty page" };
  const depth = maxDepth(html, limits.maxDepth);
  if (depth > limits.maxDepth)
    return { code: "NEWS_FETCH_TOO_DEEP", detail: `elements nested more than ${limits.maxDepth} deep` };
  return null;
}

/**
 * How deep elements nest, as an HTML parser would build them (roughly: optional end tags are not
 * counted, `/>` closes only inside svg and math, an end tag closes whatever its element left open, an
 * end tag with no open element is ignored). Stops counting once past `stopAbove`, so the open-element
 * stack it searches stays short and the scan linear.
 */
export function maxDepth(html: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const open: string[] = [];
  let max = 0;
  let foreign = 0;
  let i = html.indexOf("<");
  while (i !== -1 && i < html.length - 1) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      if (end === -1) break;
      i = html.indexOf("<", end + 3);
      continue;
    }
    const closing = html[i + 1] === "/";
    NAME.lastIndex = i + (closing ? 2 : 1);
    const name = NAME.exec(html)?.[0].toLowerCase();
    const end = html.indexOf(">", i + 1);
    if (end === -1) break;
    if (!name) {
      i = html.indexOf("<", i + 1);
      continue;
    }
    if (closing) {
      // `<div><span></div>`: the div's end tag closes the span its page forgot.
      const at = open.lastIndexOf(name);
      if (at !== -1) {
        if (open.includes("svg", at) || open.includes("math", at))
          foreign = open.slice(0, at).filter((n) => n === "svg" || n === "math").length;
        open.length = at;
      }
    } else if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}`, "gi");
      close.lastIndex = end + 1;
      if (!close.exec(html)) break;
      i = html.indexOf("<", close.lastIndex);
      continue;
    } else if (
      !VOID.has(name) &&
      !OPTIONAL_END.has(name) &&
      !(html[end - 1] === "/" && (foreign > 0 || name === "svg" || name === "math"))
    ) {
      if (name === "svg" || name === "math") foreign++;
      open.push(name);
      if (open.length > max) max = open.length;
      if (max > stopAbove) return max;
    }
    i = html.indexOf("<", end + 1);
  }
  return max;
}
