import { NewsFetchError, NewsFetchErrorCode, PageFetchError } from "./errors.js";
import { fetchPage } from "./fetch-page.js";
import type { HostLimiter } from "./host-limiter.js";
import type { CachedPage, PageCache } from "./page-cache.js";
import { type PageParser, sharedPageParser } from "./page-parser.js";
import { DEFAULT_SCREEN_LIMITS, type ScreenLimits, screenPage } from "./page-screen.js";
import { crawlDelayMs, fetchRobots, type RobotsStore, robotsAllows } from "./robots.js";

/** A page read (from the site or the cache), a page that cannot be read, or a host to come back to later. */
export type PageRead = (CachedPage & { cached: boolean }) | { status: "busy"; waitMs: number };

/** Reads the article behind a feed item, politely. */
export interface PageReader {
  /**
   * The page's article text, from the cache, else from the site when its robots.txt allows and the host
   * has a free place. Never throws for the site's failures: they come back as `failed`.
   * @throws the reason of `signal` when the caller aborts.
   */
  read(url: string, signal?: AbortSignal): Promise<PageRead>;
}

/** What createPageReader works with: its Redis-held parts, and the limits of one fetch. */
export interface PageReaderDeps {
  cache: PageCache;
  robots: RobotsStore;
  limiter: HostLimiter;
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  /** Default interval between two requests to one host; a longer Crawl-delay wins (up to a minute). */
  minIntervalMs: number;
  /** Read pages on loopback, private and link-local addresses too (tests, a local demo). */
  allowPrivateAddresses?: boolean;
  /** Where Readability runs: off the main thread, within a time limit. Default: the process's shared one. */
  parser?: PageParser;
  /** Size and depth a page may have to be parsed at all. */
  screen?: ScreenLimits;
}

/** Below this much text a page holds a stub, a gallery or an error page, not an article. */
const MIN_ARTICLE_CHARS = 200;
/** A Crawl-delay beyond this is taken as a minute: an article that waits longer is news no more. */
const MAX_CRAWL_DELAY_MS = 60_000;

/**
 * A PageReader: cache → robots.txt (from Redis, or fetched under the host's lease) → host limiter →
 * fetch → Readability. Successes and failures are both cached, so a page is asked for once per TTL
 * whatever the number of feeds that carry it.
 */
export function createPageReader(deps: PageReaderDeps): PageReader {
  const parser = deps.parser ?? sharedPageParser();
  const screen = deps.screen ?? DEFAULT_SCREEN_LIMITS;
  /** A host's robots.txt: from Redis, else fetched and kept. */
  const robotsOf = async (origin: string, signal?: AbortSignal) => {
    let robots = await deps.robots.get(origin);
    if (!robots) {
      robots = await fetchRobots(origin, {
        userAgent: deps.userAgent,
        timeoutMs: deps.timeoutMs,
        signal,
        allowPrivateAddresses: deps.allowPrivateAddresses,
      });
      await deps.robots.set(origin, robots);
    }
    return robots;
  };

  /**
   * The site's part, under the host's lease: the page, each URL of its redirect chain checked against
   * its own host's robots.txt (fetched when not known yet) before it is requested.
   */
  const download = async (
    url: string,
    signal?: AbortSignal,
  ): Promise<CachedPage | { html: string; finalUrl: string }> => {
    const checkUrl = async (hop: string) => {
      const robots = await robotsOf(new URL(hop).origin, signal);
      if (!robotsAllows(robots, hop, deps.userAgent)) {
        const why = robots.kind === "disallow-all" ? robots.why : "";
        throw new PageFetchError(hop, NewsFetchErrorCode.RobotsDisallowed, robotsDetail(why), {
          transient: !!why,
        });
      }
    };
    try {
      const page = await fetchPage(url, {
        userAgent: deps.userAgent,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxBytes,
        allowPrivateAddresses: deps.allowPrivateAddresses,
        checkUrl,
        signal,
      });
      return { html: page.html, finalUrl: page.finalUrl };
    } catch (err) {
      if (!(err instanceof NewsFetchError)) throw err;
      return { status: "failed", code: err.code, detail: err.message, transient: err.transient };
    }
  };

  return {
    async read(url, signal) {
      const hit = await deps.cache.get(url);
      if (hit) return { ...hit, cached: true };
      const { origin, host } = new URL(url);
      const known = await deps.robots.get(origin);
      let page: CachedPage;
      if (known && !robotsAllows(known, url, deps.userAgent)) page = disallowed("");
      else {
        const delay = known ? (crawlDelayMs(known, origin, deps.userAgent) ?? 0) : 0;
        const slot = await deps.limiter.acquire(host, {
          minIntervalMs: Math.max(deps.minIntervalMs, Math.min(delay, MAX_CRAWL_DELAY_MS)),
        });
        if ("waitMs" in slot) return { status: "busy", waitMs: slot.waitMs };
        let got: Awaited<ReturnType<typeof download>>;
        try {
          got = await download(url, signal);
        } finally {
          await deps.limiter.release(host, slot.lease);
        }
        page = "html" in got ? await toArticle(got.html, got.finalUrl, parser, screen) : got;
      }
      await deps.cache.set(url, page);
      return { ...page, cached: false };
    },
  };
}

function robotsDetail(why: string): string {
  return `robots.txt ${why ? `unreachable (${why})` : "disallows it"}`;
}

function disallowed(why: string): CachedPage {
  const detail = `Page not read: ${robotsDetail(why)}`;
  return { status: "failed", code: NewsFetchErrorCode.RobotsDisallowed, detail, transient: !!why };
}

/**
 * Readability's part, after the lease is given back: parsing a page costs CPU, not the site's time.
 * Hostile or broken pages (empty, not HTML, too big, too deep, too slow) are failures like any other,
 * so the item is understood from its feed text.
 */
async function toArticle(
  html: string,
  finalUrl: string,
  parser: PageParser,
  screen: ScreenLimits,
): Promise<CachedPage> {
  const refusal = screenPage(html, screen);
  if (refusal)
    return {
      status: "failed",
      code: refusal.code,
      detail: `Page not read: ${refusal.detail}`,
      transient: false,
    };
  const parsed = await parser.parse(html);
  if (!parsed.ok)
    return {
      status: "failed",
      code: parsed.code,
      detail: `Page not read: ${parsed.detail}`,
      transient: false,
    };
  const article = parsed.article;
  const chars = article ? article.lead.length + article.body.length : 0;
  if (!article || article.paywalled || chars < MIN_ARTICLE_CHARS) {
    const detail = `Page not read: ${article?.paywalled ? "a paywall stub" : `no article (${chars} chars)`}`;
    return { status: "failed", code: NewsFetchErrorCode.NoArticle, detail, transient: false };
  }
  return { status: "read", article, finalUrl };
}
