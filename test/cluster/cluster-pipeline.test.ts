/**
 * The bot on a Redis Cluster: three masters on loopback (scripts/redis-cluster.ts), two worker processes
 * each running the ingest, fanout and console-deliver workers with REDIS_CLUSTER_NODES set, articles
 * enqueued through the real producers, and a counting sink as the chat platform. Every alert must
 * arrive once, no job may fail (a CROSSSLOT error would fail it), and every key the bot and BullMQ
 * wrote must sit in the slot of the prefix's hash tag.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article } from "../../scripts/chaos/fanout-round.js";
import { type Sink, startSink } from "../../scripts/chaos/sink.js";
import { hasClusterTools, type LocalCluster, startRedisCluster } from "../../scripts/redis-cluster.js";
import { projectRoot } from "../../src/paths.js";
import { createProducers, createQueues, type Queues } from "../../src/pipeline.js";
import { QueueName } from "../../src/queues.js";
import { createKeys, createRedis, masters, type Redis } from "../../src/redis.js";
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";
import { ensureRedis, RedisUnavailableError } from "../../src/redis-server.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { freePort } from "../helpers/private-redis.js";

const CHATS = 60;
const ARTICLES = 4;
const WORKERS = 2;
const SETTLE_MS = 40_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface WorkerProc {
  child: ChildProcess;
  output: string[];
}

/** One worker process (scripts/chaos/worker.ts, role "all"); resolves once it says "ready". */
function startWorker(env: NodeJS.ProcessEnv): Promise<WorkerProc> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/chaos/worker.ts"], {
      cwd: projectRoot,
      env: { ...env, CHAOS_ROLE: "all" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const output: string[] = [];
    const timer = setTimeout(() => reject(new Error("worker did not start within 30 s")), 30_000);
    child.stderr?.on("data", (d: Buffer) => output.push(d.toString()));
    child.stdout?.on("data", (d: Buffer) => {
      output.push(d.toString());
      if (d.toString().includes("ready")) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`worker exited with ${code}: ${output.join("").slice(-2000)}`));
    });
  });
}

async function stopWorker(w: WorkerProc): Promise<void> {
  const c = w.child;
  if (c.exitCode !== null || c.signalCode !== null) return;
  const gone = new Promise((r) => c.once("exit", r));
  c.kill("SIGKILL");
  await gone;
}

const tools = hasClusterTools();

// CI (.ci/run) sets MR_REQUIRE_CLUSTER_TEST: there a missing redis-server or redis-cli fails, not skips.
it("should find redis-server and redis-cli for the cluster test where CI requires it", () => {
  expect(tools || process.env.MR_REQUIRE_CLUSTER_TEST !== "1", "redis-server and redis-cli on the PATH").toBe(
    true,
  );
});

