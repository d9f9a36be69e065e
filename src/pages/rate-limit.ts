/**
 * A token bucket per client address, in memory: pages are read-only and cheap, but a scraper must not
 * turn them into load on Redis. The map is bounded: past `maxClients` the least recently seen client is
 * forgotten (it starts again with a full bucket, which errs on the side of serving).
 */
export interface RateLimiter {
  /** Takes one token for `client`; returns 0 when allowed, else the seconds until a token is back. */
  take(client: string, nowMs?: number): number;
}

export function createRateLimiter(opts: {
  perMinute: number;
  burst: number;
  maxClients?: number;
}): RateLimiter {
  const perMs = opts.perMinute / 60_000;
  const max = opts.maxClients ?? 10_000;
  const buckets = new Map<string, { tokens: number; atMs: number }>();
  return {
    take(client, nowMs = Date.now()) {
      const b = buckets.get(client) ?? { tokens: opts.burst, atMs: nowMs };
      b.tokens = Math.min(opts.burst, b.tokens + (nowMs - b.atMs) * perMs);
      b.atMs = nowMs;
      // Re-inserted so the map's order is least recently seen first.
      buckets.delete(client);
      buckets.set(client, b);
      if (buckets.size > max) buckets.delete(buckets.keys().next().value as string);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000));
    },
  };
}
