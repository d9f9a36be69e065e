import type { Redis } from "./redis.js";

/** Deletes every key that starts with `prefix`: a replay's or a demo's private namespace. */
export async function deleteKeysByPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  let cursor = "0";
  let n = 0;
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (found.length) n += await redis.unlink(...found);
  } while (cursor !== "0");
  return n;
}
