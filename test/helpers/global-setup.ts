import { ensureRedis, type RedisHandle } from "../../src/redis-server.js";

let handle: RedisHandle | undefined;

/** Tests run on a real Redis: the one at REDIS_URL, or a private one started for the run. */
export async function setup(): Promise<void> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  process.env.REDIS_URL = url;
  handle = await ensureRedis(url, { autostart: true, dataDir: ".data/test", persist: false });
}

export async function teardown(): Promise<void> {
  await handle?.stop();
}
