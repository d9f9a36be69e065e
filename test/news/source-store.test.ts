import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createSourceStore } from "../../src/news/source-store.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createSourceStore(redis, keys);
const at = new Date("2026-07-01T10:00:00Z");
const newId = () => `src-${randomUUID().slice(0, 8)}`;

describe("createSourceStore", () => {
  it("should give blank health for a source never polled", async () => {
    const id = newId();
    expect(await store.getHealth(id)).toEqual({
      sourceId: id,
      lastOkAt: null,
      lastErrorAt: null,
      lastError: null,
      failuresInRow: 0,
      nextAttemptAt: null,
      firstFetchedAt: null,
      items: null,
    });
    expect(await store.getValidators(id, "https://e.it/rss")).toEqual({ etag: null, lastModified: null });
  });

  it("should keep validators per URL and forget them when the URL changes", async () => {
    const id = newId();
    await store.recordSuccess(id, {
      url: "https://e.it/rss",
      validators: { etag: '"v1"', lastModified: null },
      at,
    });
    expect(await store.getValidators(id, "https://e.it/rss")).toEqual({ etag: '"v1"', lastModified: null });
    expect(await store.getValidators(id, "https://e.it/new-rss")).toEqual({ etag: null, lastModified: null });
  });

  it("should count failures in a row, set the next attempt, and reset on success", async () => {
    const id = newId();
    const failure = {
      code: "NEWS_FETCH_TIMEOUT",
      message: "timed out",
      at,
      delayMs: (n: number) => n * 1000,
    };
    await store.recordFailure(id, failure);
    const second = await store.recordFailure(id, failure);
    expect(second).toEqual({ failures: 2, nextAttemptAt: new Date("2026-07-01T10:00:02Z") });
    expect(await store.getHealth(id)).toMatchObject({
      failuresInRow: 2,
      lastError: { code: "NEWS_FETCH_TIMEOUT", message: "timed out" },
      lastErrorAt: at.toISOString(),
      nextAttemptAt: "2026-07-01T10:00:02.000Z",
    });

    await store.recordSuccess(id, {
      url: "https://e.it/rss",
      validators: { etag: null, lastModified: null },
      at,
    });
    expect(await store.getHealth(id)).toMatchObject({
      failuresInRow: 0,
      nextAttemptAt: null,
      lastOkAt: at.toISOString(),
      lastError: { code: "NEWS_FETCH_TIMEOUT" },
    });
  });

  it("should mark the first fetch once", async () => {
    const id = newId();
    expect(await store.isFirstFetch(id)).toBe(true);
    expect(await store.markFetched(id, at)).toBe(true);
    expect(await store.markFetched(id, new Date())).toBe(false);
    expect(await store.isFirstFetch(id)).toBe(false);
    expect((await store.getHealth(id)).firstFetchedAt).toBe(at.toISOString());
  });

  it("should list health in the order asked, under source keys with an expiry", async () => {
    const [a, b] = [newId(), newId()];
    await store.recordSuccess(b, {
      url: "https://e.it/b",
      validators: { etag: null, lastModified: null },
      at,
    });
    expect((await store.listHealth([a, b])).map((h) => [h.sourceId, h.lastOkAt])).toEqual([
      [a, null],
      [b, at.toISOString()],
    ]);
    expect(await redis.ttl(keys.key("source", b, "state"))).toBeGreaterThan(0);
  });

  it("should bound a long error message", async () => {
    const id = newId();
    await store.recordFailure(id, { code: "X", message: "e".repeat(10_000), at, delayMs: () => 0 });
    expect((await store.getHealth(id)).lastError?.message).toHaveLength(500);
  });
});