describe.skipIf(!tools)(
  `the pipeline on a three-master Redis Cluster${tools ? "" : " (skipped: redis-server or redis-cli is not installed)"}`,
  () => {
    const prefix = `{cl-${randomUUID().slice(0, 8)}}`;
    let cluster: LocalCluster | undefined;
    let sink: Sink | undefined;
    let redis: Redis | undefined;
    let queues: Queues | undefined;
    const workers: WorkerProc[] = [];

    beforeAll(async () => {
      cluster = await startRedisCluster(3);
      sink = await startSink();
      redis = createRedis({ url: "redis://127.0.0.1:6379", clusterNodes: cluster.nodes });
      queues = createQueues(redis, prefix);
      const env = {
        ...process.env,
        REDIS_CLUSTER_NODES: cluster.env,
        REDIS_PREFIX: prefix,
        REDIS_AUTOSTART: "false",
        PAGE_FETCH: "false",
        BATCH_WINDOW_MS: "200",
        MAX_PUSHES_PER_HOUR: "100",
        LOG_LEVEL: "warn",
        CHAOS_SINK: sink.url,
      };
      workers.push(...(await Promise.all(Array.from({ length: WORKERS }, () => startWorker(env)))));
    }, 90_000);

    afterAll(async () => {
      await Promise.all(workers.map(stopWorker));
      await queues?.close();
      redis?.disconnect();
      await sink?.close();
      await cluster?.stop();
    }, 30_000);

    it("should check the cluster's state at start and never start a Redis for a cluster", async () => {
      const opts = { autostart: true, dataDir: cluster!.dir, persist: false };
      const url = "redis://127.0.0.1:6379";
      await expect(ensureRedis({ url, clusterNodes: cluster!.nodes }, opts)).resolves.toMatchObject({
        started: false,
      });
      const nobody = { url, clusterNodes: [{ host: "127.0.0.1", port: await freePort() }] };
      await expect(ensureRedis(nobody, opts)).rejects.toThrow(RedisUnavailableError);
    });

    it("should deliver every alert exactly once and keep every key in the prefix's slot", async () => {
      const r = redis!;
      const q = queues!;
      const s = sink!;
      const subs = createSubscriptionStore(r, createKeys(prefix), { maxPerChat: 100 });
      const chats = Array.from({ length: CHATS }, (_, i) => ({ platform: "console" as const, id: `cl${i}` }));
      await Promise.all(chats.map((c) => subs.watch(c, { key: "kim-min-jae", name: "Kim Min-Jae" })));

      // Four articles, each a new club for Kim (one alert per chat each); then a copy of the first under
      // another URL and the second again under its own URL: the same articles, so no alert.
      const producers = createProducers(q);
      const articles = Array.from({ length: ARTICLES }, (_, i) => article(i));
      for (const a of articles) await producers.enqueueIngest([a]);
      await producers.enqueueIngest([
        { ...articles[0]!, url: `${articles[0]!.url}-copy`, outlet: "Copy" },
        articles[1]!,
      ]);

      const watched = [q.ingest, q.fanout, q.deliver.console];
      const idle = async () =>
        (
          await Promise.all(watched.map((x) => x.getJobCounts("waiting", "active", "delayed", "prioritized")))
        ).every((c) => !c.waiting && !c.active && !c.delayed && !c.prioritized);
      const expected = CHATS * ARTICLES;
      const t0 = Date.now();
      while (Date.now() - t0 < SETTLE_MS && !(s.counts.size >= expected && (await idle()))) await sleep(200);
      await sleep(1000); // a late duplicate still counts

      const perChat = new Map<string, number>();
      for (const [k, n] of s.counts) {
        expect(n, `${k} arrived ${n} times`).toBe(1);
        const chat = k.split("\t")[0]!;
        perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
      }
      expect(s.counts.size).toBe(expected);
      expect(perChat.size).toBe(CHATS);
      for (const n of perChat.values()) expect(n).toBe(ARTICLES);
      for (const x of watched) expect(await x.getFailedCount(), `${x.name} failed jobs`).toBe(0);
      const output = workers.flatMap((w) => w.output).join("");
      expect(output).not.toMatch(/CROSSSLOT|job failed|worker error/);

      // Every key of the cluster is the bot's or BullMQ's, under the prefix, in the prefix's one slot.
      const slot = Number(await r.call("CLUSTER", "KEYSLOT", prefix));
      const holders: number[] = [];
      const all: string[] = [];
      for (const node of masters(r)) {
        const found: string[] = [];
        let cursor = "0";
        do {
          const [next, keys] = await node.scan(cursor, "COUNT", 1000);
          cursor = next;
          found.push(...keys);
        } while (cursor !== "0");
        if (found.length) holders.push(node.options.port ?? 0);
        const slots = (await Promise.all(found.map((k) => node.call("CLUSTER", "KEYSLOT", k)))).map(Number);
        for (const [i, k] of found.entries()) expect(slots[i], k).toBe(slot);
        all.push(...found);
      }
      expect(masters(r)).toHaveLength(3);
      expect(holders).toHaveLength(1);
      for (const k of all) expect(k.startsWith(`${prefix}:`), k).toBe(true);
      for (const name of [QueueName.Ingest, QueueName.Fanout, QueueName.DeliverConsole])
        expect(all.some((k) => k.startsWith(`${prefix}:${name}:`))).toBe(true);
      expect(all.some((k) => k.startsWith(`${prefix}:rumour:`))).toBe(true);

      // With the workers gone, deleteKeysByPrefix (SCAN on each master) leaves nothing of the prefix.
      await Promise.all(workers.map(stopWorker));
      expect(await deleteKeysByPrefix(r, prefix)).toBeGreaterThan(0);
      for (const node of masters(r)) expect(await node.dbsize(), `keys left on ${node.options.port}`).toBe(0);
    }, 60_000);
  },
);
