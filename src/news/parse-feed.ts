import { DateTime } from "luxon";
import Parser from "rss-parser";
import { FeedNotAFeedError } from "./errors.js";
import { htmlToText, namedEntity } from "./html-text.js";

/** One entry of a feed, in plain text, ready to become an ingest job. */
export interface FeedItem {
  /** RSS `<guid>` or Atom `<id>`, as written; null when the feed gives none. */
  guid: string | null;
  /** Absolute http(s) link to the article, as the feed gives it (not yet canonical). */
  url: string;
  title: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  description: string;
  /** ISO 8601 with the feed's own offset (`2026-09-04T18:28:18+02:00`); null when absent or unreadable. */
  published: string | null;
  categories: string[];
}

// Bounds match IngestJobSchema, so every item fits the ingest contract whatever the feed holds.
const MAX_TITLE = 1000;
const MAX_DESCRIPTION = 20_000;
const MAX_CATEGORIES = 50;
const MAX_CATEGORY = 200;
const MAX_GUID = 2000;
const MAX_URL = 2000;
/** A feed lists its latest entries; past this many the rest are archive we would never alert on. */
export const MAX_FEED_ITEMS = 200;

interface RawItem {
  published?: unknown;
  updated?: unknown;
  rawCategories?: unknown[];
  "content:encoded"?: unknown;
  id?: unknown;
}

// Raw `published`/`updated` keep the Atom offset (rss-parser turns them into UTC); `category` with
// keepArray reads both RSS `<category>text</category>` and Atom `<category term=""/>`.
const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: ["published", "updated", ["category", "rawCategories", { keepArray: true }]] },
});

/**
 * Parses an RSS (0.9x, 1.0, 2.0) or Atom document into items. Relative links resolve against `feedUrl`;
 * items without a usable http(s) link are dropped; at most {@link MAX_FEED_ITEMS} are returned, in feed
 * order. An empty result is not an error here: the caller decides what an empty feed means.
 *
 * @throws FeedNotAFeedError when `xml` is an HTML page, not XML, or XML of another kind.
 */
export async function parseFeed(xml: string, feedUrl: string): Promise<FeedItem[]> {
  // XML entities that expand into entities ("billion laughs") cost memory exponential in the feed's
  // size. No real feed declares any; refuse them before anything parses the document.
  if (declaresEntities(xml))
    throw new FeedNotAFeedError(feedUrl, "the DOCTYPE declares entities (entity expansion is refused)");
  const root = rootElement(xml);
  if (!root) throw new FeedNotAFeedError(feedUrl, "no XML root element");
  if (/^html$/i.test(root)) throw new FeedNotAFeedError(feedUrl, "an HTML page");
  if (!/^(rss|feed|rdf:RDF)$/.test(root)) throw new FeedNotAFeedError(feedUrl, `root element <${root}>`);
  let feed: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    feed = await parser.parseString(repairEntities(xml));
  } catch (err) {
    throw new FeedNotAFeedError(feedUrl, `unreadable XML (${(err as Error).message.split("\n")[0]})`, {
      cause: err,
    });
  }
  const items: FeedItem[] = [];
  for (const raw of feed.items ?? []) {
    const item = toFeedItem(raw, feedUrl, root === "feed");
    if (item) items.push(item);
    if (items.length >= MAX_FEED_ITEMS) break;
  }
  return items;
}

function toFeedItem(raw: Parser.Item & RawItem, feedUrl: string, isAtom: boolean): FeedItem | null {
  const guid = text(raw.guid ?? raw.id).slice(0, MAX_GUID) || null;
  // A guid stands in for a missing link only when it is itself a full URL (RSS isPermaLink).
  const url =
    absoluteUrl(text(raw.link), feedUrl) ??
    (guid && /^https?:\/\//i.test(guid) ? absoluteUrl(guid, feedUrl) : null);
  if (!url) return null;
  // The teaser first, the full content only when there is no teaser. rss-parser puts an RSS
  // <description> in `content` (the full text is `content:encoded`), an Atom <content> in `content`.
  const [teaser, full] = isAtom ? [raw.summary, raw.content] : [raw.content, raw["content:encoded"]];
  const description = htmlToText(text(teaser)) || htmlToText(text(full));
  return {
    guid,
    url,
    title: htmlToText(text(raw.title)).slice(0, MAX_TITLE),
    description: description.slice(0, MAX_DESCRIPTION),
    published: isoDate(text(raw.published ?? raw.pubDate ?? raw.updated ?? (raw as { date?: unknown }).date)),
    categories: categories(raw.rawCategories),
  };
}

/** The name of the document's first element, skipping the prolog, comments, doctype and processing instructions. */
function rootElement(xml: string): string | null {
  const head = xml.slice(0, 4096).replace(/^\uFEFF/, "");
  const stripped = head.replace(
    /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[^\]]*\])?\s*>)*/i,
    "",
  );
  return /^<([A-Za-z_][\w.:-]*)/.exec(stripped)?.[1] ?? null;
}

