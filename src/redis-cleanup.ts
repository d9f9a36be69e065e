import { masters, type Redis } from "./redis.js";

/**
 * Deletes every key that starts with `prefix`: a replay's or a demo's private namespace. On a Redis
 * Cluster SCAN sees one node's keys, so every master is scanned, and the keys found on a node are
 * deleted there one command each (keys of different slots may share a node; no command crosses slots).
 */
export async function deleteKeysByPrefix(redis: Redis, prefix: string): Promise<number> {
  const pattern = `${prefix.replace(/[*?[\]\\]/g, "\\$&")}*`;
  const nodes = masters(redis);
  const cluster = nodes[0] !== redis;
  let n = 0;
  for (const node of nodes) {
    let cursor = "0";
    do {
      const [next, found] = await node.scan(cursor, "MATCH", pattern, "COUNT", 1000);
      cursor = next;
      if (!found.length) continue;
      if (!cluster) n += await node.unlink(...found);
      else n += (await Promise.all(found.map((k) => node.unlink(k)))).reduce((a, b) => a + b, 0);
    } while (cursor !== "0");
  }
  return n;
}
