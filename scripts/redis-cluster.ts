/**
 * A throwaway Redis Cluster on loopback: three masters, no replicas, no persistence, in a temp folder.
 * Used by the cluster test; `npx tsx scripts/redis-cluster.ts` starts one, prints its
 * REDIS_CLUSTER_NODES and stops it on Ctrl-C.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { ClusterNodeAddress } from "../src/redis.js";

export interface LocalCluster {
  nodes: ClusterNodeAddress[];
  /** The value of REDIS_CLUSTER_NODES for this cluster. */
  env: string;
  dir: string;
  stop(): Promise<void>;
}

/** Whether redis-server and redis-cli (for `--cluster create`) are on the PATH. */
export function hasClusterTools(): boolean {
  return ["redis-server", "redis-cli"].every(
    (bin) => spawnSync(bin, ["--version"], { stdio: "ignore" }).status === 0,
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const canListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createServer();
    s.once("error", () => resolve(false));
    s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
  });

/** A port free on loopback whose cluster bus port (port + 10000) is free too. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = 20_000 + Math.floor(Math.random() * 25_000);
    if (taken.has(port) || taken.has(port + 10_000)) continue;
    if ((await canListen(port)) && (await canListen(port + 10_000))) return port;
  }
  throw new Error("no free port pair for a cluster node");
}

async function clusterInfo(port: number): Promise<string> {
  const c = new Redis(port, "127.0.0.1", {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: 1000,
  });
  c.on("error", () => {});
  try {
    await c.connect();
    return String(await c.call("CLUSTER", "INFO"));
  } catch {
    return "";
  } finally {
    c.disconnect();
  }
}

async function waitFor(what: string, ok: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`redis cluster: ${what} within ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Starts `masters` redis-servers in cluster mode on free loopback ports, joins them with
 * `redis-cli --cluster create` and waits until every node says `cluster_state:ok`.
 */
export async function startRedisCluster(masters = 3): Promise<LocalCluster> {
  const dir = mkdtempSync(join(tmpdir(), "mr-cluster-"));
  const taken = new Set<number>();
  const ports: number[] = [];
  for (let i = 0; i < masters; i++) {
    const p = await freeClusterPort(taken);
    taken.add(p).add(p + 10_000);
    ports.push(p);
  }
  const children: ChildProcess[] = ports.map((port) =>
    spawn(
      "redis-server",
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--cluster-enabled",
        "yes",
        "--cluster-config-file",
        join(dir, `nodes-${port}.conf`),
        "--dir",
        dir,
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
        "--logfile",
        join(dir, `redis-${port}.log`),
      ],
      { stdio: "ignore" },
    ),
  );
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            const hard = setTimeout(() => c.kill("SIGKILL"), 3000);
            c.once("exit", () => {
              clearTimeout(hard);
              resolve();
            });
            c.kill("SIGTERM");
          }),
      ),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      "nodes did not start",
      async () => (await Promise.all(ports.map(clusterInfo))).every(Boolean),
      10_000,
    );
    const create = spawnSync(
      "redis-cli",
      [
        "--cluster",
        "create",
        ...ports.map((p) => `127.0.0.1:${p}`),
        "--cluster-replicas",
        "0",
        "--cluster-yes",
      ],
      { encoding: "utf8", timeout: 20_000 },
    );
    if (create.status !== 0)
      throw new Error(`redis-cli --cluster create failed: ${create.stderr || create.stdout}`.slice(0, 2000));
    await waitFor(
      "cluster_state:ok not reached",
      async () => (await Promise.all(ports.map(clusterInfo))).every((i) => i.includes("cluster_state:ok")),
      20_000,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  const nodes = ports.map((port) => ({ host: "127.0.0.1", port }));
  return { nodes, env: nodes.map((n) => `${n.host}:${n.port}`).join(","), dir, stop };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cluster = await startRedisCluster();
  process.stdout.write(`REDIS_CLUSTER_NODES=${cluster.env}\n(Ctrl-C stops it)\n`);
  const bye = () => void cluster.stop().then(() => process.exit(0));
  process.on("SIGINT", bye);
  process.on("SIGTERM", bye);
}
