import type { Keys, Redis } from "../redis.js";
import type { FeedValidators } from "./fetch-feed.js";

/** What the `sources` CLI command shows for one source. Times are ISO 8601 (UTC). */
export interface SourceHealth {
  sourceId: string;
  lastOkAt: string | null;
  lastErrorAt: string | null;
  /** The latest failure, kept after the source recovers so that flapping shows. */
  lastError: { code: string; message: string } | null;
  /** Failures in a row; 0 after any success (a 304 included). */
  failuresInRow: number;
  /** While in the future, polls skip the source. */
  nextAttemptAt: string | null;
  /** The first successful fetch, whose items were recorded without alerting; null until then. */
  firstFetchedAt: string | null;
  /** Items in the feed at its last 200 (a 304 keeps the count); null until one. */
  items: number | null;
}

/** Per-source state in Redis: HTTP validators, health, backoff and the first-fetch mark. */
export interface SourceStore {
  /** The validators last stored for `url`; none when the source's URL has changed since. */
  getValidators(id: string, url: string): Promise<FeedValidators>;
  getHealth(id: string): Promise<SourceHealth>;
  /** Health of the given sources, in their order; never-polled ones come back blank. */
  listHealth(ids: readonly string[]): Promise<SourceHealth[]>;
  /** A 200 or a 304: stores the validators (and a 200's item count), resets failures and backoff. */
  recordSuccess(
    id: string,
    success: { url: string; validators: FeedValidators; at: Date; items?: number },
  ): Promise<void>;
  /**
   * Counts one more failure and sets the next attempt to `at + delayMs(failures)`.
   * @returns the failures in a row, this one included, and when the source may be tried again.
   */
  recordFailure(
    id: string,
    failure: { code: string; message: string; at: Date; delayMs: (failures: number) => number },
  ): Promise<{ failures: number; nextAttemptAt: Date }>;
  /** True until markFetched has been called for the source. */
  isFirstFetch(id: string): Promise<boolean>;
  /** Records the first successful fetch; returns true when this call was the first. Idempotent. */
  markFetched(id: string, at: Date): Promise<boolean>;
}

/**
 * A source's state lives in one small hash of fixed fields; it expires after this long without a
 * write, so a source removed from the sources file leaves nothing behind. Polls write at least every
 * 6 h (the longest backoff), so a live source never expires.
 */
const STATE_TTL_SECONDS = 30 * 24 * 60 * 60;
const MAX_MESSAGE = 500;

/** Creates the Redis-backed {@link SourceStore}; every key is `keys.key("source", id, "state")`. */
export function createSourceStore(redis: Redis, keys: Keys): SourceStore {
  const key = (id: string) => keys.key("source", id, "state");

  async function getHealth(id: string): Promise<SourceHealth> {
    return toHealth(id, await redis.hgetall(key(id)));
  }

  return {
    async getValidators(id, url) {
      const [storedUrl, etag, lastModified] = await redis.hmget(key(id), "url", "etag", "lastModified");
      return storedUrl === url
        ? { etag: etag ?? null, lastModified: lastModified ?? null }
        : { etag: null, lastModified: null };
    },

    getHealth,

    async listHealth(ids) {
      return Promise.all(ids.map(getHealth));
    },

    async recordSuccess(id, { url, validators, at, items }) {
      const k = key(id);
      const tx = redis
        .multi()
        .hset(k, { url, lastOkAt: at.toISOString(), failures: 0, ...(items === undefined ? {} : { items }) });
      tx.hdel(k, "nextAttemptAt");
      for (const [field, value] of [
        ["etag", validators.etag],
        ["lastModified", validators.lastModified],
      ] as const) {
        if (value) tx.hset(k, field, value);
        else tx.hdel(k, field);
      }
      await tx.expire(k, STATE_TTL_SECONDS).exec();
    },

    async recordFailure(id, { code, message, at, delayMs }) {
      const k = key(id);
      const failures = await redis.hincrby(k, "failures", 1);
      const nextAttemptAt = new Date(at.getTime() + delayMs(failures));
      await redis
        .multi()
        .hset(k, {
          lastErrorAt: at.toISOString(),
          lastErrorCode: code.slice(0, 100),
          lastErrorMessage: message.slice(0, MAX_MESSAGE),
          nextAttemptAt: nextAttemptAt.toISOString(),
        })
        .expire(k, STATE_TTL_SECONDS)
        .exec();
      return { failures, nextAttemptAt };
    },

    async isFirstFetch(id) {
      return (await redis.hexists(key(id), "firstFetchedAt")) === 0;
    },

    async markFetched(id, at) {
      return (await redis.hsetnx(key(id), "firstFetchedAt", at.toISOString())) === 1;
    },
  };
}

function toHealth(sourceId: string, h: Record<string, string>): SourceHealth {
  return {
    sourceId,
    lastOkAt: h.lastOkAt ?? null,
    lastErrorAt: h.lastErrorAt ?? null,
    lastError: h.lastErrorCode ? { code: h.lastErrorCode, message: h.lastErrorMessage ?? "" } : null,
    failuresInRow: Number(h.failures ?? 0),
    nextAttemptAt: h.nextAttemptAt ?? null,
    firstFetchedAt: h.firstFetchedAt ?? null,
    items: h.items === undefined ? null : Number(h.items),
  };
}
