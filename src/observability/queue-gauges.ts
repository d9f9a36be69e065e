/**
 * Queue depth and the age of each queue's oldest job, read from Redis when Prometheus scrapes. Every
 * process reads the same queues, so every process reports the same values: aggregate with max().
 */
import type { Queue } from "bullmq";
import { Gauge, type Registry } from "prom-client";
import { bounded } from "../bounded.js";
import type { Redis } from "../redis.js";

/** The states counted; completed is left out (it only grows until BullMQ trims it). */
const STATES = ["waiting", "prioritized", "active", "delayed", "failed"] as const;
/** BullMQ's priority score is priority × 2^32 plus a counter (getPriorityScore.lua). */
const PRIORITY_STEP = 2 ** 32;
/** BullMQ's delayed score is the due time in ms × 2^12 plus a counter (getDelayedScore.lua). */
const DELAYED_STEP = 0x1000;
/** Priorities walked in the prioritized set; deliveries use about 20 (log2 of the audience). */
const MAX_PRIORITY_LEVELS = 64;

interface QueueReading {
  counts: Record<string, number>;
  /** How long the job that has waited longest to run has been due, in seconds; 0 when none waits. */
  oldestAgeSeconds: number;
}

/**
 * The due time of the oldest job that could run now: the tail of the wait list (BullMQ pushes on the left
 * and takes from the right), the head of each priority level (FIFO within a level, so a broadcast that
 * small alerts keep overtaking shows here), and delayed jobs already due (no worker has promoted them:
 * the workers are down or stuck). A job's due time is when it was added plus its delay.
 */
async function oldestDueMs(redis: Redis, q: Queue, now: number): Promise<number | null> {
  const ids = await redis.lrange(q.keys.wait!, -1, -1);
  let min = 0;
  for (let level = 0; level < MAX_PRIORITY_LEVELS; level++) {
    const [id, score] = await redis.zrangebyscore(
      q.keys.prioritized!,
      min,
      "+inf",
      "WITHSCORES",
      "LIMIT",
      0,
      1,
    );
    if (!id || !score) break;
    ids.push(id);
    min = (Math.floor(Number(score) / PRIORITY_STEP) + 1) * PRIORITY_STEP;
  }
  const due: number[] = [];
  for (const id of ids) {
    const [timestamp, delay] = await redis.hmget(q.toKey(id), "timestamp", "delay");
    if (timestamp) due.push(Number(timestamp) + Number(delay ?? 0));
  }
  const [, delayedScore] = await redis.zrange(q.keys.delayed!, 0, 0, "WITHSCORES");
  if (delayedScore) {
    const at = Math.floor(Number(delayedScore) / DELAYED_STEP);
    if (at <= now) due.push(at);
  }
  return due.length ? Math.min(...due) : null;
}

async function readQueue(redis: Redis, q: Queue): Promise<QueueReading> {
  const now = Date.now();
  const [counts, due] = await Promise.all([q.getJobCounts(...STATES), oldestDueMs(redis, q, now)]);
  return { counts, oldestAgeSeconds: due === null ? 0 : Math.max(0, (now - due) / 1000) };
}

/**
 * Registers mercato_queue_jobs{queue,state} and mercato_queue_oldest_job_age_seconds{queue}. One Redis
 * read serves both gauges of a scrape; a read that takes longer than `timeoutMs` (Redis away) leaves
 * both empty for that scrape rather than hanging it.
 */
export function registerQueueGauges(
  registry: Registry,
  redis: Redis,
  queues: () => Queue[],
  timeoutMs = 2000,
): void {
  let reading: Promise<Map<string, QueueReading> | null> | null = null;
  const read = () => {
    reading ??= (async () => {
      const out = new Map<string, QueueReading>();
      const all = Promise.all(queues().map(async (q) => out.set(q.name, await readQueue(redis, q))));
      return (await bounded(all, timeoutMs)) === "done" ? out : null;
    })().finally(() => {
      reading = null;
    });
    return reading;
  };
  new Gauge({
    name: "mercato_queue_jobs",
    help: "Jobs in a queue by state",
    labelNames: ["queue", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, r] of (await read()) ?? [])
        for (const [state, n] of Object.entries(r.counts)) this.set({ queue, state }, n);
    },
  });
  new Gauge({
    name: "mercato_queue_oldest_job_age_seconds",
    help: "How long the oldest job that could run has been due, per queue",
    labelNames: ["queue"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const [queue, r] of (await read()) ?? []) this.set({ queue }, r.oldestAgeSeconds);
    },
  });
}
