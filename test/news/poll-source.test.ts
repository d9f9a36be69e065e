import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FeedHttpStatusError } from "../../src/news/errors.js";
import { type PollSourceDeps, pollSource } from "../../src/news/poll-source.js";
import { createSourceStore } from "../../src/news/source-store.js";
import type { Source } from "../../src/news/sources.js";
import { useTestRedis } from "../helpers/redis.js";
import { rss, rssItem, useFeedServer } from "./feed-server.js";

const { redis, keys } = useTestRedis();
const store = createSourceStore(redis, keys);
const server = await useFeedServer();

/** A source on its own path of the test server, polled every 5 minutes. */
function newSource(): Source {
  const id = `src-${randomUUID().slice(0, 8)}`;
  return { id, name: "Test", url: `${server.origin}/${id}`, intervalSeconds: 300, language: "it" };
}

/** A clock the test moves by hand. */
function clock(start = "2026-07-01T10:00:00Z") {
  let now = new Date(start);
  return { now: () => now, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

function deps(c: ReturnType<typeof clock>): PollSourceDeps {
  return { store, now: c.now, random: () => 0, fetch: { timeoutMs: 2000, allowPrivateAddresses: true } };
}

describe("pollSource", () => {
  it("should flag the first fetch as backfill, then not, and skip parsing on a 304", async () => {
    const source = newSource();
    const c = clock();
    server.handle((req, res) => {
      if (req.headers["if-none-match"] === '"v2"') return res.writeHead(304).end();
      const items = [rssItem("a"), rssItem("b")];
      if (req.headers["if-none-match"] === '"v1"')
        return res.writeHead(200, { etag: '"v2"' }).end(rss(items));
      res.writeHead(200, { etag: '"v1"' }).end(rss(items.slice(0, 1)));
    });

    const first = await pollSource(source, deps(c));
    expect(first).toMatchObject({ status: "ok", backfill: true });
    expect(first.items.map((i) => i.url)).toEqual(["https://www.example.it/news/a"]);

    const second = await pollSource(source, deps(c));
    expect(second).toMatchObject({ status: "ok", backfill: false });
    expect(second.items).toHaveLength(2);

    const third = await pollSource(source, deps(c));
    expect(third).toEqual({ status: "not-modified", items: [], backfill: false });
    expect((await store.getHealth(source.id)).lastOkAt).toBe(c.now().toISOString());
    expect((await store.getHealth(source.id)).items).toBe(2); // the last 200's count, kept by the 304
  });

  it("should give canonical, unique URLs", async () => {
    const source = newSource();
    server.handle((_req, res) =>
      res
        .writeHead(200)
        .end(
          rss([
            "<link>https://www.example.it/x/?utm_source=rss</link><title>x</title>",
            "<link>https://www.example.it/x#top</link><title>x again</title>",
          ]),
        ),
    );
    const result = await pollSource(source, deps(clock()));
    expect(result.items.map((i) => [i.url, i.title])).toEqual([["https://www.example.it/x", "x"]]);
  });

  it("should back off exponentially while failing, skip until then, and reset after a success", async () => {
    const source = newSource();
    const c = clock();
    let up = false;
    server.handle((_req, res) =>
      up ? res.writeHead(200).end(rss([rssItem("a")])) : res.writeHead(503).end(),
    );

    const failed = await pollSource(source, deps(c));
    expect(failed.status).toBe("failed");
    expect(failed.error).toBeInstanceOf(FeedHttpStatusError);
    expect(failed.nextAttemptAt).toBe("2026-07-01T10:10:00.000Z"); // 5 min × 2

    c.advance(5 * 60_000);
    expect(await pollSource(source, deps(c))).toMatchObject({
      status: "skipped-backoff",
      nextAttemptAt: "2026-07-01T10:10:00.000Z",
    });

    c.advance(5 * 60_000);
    const again = await pollSource(source, deps(c));
    expect(again.nextAttemptAt).toBe("2026-07-01T10:30:00.000Z"); // 5 min × 4 from 10:10
    expect(await store.getHealth(source.id)).toMatchObject({
      failuresInRow: 2,
      lastError: { code: "NEWS_FETCH_HTTP_STATUS", message: "Feed answered HTTP 503" },
    });

    c.advance(20 * 60_000);
    up = true;
    expect(await pollSource(source, deps(c))).toMatchObject({ status: "ok", backfill: true });
    expect(await store.getHealth(source.id)).toMatchObject({ failuresInRow: 0, nextAttemptAt: null });

    up = false;
    const afterReset = await pollSource(source, deps(c));
    expect(afterReset.nextAttemptAt).toBe("2026-07-01T10:40:00.000Z"); // back to 5 min × 2
  });

  it("should use the default interval for a source without one", async () => {
    const { intervalSeconds: _, ...source } = newSource();
    server.handle((_req, res) => res.writeHead(500).end());
    const result = await pollSource(source, { ...deps(clock()), defaultIntervalSeconds: 60 });
    expect(result.nextAttemptAt).toBe("2026-07-01T10:02:00.000Z");
  });

  it("should rethrow the caller's abort and record nothing", async () => {
    const source = newSource();
    server.handle(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("shutdown")), 30);
    await expect(pollSource(source, { ...deps(clock()), signal: controller.signal })).rejects.toThrow(
      "shutdown",
    );
    expect((await store.getHealth(source.id)).failuresInRow).toBe(0);
  });
});
