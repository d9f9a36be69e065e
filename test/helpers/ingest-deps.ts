import { randomUUID } from "node:crypto";
import type { IngestDeps } from "../../jobs/ingest.js";
import { silentLogger } from "../../src/log.js";
import { createHostLimiter } from "../../src/news/host-limiter.js";
import { createPageCache } from "../../src/news/page-cache.js";
import { createPageReader, type PageReaderDeps } from "../../src/news/page-reader.js";
import { createRobotsStore } from "../../src/news/robots.js";
import type { Keys, Redis } from "../../src/redis.js";
import { createArticleDedupe } from "../../src/rumours/article-dedupe.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createNearDuplicateIndex } from "../../src/rumours/near-duplicates.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import type { Understander } from "../../src/understand/types.js";

/** The test file's keys under a space of their own, so each test starts from empty stores. */
export function freshKeys(keys: Keys): Keys {
  const space = randomUUID().slice(0, 8);
  return { ...keys, key: (...p: (string | number)[]) => keys.key(space, ...p) };
}

/** A real page reader for a loopback test server (private addresses allowed, no politeness wait). */
export function testPageReader(redis: Redis, keys: Keys, over: Partial<PageReaderDeps> = {}) {
  return createPageReader({
    cache: createPageCache(redis, keys, { ttlMs: 60_000, failureTtlMs: 60_000 }),
    robots: createRobotsStore(redis, keys, { ttlMs: 60_000 }),
    limiter: createHostLimiter(redis, keys, { concurrency: 2, minIntervalMs: 0, leaseMs: 10_000 }),
    userAgent: "MercatoRadar/0.1 (+https://example.org/bot)",
    timeoutMs: 2000,
    maxBytes: 1_000_000,
    minIntervalMs: 0,
    // The test servers are on 127.0.0.1.
    allowPrivateAddresses: true,
    ...over,
  });
}

/** Real stores for the ingest job, on fresh keys; fanout and the clock as the caller sets them. */
export function testIngestDeps(
  redis: Redis,
  keys: Keys,
  understander: Understander,
  over: Partial<IngestDeps> = {},
): IngestDeps {
  const k = freshKeys(keys);
  return {
    dedupe: createArticleDedupe(redis, k, { memoryDays: 30 }),
    nearDuplicates: createNearDuplicateIndex(redis, k, { memoryDays: 30 }),
    understander,
    rumours: createRumourStore(redis, k, { memoryDays: 30, tiers: loadSourceTiers() }),
    enqueueFanout: async () => {},
    now: () => new Date("2026-01-12T10:00:00Z"),
    log: silentLogger(),
    ...over,
  };
}
