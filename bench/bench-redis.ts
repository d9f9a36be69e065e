import { randomUUID } from "node:crypto";
import { createConfig } from "../src/config.js";
import { createKeys, createRedis, type Keys, type Redis, redisTarget } from "../src/redis.js";
import { deleteKeysByPrefix } from "../src/redis-cleanup.js";
import { ensureRedis } from "../src/redis-server.js";

/**
 * Runs a benchmark on the Redis at REDIS_URL (or a private one), under a key prefix of its own that is
 * deleted afterwards, whatever happens.
 */
export async function withBenchRedis<T>(
  fn: (r: { redis: Redis; keys: Keys; prefix: string }) => Promise<T>,
): Promise<T> {
  const config = createConfig(process.env);
  const server = await ensureRedis(redisTarget(config), {
    autostart: true,
    dataDir: config.DATA_DIR,
    persist: false,
  });
  const redis = createRedis(redisTarget(config));
  const prefix = `{bench-${randomUUID().slice(0, 8)}}`;
  try {
    return await fn({ redis, keys: createKeys(prefix), prefix });
  } finally {
    await deleteKeysByPrefix(redis, prefix);
    redis.disconnect();
    await server.stop();
  }
}

/** Redis's used_memory, in bytes. */
export async function usedMemory(redis: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await redis.info("memory"))?.[1] ?? 0);
}