/** True when a DOCTYPE's internal subset declares an entity (`<!DOCTYPE rss [ <!ENTITY lol "lol"> ]>`). */
function declaresEntities(xml: string): boolean {
  const doctype = /<!DOCTYPE\b/i.exec(xml.slice(0, 65_536));
  if (!doctype) return false;
  const rest = xml.slice(doctype.index, doctype.index + 1_000_000);
  const subset = rest.indexOf("[");
  const end = rest.indexOf(">");
  return subset !== -1 && (end === -1 || subset < end) && /<!ENTITY\b/i.test(rest);
}

/**
 * Feeds in the wild write HTML entities (`&egrave;`, `&nbsp;`) and bare ampersands (`Q&A`), both fatal
 * to an XML parser. Known names become numeric references, unknown ones and bare `&` become `&amp;`
 * (so the text keeps them as written).
 */
function repairEntities(xml: string): string {
  return xml.replace(/&(?!#\d+;|#x[0-9a-fA-F]+;)([A-Za-z][A-Za-z0-9]*;)?/g, (whole, ref?: string) => {
    if (!ref) return "&amp;";
    const name = ref.slice(0, -1);
    if (/^(amp|lt|gt|quot|apos)$/.test(name)) return whole;
    const char = namedEntity(name);
    return char === undefined ? `&amp;${ref}` : `&#${char.codePointAt(0) ?? 65533};`;
  });
}

/** Text of an xml2js value: a string, `{ _: text }`, or anything else as empty. */
function text(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (value && typeof value === "object" && "_" in value && typeof value._ === "string")
    return value._.trim();
  return "";
}

function absoluteUrl(link: string, base: string): string | null {
  if (!link || link.length > MAX_URL) return null;
  try {
    const u = new URL(link, base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}

/** European zone abbreviations that RFC 2822 doesn't define but Italian and British feeds write. */
const ZONES: Record<string, string> = {
  CET: "+0100",
  CEST: "+0200",
  WET: "+0000",
  WEST: "+0100",
  BST: "+0100",
  EET: "+0200",
  EEST: "+0300",
};

/**
 * RFC 822 (RSS) or ISO 8601 (Atom), keeping the written offset (CET/CEST too); a time without offset is
 * taken as UTC; anything else Date can read comes out in UTC; null when unreadable or outside the
 * years 1990 to 2200.
 */
export function isoDate(raw: string): string | null {
  const iso = readDate(raw);
  // Year 10000, year 0: a generator's bug, not a date. As "no date" the item still fits the ingest
  // contract (an ISO date of six-digit year does not), instead of being dropped with a warning per poll.
  return iso && plausible(iso) ? iso : null;
}

/** Dates a news item can carry: from the first web feeds to well beyond any article we will read. */
const YEARS = { min: 1990, max: 2200 };

function plausible(iso: string): boolean {
  const year = /^(\d{4})-/.exec(iso)?.[1];
  return !!year && Number(year) >= YEARS.min && Number(year) <= YEARS.max;
}

function readDate(raw: string): string | null {
  if (!raw) return null;
  const rfc = raw.replace(/\s([A-Z]{3,4})$/, (whole, zone: string) =>
    ZONES[zone] ? ` ${ZONES[zone]}` : whole,
  );
  for (const dt of [
    DateTime.fromRFC2822(rfc, { setZone: true }),
    DateTime.fromISO(raw, { zone: "utc", setZone: true }),
  ]) {
    if (dt.isValid) return dt.toISO({ suppressMilliseconds: true });
  }
  // Other near-misses (a missing weekday comma, single-digit hours): Date reads many of them.
  const ms = Date.parse(raw);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function categories(raw: unknown[] | undefined): string[] {
  const out = new Set<string>();
  for (const c of raw ?? []) {
    const attrs = c && typeof c === "object" && "$" in c ? (c.$ as Record<string, unknown>) : {};
    const name = htmlToText(text(c) || text(attrs.label) || text(attrs.term)).slice(0, MAX_CATEGORY);
    if (name) out.add(name);
    if (out.size >= MAX_CATEGORIES) break;
  }
  return [...out];
}
