import { randomUUID } from "node:crypto";
import type { Keys, Redis } from "../redis.js";

/** A lease to send requests to a host now, or how long to wait before asking again. */
export type HostSlot = { lease: string } | { waitMs: number };

/**
 * Politeness towards the sites whose pages the bot reads, shared by every worker process: at most
 * `concurrency` requests to one host at a time, and at least a minimum interval between the starts of
 * two. A caller that gets `waitMs` should put its job off (not sleep on a worker slot).
 */
export interface HostLimiter {
  /** Takes a lease on `host` when one is free and the interval has passed; `minIntervalMs` overrides the default (a Crawl-delay). */
  acquire(host: string, opts?: { minIntervalMs?: number }): Promise<HostSlot>;
  /** Gives the lease back early; a lease never released expires after `leaseMs`. */
  release(host: string, lease: string): Promise<void>;
}

/** The politeness a HostLimiter enforces per host. */
export interface HostLimiterOptions {
  /** Requests to one host at a time. */
  concurrency: number;
  /** Least time between the starts of two requests to one host. */
  minIntervalMs: number;
  /** A lease left by a crashed worker frees itself after this long: longer than a request may take. */
  leaseMs: number;
}

// KEYS[1] the host's leases (zset: lease → expiry ms), KEYS[2] the earliest next start (ms).
// ARGV: lease id, concurrency, min interval ms, lease ms. Redis's clock, not the workers': processes on
// several machines must agree on "now". Returns {1, 0} with a lease, or {0, wait ms}.
const ACQUIRE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local interval = tonumber(ARGV[3])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, math.max(1, math.min(tonumber(first[2]) - now, math.max(interval, 250)))}
end
local nextStart = tonumber(redis.call('GET', KEYS[2]) or '0')
if nextStart > now then return {0, nextStart - now} end
local expiry = now + tonumber(ARGV[4])
redis.call('ZADD', KEYS[1], expiry, ARGV[1])
redis.call('PEXPIREAT', KEYS[1], expiry)
if interval > 0 then redis.call('SET', KEYS[2], now + interval, 'PX', interval) end
return {1, 0}`;

/**
 * A HostLimiter in Redis: per host, a sorted set of leases with their expiry (a semaphore whose places
 * free themselves when a holder dies) and a key holding when the next request may start. Both keys
 * expire, so hosts no longer read leave nothing behind. When all places are taken the wait is until the
 * first lease expires, capped at the interval (or 250 ms), since leases are usually given back sooner.
 */
export function createHostLimiter(redis: Redis, keys: Keys, opts: HostLimiterOptions): HostLimiter {
  const leases = (host: string) => keys.key("host", host, "leases");
  const next = (host: string) => keys.key("host", host, "next");
  return {
    async acquire(host, o = {}) {
      const lease = randomUUID();
      const interval = Math.max(0, Math.round(o.minIntervalMs ?? opts.minIntervalMs));
      const [ok, wait] = (await redis.eval(
        ACQUIRE,
        2,
        leases(host),
        next(host),
        lease,
        opts.concurrency,
        interval,
        opts.leaseMs,
      )) as [number, number];
      return ok === 1 ? { lease } : { waitMs: Number(wait) };
    },
    async release(host, lease) {
      await redis.zrem(leases(host), lease);
    },
  };
}
