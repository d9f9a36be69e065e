import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

/** What a reader of the page reads: the headline, the standfirst, the body. Plain text. */
export interface PageArticle {
  title: string;
  /** The standfirst, or the first paragraph when the page marks none; "" when there is neither. */
  lead: string;
  /** The article's paragraphs after the lead, separated by blank lines. */
  body: string;
  /** The page looks like a paywall or registration stub: what it shows is not the article. */
  paywalled: boolean;
}

/**
 * Page furniture whose text must never reach extraction: menus name other players, "related articles"
 * lists name other deals, captions and comment sections name whoever they like. Matched on whole class
 * or id tokens (`cookie-banner`, `related_news`), in English and Italian.
 */
const FURNITURE =
  /(^|[-_\s])(nav|navbar|menu|megamenu|breadcrumbs?|cookies?|consent|gdpr|cmp|banner|newsletter|related|correlati|correlate|leggi-?anche|read-?more|more-?news|most-?read|piu-?letti|popular|trending|comments?|commenti|disqus|social|share|sharing|condividi|tags?|sidebar|widget|adv|ads?|advert|pubblicita|sponsor|outbrain|taboola|caption|didascalia|credits?|gallery|author-?box|footer|site-?header|masthead|topbar|paywall-?banner|subscribe)([-_\s]|$)/i;
/** Elements that are never article text, whatever their class. */
const NEVER_TEXT =
  "script, style, noscript, template, iframe, svg, form, button, nav, aside, footer, figcaption, [role=navigation], [role=complementary], [role=contentinfo], [role=dialog], [role=alertdialog]";
/** The standfirst: "sommario", "occhiello", "catenaccio" in Italian newsrooms. */
const STANDFIRST =
  /(^|[-_\s])(lead|standfirst|sommario|summary|occhiello|catenaccio|abstract|excerpt|subtitle|sottotitolo|subheading|strapline|dek|intro)([-_\s]|$)/i;
const PAYWALL =
  /abbonati per (continuare|leggere)|riservat[oa] agli abbonati|contenuto (riservato|premium)|sei già abbonato|accedi per continuare|subscribe to (continue|read)|subscribers only|already a subscriber|to continue reading/i;
const BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre, dd";
/** The containers that are never removed as furniture, whatever their classes say (`<body class="has-cookie-banner">`). */
const KEEP = new Set(["HTML", "BODY", "MAIN", "ARTICLE"]);

/** The part of the DOM this file uses (the project compiles without the DOM lib; linkedom provides it). */
interface El {
  readonly tagName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): El | null;
  querySelectorAll(selectors: string): Iterable<El>;
  closest(selectors: string): El | null;
  contains(other: El): boolean;
  remove(): void;
}

const clean = (s: string | null | undefined) => (s ?? "").replace(/[\s\u00a0]+/g, " ").trim();

/**
 * Extracts an article page's main text with Mozilla's Readability (the Firefox reader view) on a
 * linkedom DOM. Before Readability sees the page, the furniture Readability may keep is removed: menus,
 * headers and footers, asides, captions, cookie and consent banners, related-article lists, comment
 * sections, share bars. Title and standfirst come out apart from the body.
 *
 * @returns null when the page holds no article Readability can find.
 */
export function extractArticle(html: string): PageArticle | null {
  const document = parseHTML(asDocument(html)).document as unknown as El & { documentElement?: unknown };
  // Readability throws on a document without a root element; such a page holds no article anyway.
  if (!document.documentElement) return null;
  const title = clean(document.querySelector("article h1, main h1, h1")?.textContent);
  for (const el of [...document.querySelectorAll(NEVER_TEXT)]) el.remove();
  const furniture = [...document.querySelectorAll("[class], [id]")].filter(
    (el) => !KEEP.has(el.tagName) && FURNITURE.test(tokensOf(el)),
  );
  // The page's own <header> holds the logo and the menu; an article's <header> holds its h1 and standfirst.
  for (const el of document.querySelectorAll("header")) if (!el.closest("article, main")) furniture.push(el);
  const standfirst = takeStandfirst(document, (el) => furniture.some((f) => f.contains(el)));
  for (const el of furniture) el.remove();

  const parsed = new Readability<El>(document as never, {
    charThreshold: 200,
    serializer: (node) => node as unknown as El,
  }).parse();
  if (!parsed?.content) return null;
  const paragraphs = blocksOf(parsed.content).filter((p) => p !== title && p !== standfirst);
  const headline = title || clean(parsed.title);
  const lead = standfirst || (paragraphs.length > 1 ? paragraphs.shift()! : "");
  const body = paragraphs.join("\n\n");
  return { title: headline, lead, body, paywalled: PAYWALL.test(`${lead}\n${body}`) && body.length < 1500 };
}

/**
 * The page as a whole document: linkedom builds no <html> root for a fragment or for plain text, and
 * makes the first element the root of a page that starts without one.
 */
function asDocument(html: string): string {
  return /<html[\s>]/i.test(html.slice(0, 65_536))
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/** Removes the standfirst (outside the furniture) from the page and returns its text; "" when none. */
function takeStandfirst(document: El, inFurniture: (el: El) => boolean): string {
  for (const el of document.querySelectorAll("p, h2, div, span, strong")) {
    if (!STANDFIRST.test(tokensOf(el)) || inFurniture(el)) continue;
    const text = clean(el.textContent);
    if (text.length < 30 || text.length > 800) continue;
    el.remove();
    return text;
  }
  return "";
}

function tokensOf(el: El): string {
  return `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
}

/** The text of each innermost block (a paragraph, a list item, a subheading), in order. */
function blocksOf(root: El): string[] {
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const texts = blocks.length ? blocks.map((el) => clean(el.textContent)) : [clean(root.textContent)];
  return texts.filter((t) => t.length > 0);
}
