import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type IngestDeps, processIngest } from "../../jobs/ingest.js";
import { silentLogger } from "../../src/log.js";
import { createHostLimiter } from "../../src/news/host-limiter.js";
import { createPageCache } from "../../src/news/page-cache.js";
import { createPageReader } from "../../src/news/page-reader.js";
import { createRobotsStore } from "../../src/news/robots.js";
import { IngestJobSchema } from "../../src/queues.js";
import { createArticleDedupe } from "../../src/rumours/article-dedupe.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createNearDuplicateIndex } from "../../src/rumours/near-duplicates.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";
import { useTestRedis } from "../helpers/redis.js";
import { useFeedServer } from "../news/feed-server.js";

const { redis, keys } = useTestRedis();
const understander = createUnderstander(loadGazetteer());
const server = await useFeedServer();

/** Article pages that once failed the ingest job five times (empty) or froze the process (deep). */
const PAGES: Record<string, { type: string; body: string }> = {
  "/empty": { type: "text/html", body: "" },
  "/plain": { type: "text/html", body: "Solo testo, nessun tag." },
  "/json": { type: "text/html; charset=utf-8", body: '{"ok":true}' },
  "/deep": {
    type: "text/html",
    body: `<html><body>${"<div>".repeat(2000)}<p>Milan</p>${"</div>".repeat(2000)}</body></html>`,
  },
};
server.handle((req, res) => {
  const page = PAGES[new URL(req.url ?? "/", server.origin).pathname];
  if (!page) return res.writeHead(404).end();
  res.writeHead(200, { "content-type": page.type }).end(page.body);
});

/** Real page reader and stores against the loopback server, on keys of their own. */
function deps(): IngestDeps {
  const space = randomUUID().slice(0, 8);
  const k = { ...keys, key: (...p: (string | number)[]) => keys.key(space, ...p) };
  return {
    dedupe: createArticleDedupe(redis, k, { memoryDays: 30 }),
    nearDuplicates: createNearDuplicateIndex(redis, k, { memoryDays: 30 }),
    understander,
    rumours: createRumourStore(redis, k, { memoryDays: 30, tiers: loadSourceTiers() }),
    pages: createPageReader({
      cache: createPageCache(redis, k, { ttlMs: 60_000, failureTtlMs: 60_000 }),
      robots: createRobotsStore(redis, k, { ttlMs: 60_000 }),
      limiter: createHostLimiter(redis, k, { concurrency: 2, minIntervalMs: 0, leaseMs: 10_000 }),
      userAgent: "MercatoRadar/0.1 (+https://example.org/bot)",
      timeoutMs: 2000,
      maxBytes: 1_000_000,
      minIntervalMs: 0,
      allowPrivateAddresses: true,
    }),
    enqueueFanout: async () => {},
    now: () => new Date("2026-01-12T10:00:00Z"),
    log: silentLogger(),
  };
}

// Written for this test: the feed's teaser alone names the player and the clubs.
const job = (path: string) =>
  IngestJobSchema.parse({
    sourceId: "radar",
    outlet: "Radar",
    url: `${server.origin}${path}?id=${randomUUID().slice(0, 6)}`,
    title: "Calciomercato Milan, contatti per Kim Min-Jae",
    description:
      "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae: il difensore sudcoreano piace ai rossoneri.",
    published: "2026-01-12T09:00:00Z",
    categories: ["Calciomercato"],
    backfill: false,
  });

describe("processIngest with pages that cannot be read", () => {
  it.each([
    ["/empty", "NEWS_FETCH_NOT_HTML"],
    ["/plain", "NEWS_FETCH_NOT_HTML"],
    ["/json", "NEWS_FETCH_NOT_HTML"],
    ["/deep", "NEWS_FETCH_TOO_DEEP"],
  ])("should understand the item from its feed text when the page is %s", async (path, code) => {
    const r = await processIngest(job(path), deps());
    expect(r).toMatchObject({ status: "processed", textSource: "feed", pageFallback: code });
    expect(r.events.map((e) => e.player.key)).toEqual(["kim-min-jae"]);
  });
});
