import {
  type Cue,
  DESTINATION,
  MERCATO_CATEGORY,
  MERCATO_SECTION,
  NEGATIVE,
  NOT_THE_MARKET,
  OFFICIAL_PREFIX,
  ORIGIN,
  OTHER_SPORT_SECTION,
  POSITIVE,
} from "./mercato-cues.js";
import { foldName } from "./types.js";

/** What the gate looks at: the feed item, and the article's text when it was read. */
export interface GateInput {
  title: string;
  description: string;
  url: string;
  categories: string[];
  /** The article body (a page read, an article file); weighs less than the title and teaser. */
  text?: string;
}

/** The gate's answer and its reasons, for logs and for tuning. */
export interface GateVerdict {
  mercato: boolean;
  /** Why, in the order weighed: `section:/calciomercato/`, `cue:rinnovo`, `against:referee`… */
  reasons: string[];
}

/** Score from which the title and teaser make an item transfer news. */
const THRESHOLD = 2;
/** How much of the body is read: the top of an article says what it is about. */
const BODY_CHARS = 2500;
/** Score the body must reach to make transfer news of an item whose title and teaser do not. */
const BODY_THRESHOLD = 4;
/**
 * In the body a cue counts once per occurrence, up to this many: a transfer story names the market in
 * every paragraph, a match report in passing.
 */
const BODY_REPEATS = 3;

/**
 * Is this item transfer news: a transfer, a loan, a renewal, an exit (players and coaches), a rumour of
 * one, or the market as such (a window's review)? Pure: no I/O.
 *
 * Weighs, in this order: the feed's categories and the URL's sections (a newsroom's own filing: a
 * `/calciomercato/` section lets the item through, a `/volley/` one stops it); then the cue words of
 * the title and teaser (see mercato-cues.ts), for and against; then, when the title and teaser are not
 * enough, the top of the body, which must say more to count (a match report mentions the market in
 * passing, a transfer story names it in every paragraph).
 *
 * @example isMercato({ title: "Juventus, rinnovo per Vlahovic", description: "", url, categories: [] })
 *          // { mercato: true, reasons: ["cue:renewal"] }
 */
export function isMercato(input: GateInput): GateVerdict {
  const reasons: string[] = [];
  const filed = filing(input, reasons);
  if (filed !== null) return { mercato: filed, reasons };
  // Without a title (an article file without a headline), the URL's slug is the headline.
  const head = scoreHead(input.title.trim() || slugOf(input.url), input.description, reasons);
  if (head.score >= THRESHOLD && head.positive) return { mercato: true, reasons };
  if (input.text && head.score > -THRESHOLD) {
    const bodyReasons: string[] = [];
    const body = score(input.text.slice(0, BODY_CHARS), bodyReasons, new Set(), 0.5, BODY_REPEATS);
    reasons.push(...bodyReasons.map((r) => `body:${r}`));
    if (body.score + Math.min(head.score, 1) >= BODY_THRESHOLD && body.positive)
      return { mercato: true, reasons };
  }
  return { mercato: false, reasons };
}

/** What the categories and URL sections settle on their own: true, false, or null (undecided). */
function filing(input: GateInput, reasons: string[]): boolean | null {
  const category = input.categories.find((c) => MERCATO_CATEGORY.test(fold(c).replace(NOT_THE_MARKET, " ")));
  if (category !== undefined) {
    reasons.push(`category:${category}`);
    return true;
  }
  for (const section of sections(input.url)) {
    if (MERCATO_SECTION.test(section)) {
      reasons.push(`section:/${section}/`);
      return true;
    }
    if (OTHER_SPORT_SECTION.test(section)) {
      reasons.push(`other-sport:/${section}/`);
      return false;
    }
  }
  return null;
}

/** The last path segment as words ("rinnovo-di-vlahovic-2208584" → "rinnovo di vlahovic"); "" when none. */
function slugOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return "";
  }
  const slug = path.split("/").filter(Boolean).at(-1) ?? "";
  return /[a-z]-[a-z]/i.test(slug)
    ? slug
        .replace(/\.\w+$/, "")
        .replace(/[-_]+/g, " ")
        .replace(/\b\d+\b/g, " ")
        .trim()
    : "";
}

/** The URL's path segments but the last (the slug, which repeats the title), lower case. */
function sections(url: string): string[] {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return [];
  }
  return path.toLowerCase().split("/").filter(Boolean).slice(0, -1);
}

/**
 * The title's cues, then the teaser's other cues, those against at half weight: the title says what the
 * item is about, while a teaser sets the scene and names matches in passing ("…ahead of the World Cup
 * play-off"); a transfer word in either is news.
 */
function scoreHead(title: string, description: string, reasons: string[]): Score {
  const t = score(title, reasons);
  if (OFFICIAL_PREFIX.test(title)) {
    t.score += 1;
    t.positive = true;
    reasons.push("cue:official-headline");
  }
  const d = score(description, [], t.matched, 0.5);
  for (const id of d.matched) reasons.push(`teaser:${id}`);
  return {
    score: t.score + d.score,
    positive: t.positive || d.positive,
    matched: new Set([...t.matched, ...d.matched]),
  };
}

interface Score {
  score: number;
  positive: boolean;
  /** Reason labels of the cues found (`cue:renewal`, `against:referee`). */
  matched: Set<string>;
}

/**
 * The sum of the cues `text` holds, each once and none of `skip`, those against times `against`; pushes
 * each cue's reason.
 */
function score(
  text: string,
  reasons: string[],
  skip: ReadonlySet<string> = new Set(),
  against = 1,
  repeats = 1,
): Score {
  const written = text.replace(/[’‘`´]/g, "'");
  const folded = fold(written).replace(NOT_THE_MARKET, " ");
  let total = 0;
  let positive = false;
  const matched = new Set<string>();
  const weigh = (c: Cue, on: string) => {
    const reason = c.weight > 0 ? `cue:${c.id}` : `against:${c.id}`;
    const found =
      repeats > 1 ? Math.min(repeats, on.match(new RegExp(c.re.source, "g"))?.length ?? 0) : +c.re.test(on);
    if (!found || skip.has(reason)) return;
    total += found * (c.weight > 0 ? c.weight : c.weight * against);
    if (c.weight > 0) positive = true;
    matched.add(reason);
    reasons.push(reason);
  };
  for (const c of POSITIVE) weigh(c, folded);
  weigh(DESTINATION_CUE, written);
  weigh(ORIGIN_CUE, written);
  for (const c of NEGATIVE) weigh(c, folded);
  return { score: total, positive, matched };
}

// Written-case cues: the capital tells a club or a country from a figure of speech.
const DESTINATION_CUE: Cue = { id: "destination", re: DESTINATION, weight: 2 };
const ORIGIN_CUE: Cue = { id: "origin", re: ORIGIN, weight: 1 };

const fold = (s: string) => foldName(s).replace(/[’‘`´]/g, "'");
