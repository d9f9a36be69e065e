import type { Redis } from "../redis.js";

/** The JSON value stored at `key`; null when absent or unreadable (a cache entry is never worth a throw). */
export async function readJson<T>(redis: Redis, key: string): Promise<T | null> {
  const raw = await redis.get(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Stores `value` as JSON at `key`, expiring after `ttlMs`. */
export async function writeJson(redis: Redis, key: string, value: unknown, ttlMs: number): Promise<void> {
  await redis.set(key, JSON.stringify(value), "PX", Math.max(1, Math.round(ttlMs)));
}
