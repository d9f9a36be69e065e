import { extractArticle } from "./article-text.js";
import { NewsFetchError, NewsFetchErrorCode } from "./errors.js";
import { fetchPage } from "./fetch-page.js";
import type { HostLimiter } from "./host-limiter.js";
import type { CachedPage, PageCache } from "./page-cache.js";
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
  /** The site's part, under the host's lease: robots.txt when not known yet, then the page. */
  const download = async (
    url: string,
    origin: string,
    signal?: AbortSignal,
  ): Promise<CachedPage | { html: string; finalUrl: string }> => {
    let robots = await deps.robots.get(origin);
    if (!robots) {
      robots = await fetchRobots(origin, { userAgent: deps.userAgent, timeoutMs: deps.timeoutMs, signal });
      await deps.robots.set(origin, robots);
    }
    if (!robotsAllows(robots, url, deps.userAgent))
      return disallowed(robots.kind === "disallow-all" ? robots.why : "");
    try {
      const page = await fetchPage(url, {
        userAgent: deps.userAgent,
        timeoutMs: deps.timeoutMs,
        maxBytes: deps.maxBytes,
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
          got = await download(url, origin, signal);
        } finally {
          await deps.limiter.release(host, slot.lease);
        }
        page = "html" in got ? toArticle(got.html, got.finalUrl) : got;
      }
      await deps.cache.set(url, page);
      return { ...page, cached: false };
    },
  };
}

function disallowed(why: string): CachedPage {
  const detail = `Page not read: robots.txt ${why ? `unreachable (${why})` : "disallows it"}`;
  return { status: "failed", code: NewsFetchErrorCode.RobotsDisallowed, detail, transient: !!why };
}

/** Readability's part, after the lease is given back: parsing a page costs CPU, not the site's time. */
function toArticle(html: string, finalUrl: string): CachedPage {
  const article = extractArticle(html);
  const chars = article ? article.lead.length + article.body.length : 0;
  if (!article || article.paywalled || chars < MIN_ARTICLE_CHARS) {
    const detail = `Page not read: ${article?.paywalled ? "a paywall stub" : `no article (${chars} chars)`}`;
    return { status: "failed", code: NewsFetchErrorCode.NoArticle, detail, transient: false };
  }
  return { status: "read", article, finalUrl };
}
