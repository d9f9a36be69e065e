import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRedis, type RedisHandle } from "../../src/redis-server.js";

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/**
 * A redis-server of the test's own on a free loopback port, to stop and start again: an outage must
 * never be played on the shared Redis the other test files use.
 */
export async function privateRedis(): Promise<{
  url: string;
  dataDir: string;
  start(): Promise<RedisHandle>;
}> {
  const url = `redis://127.0.0.1:${await freePort()}`;
  const dataDir = mkdtempSync(join(tmpdir(), "mr-redis-"));
  return { url, dataDir, start: () => ensureRedis(url, { autostart: true, dataDir, persist: false }) };
}
