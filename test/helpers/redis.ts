import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { createKeys, createRedis, type Keys, type Redis } from "../../src/redis.js";

export interface TestRedis {
  redis: Redis;
  keys: Keys;
  url: string;
  /** Unique per test file, in hash-tag form like the real one. */
  prefix: string;
}

/**
 * One Redis connection and one unique key prefix for a test file; every key under the prefix is
 * deleted and the connection closed after the file's tests.
 */
export function useTestRedis(): TestRedis {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const prefix = `{t-${randomUUID().slice(0, 12)}}`;
  const redis = createRedis(url);
  afterAll(async () => {
    await deleteByPrefix(redis, prefix);
    redis.disconnect();
  });
  return { redis, keys: createKeys(prefix), url, prefix };
}

/** Deletes every key that starts with `prefix` (BullMQ's too, since queues share the prefix). */
export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (found.length) await redis.unlink(...found);
  } while (cursor !== "0");
}
