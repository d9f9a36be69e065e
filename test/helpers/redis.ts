import { randomUUID } from "node:crypto";
import { afterAll } from "vitest";
import { createKeys, createRedis, type Keys, type Redis } from "../../src/redis.js";
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";

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
    await deleteKeysByPrefix(redis, prefix);
    redis.disconnect();
  });
  return { redis, keys: createKeys(prefix), url, prefix };
}
export { deleteKeysByPrefix as deleteByPrefix } from "../../src/redis-cleanup.js";
