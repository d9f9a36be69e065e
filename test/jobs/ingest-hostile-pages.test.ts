import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type IngestDeps, processIngest } from "../../jobs/ingest.js";
import { IngestJobSchema } from "../../src/queues.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";
import { freshKeys, testIngestDeps, testPageReader } from "../helpers/ingest-deps.js";
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
  return testIngestDeps(redis, keys, understander, { pages: testPageReader(redis, freshKeys(keys)) });
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
