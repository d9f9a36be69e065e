import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createHostLimiter, type HostSlot } from "../../src/news/host-limiter.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const host = () => `${randomUUID().slice(0, 8)}.example.it`;
const lease = (slot: HostSlot) => ("lease" in slot ? slot.lease : null);
const wait = (slot: HostSlot) => ("waitMs" in slot ? slot.waitMs : 0);

describe("createHostLimiter", () => {
  it("should give at most `concurrency` leases on a host at a time, and another host its own", async () => {
    const limiter = createHostLimiter(redis, keys, { concurrency: 2, minIntervalMs: 0, leaseMs: 10_000 });
    const h = host();
    const a = await limiter.acquire(h);
    const b = await limiter.acquire(h);
    const c = await limiter.acquire(h);
    expect(lease(a)).not.toBeNull();
    expect(lease(b)).not.toBeNull();
    expect(wait(c)).toBeGreaterThan(0);
    expect(wait(c)).toBeLessThanOrEqual(250);
    expect(lease(await limiter.acquire(host()))).not.toBeNull();
    await limiter.release(h, lease(a)!);
    expect(lease(await limiter.acquire(h))).not.toBeNull();
  });

  it("should space the starts of two requests to a host by the minimum interval", async () => {
    const limiter = createHostLimiter(redis, keys, { concurrency: 2, minIntervalMs: 400, leaseMs: 10_000 });
    const h = host();
    const first = await limiter.acquire(h);
    await limiter.release(h, lease(first)!);
    const second = await limiter.acquire(h);
    expect(wait(second)).toBeGreaterThan(300);
    expect(wait(second)).toBeLessThanOrEqual(400);
    // A longer interval for one call (a site's Crawl-delay) is honoured too.
    await new Promise((r) => setTimeout(r, wait(second) + 20));
    expect(lease(await limiter.acquire(h, { minIntervalMs: 1000 }))).not.toBeNull();
    expect(wait(await limiter.acquire(h))).toBeGreaterThan(900);
  });

  it("should free the place of a lease never given back once it expires", async () => {
    const limiter = createHostLimiter(redis, keys, { concurrency: 1, minIntervalMs: 0, leaseMs: 150 });
    const h = host();
    expect(lease(await limiter.acquire(h))).not.toBeNull();
    expect(wait(await limiter.acquire(h))).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    expect(lease(await limiter.acquire(h))).not.toBeNull();
  });

  it("should hold across processes: two limiters on one Redis share the places", async () => {
    const opts = { concurrency: 1, minIntervalMs: 0, leaseMs: 10_000 };
    const h = host();
    expect(lease(await createHostLimiter(redis, keys, opts).acquire(h))).not.toBeNull();
    expect(wait(await createHostLimiter(redis, keys, opts).acquire(h))).toBeGreaterThan(0);
  });
});
