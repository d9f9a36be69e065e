import { createHash } from "node:crypto";
import type { Keys, Redis } from "../redis.js";
import type { PageArticle } from "./article-text.js";
import { readJson, writeJson } from "./redis-json.js";

/** What reading a page gave: its article, or why there is none. */
export type CachedPage =
  | { status: "read"; article: PageArticle; finalUrl: string }
  | { status: "failed"; code: string; detail: string; transient: boolean };

/**
 * Pages already read, by canonical URL, so an item seen in two feeds (or an ingest retried) is fetched
 * once. Holds the extracted text, not the HTML: a few KB per article instead of up to megabytes.
 */
export interface PageCache {
  get(url: string): Promise<CachedPage | null>;
  set(url: string, page: CachedPage): Promise<void>;
}

/** How long entries of a PageCache live. */
export interface PageCacheOptions {
  /** How long a page read stays. */
  ttlMs: number;
  /** How long a failure stays (robots, 404, timeout): short, so a site that recovers is read again. */
  failureTtlMs: number;
}

/** A PageCache under `page:<sha1 of the URL>`, every entry with a TTL. */
export function createPageCache(redis: Redis, keys: Keys, opts: PageCacheOptions): PageCache {
  const key = (url: string) => keys.key("page", createHash("sha1").update(url).digest("hex"));
  return {
    get: (url) => readJson<CachedPage>(redis, key(url)),
    set: (url, page) =>
      writeJson(redis, key(url), page, page.status === "read" ? opts.ttlMs : opts.failureTtlMs),
  };
}
