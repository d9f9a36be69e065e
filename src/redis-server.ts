import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { Redis } from "ioredis";
import { connectRedis, describeTarget, type RedisTarget } from "./redis.js";

/** No Redis answers and none can be started here. */
export class RedisUnavailableError extends Error {
  override readonly name = "RedisUnavailableError";
}

export interface EnsureRedisOptions {
  /** Start a private redis-server when none answers (only for a loopback URL). */
  autostart: boolean;
  /** Folder for the private server's files; with `persist` it keeps an append-only file there. */
  dataDir: string;
  persist: boolean;
}

export interface RedisHandle {
  /** True when this process started the server (and stop() will shut it down). */
  started: boolean;
  stop(): Promise<void>;
}

/** A one-shot connection for probing: no retries, a short timeout. */
const PROBE = {
  lazyConnect: true,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
  connectTimeout: 1500,
};

async function answers(url: string): Promise<boolean> {
  const probe = new Redis(url, PROBE);
  probe.on("error", () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

function hasRedisServer(): boolean {
  return spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;
}

/** What a Redis Cluster says is wrong with it, or null when it answers with `cluster_state:ok`. */
async function clusterProblem(target: RedisTarget): Promise<string | null> {
  const probe = connectRedis(target, PROBE);
  probe.on("error", () => {});
  try {
    await probe.connect();
    const info = String(await probe.call("CLUSTER", "INFO"));
    const state = /cluster_state:(\w+)/.exec(info)?.[1];
    return state === "ok" ? null : `cluster_state is ${state ?? "unknown"}`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    probe.disconnect();
  }
}

/**
 * Makes sure a Redis answers at `target`. When none does, the URL is on loopback and redis-server is on
 * the PATH, starts a private one on that port and waits for it. A Redis Cluster (cluster nodes in the
 * target) is only checked, never started: it must answer with `cluster_state:ok`.
 * @throws RedisUnavailableError with what to do, when there is no Redis and none can be started.
 */
export async function ensureRedis(
  target: string | RedisTarget,
  options: EnsureRedisOptions,
): Promise<RedisHandle> {
  const none: RedisHandle = { started: false, stop: async () => {} };
  if (typeof target !== "string" && target.clusterNodes?.length) {
    const problem = await clusterProblem(target);
    if (!problem) return none;
    throw new RedisUnavailableError(
      `The Redis Cluster at ${describeTarget(target)} is not ready (${problem}). Check REDIS_CLUSTER_NODES ` +
        "and `redis-cli -c -h HOST -p PORT cluster info`; a cluster is never started here.",
    );
  }
  const url = typeof target === "string" ? target : target.url;
  if (await answers(url)) return none;
  const u = new URL(url);
  const local = ["127.0.0.1", "localhost", "[::1]"].includes(u.hostname);
  const howTo =
    `No Redis answers at ${u.host}. Start one (\`redis-server --port ${u.port || 6379}\`, ` +
    "`apt-get install redis-server`, or `docker run -p 6379:6379 redis:7`) or set REDIS_URL.";
  if (!options.autostart || !local) throw new RedisUnavailableError(howTo);
  if (!hasRedisServer()) throw new RedisUnavailableError(`${howTo} (redis-server is not on the PATH)`);

  const dir = resolve(options.dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  const args = ["--port", u.port || "6379", "--bind", "127.0.0.1", "--dir", dir, "--save", ""];
  args.push("--appendonly", options.persist ? "yes" : "no");
  const child = spawn("redis-server", args, { stdio: "ignore", detached: false });
  child.unref();
  for (let i = 0; i < 50; i++) {
    if (await answers(url)) {
      return {
        started: true,
        stop: async () => {
          const c = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
          c.on("error", () => {});
          try {
            await c.connect();
            await c.call("SHUTDOWN", options.persist ? "SAVE" : "NOSAVE");
          } catch {
            // SHUTDOWN closes the connection before answering.
          } finally {
            c.disconnect();
          }
        },
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new RedisUnavailableError(`${howTo} (a private redis-server did not start within 5 s)`);
}
