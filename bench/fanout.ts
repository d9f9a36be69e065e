/**
 * One alert to 100,000 and to 1,000,000 subscribers through the real fanout and deliver jobs, with an
 * instant transport (every send accepted at once, counted per chat). Measures:
 * - the time from the fanout job's start until every delivery is queued, against a bare BullMQ addBulk of
 *   the same number of one-chat jobs in the same run (the ratio is what the target reads);
 * - Redis bytes per pending delivery (used_memory after the fanout, before any delivery, over the chats);
 * - the time until every chat got its message, and whether each got exactly one.
 * BENCH_FANOUT_SIZES=20000,100000 runs other sizes. Ends with the one-line summary `npm run bench -- fanout`
 * prints.
 */
import { Queue } from "bullmq";
import { processFanout } from "../jobs/fanout.js";
import { createApp, workerDeps } from "../src/app.js";
import type { ChatAdapter } from "../src/chat/types.js";
import { createConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { createProducers, startWorkers } from "../src/pipeline.js";
import { DeliverQueue } from "../src/queues.js";
import { buildRumourEvent } from "../test/helpers/builders.js";
import { usedMemory, withBenchRedis } from "./bench-redis.js";
import type { Bench, BenchRow } from "./types.js";

const SIZES = (process.env.BENCH_FANOUT_SIZES ?? "100000,1000000").split(",").map(Number);

interface Run {
  n: number;
  queueS: number;
  bulkS: number;
  bytes: number;
  deliverS: number;
  once: boolean;
}

async function run(n: number): Promise<Run> {
  return withBenchRedis(async ({ redis, keys, prefix }) => {
    const config = createConfig({ ...process.env, REDIS_PREFIX: prefix });
    const log = silentLogger();
    const app = createApp(config, log, { sources: [] });
    const event = buildRumourEvent({
      player: { key: "bench-player", name: "Bench Player", club: null, provisional: false },
    });
    event.changes = [{ ...event.changes[0]!, club: "Bench United" }];
    // The watchers, written straight into the set fanout walks (subscribing a million chats one command
    // at a time would take the bench's minutes for nothing it measures).
    const set = keys.key("sub", "player", "bench-player");
    for (let i = 0; i < n; i += 10_000) {
      const ids = Array.from({ length: Math.min(10_000, n - i) }, (_, k) => `console:${100_000_000 + i + k}`);
      await redis.sadd(set, ...ids);
    }
    const producers = createProducers(app.queues);
    const before = await usedMemory(redis);
    const t0 = performance.now();
    await processFanout(event, {
      ...workerDeps(app, []).fanout,
      enqueueDeliveries: producers.enqueueDeliveries,
      log,
    });
    const queueS = (performance.now() - t0) / 1000;
    const bytes = ((await usedMemory(redis)) - before) / n;

    // The same number of one-chat jobs, added in bulk: what fanout is measured against.
    const bare = new Queue(`bench-bulk`, { connection: redis, prefix });
    const t1 = performance.now();
    for (let i = 0; i < n; i += 1000) {
      await bare.addBulk(
        Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
          name: "deliver",
          data: { chat: { platform: "console", id: String(100_000_000 + i + k) } },
        })),
      );
    }
    const bulkS = (performance.now() - t1) / 1000;
    await bare.obliterate({ force: true });
    await bare.close();

    // Delivery through the real deliver worker, to a transport that accepts every send at once.
    const got = new Map<string, number>();
    const instant: ChatAdapter = {
      platform: "console",
      async send(m) {
        got.set(m.chat.id, (got.get(m.chat.id) ?? 0) + 1);
      },
    };
    const t2 = performance.now();
    const workers = startWorkers(app.queues, {
      ...workerDeps(app, [instant]),
      only: [DeliverQueue.console],
      concurrency: { [DeliverQueue.console]: 4 },
    });
    try {
      const deadline = Date.now() + Math.max(120_000, n * 2);
      let last = Date.now();
      while (got.size < n && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        if (Date.now() - last > 30_000) {
          last = Date.now();
          process.stderr.write(`  fanout: ${got.size}/${n} delivered\n`);
        }
      }
      // A little longer, so that a duplicate would show.
      await new Promise((r) => setTimeout(r, 1000));
    } finally {
      await workers.close();
    }
    const deliverS = (performance.now() - t2) / 1000;
    const once = got.size === n && [...got.values()].every((v) => v === 1);
    await app.close();
    return { n, queueS, bulkS, bytes, deliverS: deliverS - 1, once };
  });
}

const bench: Bench = async () => {
  const rows: BenchRow[] = [];
  const runs: Run[] = [];
  for (const n of SIZES) {
    process.stderr.write(`  fanout: ${n.toLocaleString("en-US")} chats…\n`);
    const r = await run(n);
    runs.push(r);
    const N = n.toLocaleString("en-US");
    rows.push(
      {
        name: `fanout, ${N} chats: every delivery queued`,
        value: `${r.queueS.toFixed(2)} s`,
        note: `bare BullMQ addBulk of ${N} one-chat jobs in the same run: ${r.bulkS.toFixed(2)} s; ratio ${(r.queueS / r.bulkS).toFixed(2)}`,
      },
      {
        name: `fanout, ${N} chats: Redis per pending delivery`,
        value: `${Math.round(r.bytes)} bytes`,
        note: "used_memory after the fanout, before any send, over the chats: outbox entries, the alert stored once, push counters, deliver jobs",
      },
      {
        name: `fanout, ${N} chats: every message handed over`,
        value: `${r.deliverS.toFixed(1)} s`,
        note: `instant transport, one worker process (4 jobs at once); each chat exactly once: ${r.once ? "yes" : "no"}`,
      },
    );
  }
  const small = runs.find((r) => r.n === 100_000) ?? runs[0]!;
  const big = runs.find((r) => r.n === 1_000_000) ?? runs.at(-1)!;
  lastSummary = `fanout: ${small.n} chats queued in ${small.queueS.toFixed(2)} s, addBulk ${small.bulkS.toFixed(2)} s, ratio ${(small.queueS / small.bulkS).toFixed(2)}; ${big.n} chats delivered once: ${big.once ? "yes" : "no"}; bytes per pending delivery ${Math.round(Math.max(...runs.map((r) => r.bytes)))}`;
  return rows;
};

let lastSummary = "";
/** The one line `npm run bench -- fanout` ends with (bench/run.ts prints it after the table). */
export const summary = () => lastSummary;

export default bench;
