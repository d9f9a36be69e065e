/**
 * The queues and their workers, wired the same way for `start`, the demo and the tests.
 * Each processor lives in jobs/; this file only connects them to BullMQ.
 */
import { DelayedError, type Job, Queue, UnrecoverableError, Worker } from "bullmq";
import { type DeliverDeps, processDeliver } from "../jobs/deliver.js";
import { type DigestDeps, processDigest } from "../jobs/digest.js";
import { type DigestTickDeps, processDigestTick } from "../jobs/digest-tick.js";
import { type DeliveryBatch, type FanoutDeps, processFanout } from "../jobs/fanout.js";
import { type IngestDeps, processIngest } from "../jobs/ingest.js";
import { type PollDeps, processPoll } from "../jobs/poll.js";
import { bounded } from "./bounded.js";
import type { ChatAdapter } from "./chat/types.js";
import { JOB_DEFAULTS } from "./job-defaults.js";
import type { Logger } from "./log.js";
import type { Source } from "./news/sources.js";
import type { Metrics } from "./observability/metrics.js";
import {
  type ChatAddress,
  DeliverJobSchema,
  DeliverQueue,
  type Digest,
  type DigestJob,
  DigestJobSchema,
  FanoutJobSchema,
  type IngestJob,
  IngestJobSchema,
  type Platform,
  PollJobSchema,
  QueueName,
  type RumourEvent,
} from "./queues.js";
import { createWorkerRedis, type Redis, type RedisTarget } from "./redis.js";
import { isRedisUnavailable, type RedisErrorLog } from "./redis-outage.js";
import { chatString } from "./subscriptions/chat-address.js";

/** How long an ingest job may wait for its page's host before the item is read from its feed text. */
const MAX_INGEST_WAIT_MS = 10 * 60_000;

export interface Queues {
  poll: Queue;
  ingest: Queue;
  fanout: Queue;
  deliver: Record<Platform, Queue>;
  digestTick: Queue;
  digest: Queue;
  all(): Queue[];
  close(): Promise<void>;
}

/** BullMQ job ids may not contain ':' or be digits only. */
const jobId = (...parts: string[]) =>
  parts
    .join("-")
    .replace(/[^A-Za-z0-9_.-]+/g, "_")
    .slice(0, 250);

export function createQueues(connection: Redis, prefix: string): Queues {
  const make = (name: QueueName) =>
    new Queue(name, { connection, prefix, defaultJobOptions: JOB_DEFAULTS[name] });
  const q = {
    poll: make(QueueName.Poll),
    ingest: make(QueueName.Ingest),
    fanout: make(QueueName.Fanout),
    deliver: {
      console: make(DeliverQueue.console),
      telegram: make(DeliverQueue.telegram),
      discord: make(DeliverQueue.discord),
    },
    digestTick: make(QueueName.DigestTick),
    digest: make(QueueName.Digest),
  };
  const all = () => [q.poll, q.ingest, q.fanout, ...Object.values(q.deliver), q.digestTick, q.digest];
  return {
    ...q,
    all,
    close: async () => {
      await Promise.all(all().map((x) => x.close()));
    },
  };
}

/** Producers: validate against the contract, then add with a deterministic id (idempotent retries). */
export function createProducers(queues: Queues) {
  return {
    async enqueueIngest(jobs: IngestJob[]): Promise<void> {
      if (!jobs.length) return;
      await queues.ingest.addBulk(
        jobs.map((j) => ({
          name: QueueName.Ingest,
          data: IngestJobSchema.parse(j),
          opts: { jobId: jobId("ingest", j.url) },
        })),
      );
    },
    async enqueueFanout(e: RumourEvent): Promise<void> {
      await queues.fanout.add(QueueName.Fanout, FanoutJobSchema.parse(e), { jobId: jobId("fanout", e.id) });
    },
    async enqueueDigestDelivery(chat: ChatAddress, digest: Digest, due: string): Promise<void> {
      const queue = queues.deliver[chat.platform];
      await queue.add(queue.name, DeliverJobSchema.parse({ chat, digest }), {
        jobId: jobId("digest", chatString(chat), due),
      });
    },
    async enqueueDigest(job: DigestJob): Promise<void> {
      await queues.digest.add(QueueName.Digest, DigestJobSchema.parse(job), {
        jobId: jobId("digest", chatString(job.chat), job.due),
      });
    },
    /** One job for many chats of one platform (a fanout chunk), behind smaller audiences' jobs. */
    async enqueueDeliveries(b: DeliveryBatch): Promise<void> {
      const queue = queues.deliver[b.platform];
      await queue.add(queue.name, DeliverJobSchema.parse({ platform: b.platform, chats: b.chatIds }), {
        delay: b.delayMs,
        priority: Math.min(b.priority, 2_097_151),
        jobId: jobId("deliver", b.jobId),
      });
    },
    async enqueueDeliver(chat: ChatAddress, delayMs: number, dedupe?: string): Promise<void> {
      const queue = queues.deliver[chat.platform];
      await queue.add(queue.name, DeliverJobSchema.parse({ chat }), {
        delay: delayMs,
        ...(dedupe ? { jobId: jobId("deliver", dedupe, chatString(chat)) } : {}),
      });
    },
  };
}

/** The id of a source's poll job scheduler. */
export const pollSchedulerId = (sourceId: string) => jobId("poll", sourceId);

/**
 * One job scheduler per source, each with its own interval; schedulers of sources no longer listed are
 * removed. The first poll runs at once. Each scheduler's jobs carry the source itself (why: a worker in
 * another process polls a source added or changed since it started, with no shared list to read on every
 * poll). Upserting a scheduler whose interval is unchanged keeps its next run and swaps only the
 * definition, so calling this again with the same list changes nothing.
 */
export async function scheduleSources(
  queues: Queues,
  sources: Source[],
  defaultIntervalS: number,
): Promise<void> {
  const wanted = new Set<string>();
  for (const s of sources) {
    const id = pollSchedulerId(s.id);
    wanted.add(id);
    await queues.poll.upsertJobScheduler(
      id,
      { every: (s.intervalSeconds ?? defaultIntervalS) * 1000 },
      { name: QueueName.Poll, data: PollJobSchema.parse({ sourceId: s.id, source: s }) },
    );
  }
  for (const existing of await queues.poll.getJobSchedulers(0, -1)) {
    if (existing.key && !wanted.has(existing.key)) await queues.poll.removeJobScheduler(existing.key);
  }
}

/** One job scheduler for the digest tick, whichever process runs the scheduler role. */
export async function scheduleDigestTick(queues: Queues, everySeconds: number): Promise<void> {
  await queues.digestTick.upsertJobScheduler(
    "digest-tick",
    { every: everySeconds * 1000 },
    { name: QueueName.DigestTick, data: {} },
  );
}

export interface WorkerDeps {
  /** Where each worker's own connection goes: the app's server or cluster. */
  redis: RedisTarget;
  prefix: string;
  log: Logger;
  /** Where connection failures go (one line per cause); without it they are logged as errors. */
  redisErrors?: RedisErrorLog;
  poll: Omit<PollDeps, "enqueueIngest" | "log">;
  ingest: Omit<IngestDeps, "enqueueFanout" | "postpone" | "log">;
  fanout: Omit<FanoutDeps, "enqueueDeliveries" | "log">;
  deliver: Omit<
    DeliverDeps,
    | "adapter"
    | "rateLimit"
    | "postpone"
    | "enqueueDeliver"
    | "enqueueDigestDelivery"
    | "log"
    | "jobId"
    | "stillOwned"
  >;
  digestTick: Omit<DigestTickDeps, "enqueueDigest" | "log">;
  digest: Omit<DigestDeps, "enqueueDigestDelivery" | "log">;
  /** Counts the jobs that failed for good; the jobs' own counters ride in their deps above. */
  metrics?: Metrics;
  /** The platforms this process can send to; one deliver worker each. */
  adapters: ChatAdapter[];
  /** How many jobs of each queue one process runs at once. */
  concurrency?: Partial<Record<QueueName, number>>;
  /** Run only these queues' workers (one role per process, as the chaos run does); default all. */
  only?: QueueName[];
  /**
   * How long a job's lock lives before a dead worker's job counts as stalled and runs again (BullMQ's
   * default, 30 s, when absent); the stalled check runs twice as often.
   */
  lockDurationMs?: number;
}

/**
 * A job whose worker died is run again up to this many times before it fails: every step is idempotent
 * (docs/adr/008-effectively-once.md), so a re-run is safe, and BullMQ's default of 1 would turn two
 * crashes during one big fanout into lost alerts.
 */
const MAX_STALLED = 5;
/** BullMQ's own default lock duration, used when the deps set none. */
const DEFAULT_LOCK_MS = 30_000;

export interface Workers {
  workers: Worker[];
  /** Closes every worker, waiting at most `graceMs` for the jobs they run (default: as long as they take). */
  close(graceMs?: number): Promise<void>;
}

/**
 * Puts only this job off by `ms` and returns the error its processor throws so BullMQ leaves it delayed
 * (no attempt spent, no worker slot held while waiting).
 */
const postponer =
  (job: Job, token: string | undefined) =>
  async (ms: number): Promise<Error> => {
    await job.moveToDelayed(Date.now() + ms, token);
    return new DelayedError();
  };

/** Starts one worker per queue in this process. */
export function startWorkers(queues: Queues, deps: WorkerDeps): Workers {
  const producers = createProducers(queues);
  const connections: Redis[] = [];
  const make = (
    name: QueueName,
    fn: (job: Job, token?: string) => Promise<unknown>,
    concurrency: number,
    limiter?: { max: number; duration: number },
  ): Worker | null => {
    if (deps.only && !deps.only.includes(name)) return null;
    const connection = createWorkerRedis(deps.redis);
    connections.push(connection);
    const lock = deps.lockDurationMs;
    deps.redisErrors?.watch(connection, name);
    const w = new Worker(name, fn, {
      connection,
      prefix: deps.prefix,
      concurrency: deps.concurrency?.[name] ?? concurrency,
      maxStalledCount: MAX_STALLED,
      ...(lock ? { lockDuration: lock, stalledInterval: Math.max(500, Math.floor(lock / 2)) } : {}),
      ...(limiter ? { limiter } : {}),
    });
    w.on("error", (err) => {
      if (deps.redisErrors && isRedisUnavailable(err)) deps.redisErrors.report(err, name);
      else deps.log.error({ err, queue: name }, "worker error");
    });
    w.on("failed", (job, err) => {
      deps.log.warn(
        { queue: name, job: job?.id, attempts: job?.attemptsMade, err: err.message },
        "job failed",
      );
      const final =
        err instanceof UnrecoverableError || (job?.attemptsMade ?? 0) >= (job?.opts.attempts ?? 1);
      if (final) deps.metrics?.jobsFailed.inc({ queue: name });
    });
    return w;
  };
  const log = deps.log;
  const deliverWorker = (adapter: ChatAdapter): Worker | null => {
    const w: Worker | null = make(
      DeliverQueue[adapter.platform],
      (job, token) =>
        processDeliver(job.data, {
          ...deps.deliver,
          adapter,
          log,
          jobId: job.id,
          stillOwned: async () =>
            !token || (await job.extendLock(token, deps.lockDurationMs ?? DEFAULT_LOCK_MS)) === 1,
          enqueueDeliver: producers.enqueueDeliver,
          enqueueDigestDelivery: producers.enqueueDigestDelivery,
          rateLimit: async (ms) => {
            await w?.rateLimit(ms);
            return Worker.RateLimitError();
          },
          postpone: postponer(job, token),
        }),
      adapter.concurrency ?? adapter.limiter?.max ?? 8,
      adapter.limiter,
    );
    return w;
  };
  const all = [
    make(
      QueueName.Poll,
      (job) => processPoll(job.data, { ...deps.poll, enqueueIngest: producers.enqueueIngest, log }),
      4,
    ),
    make(
      QueueName.Ingest,
      (job, token) =>
        processIngest(job.data, {
          ...deps.ingest,
          enqueueFanout: producers.enqueueFanout,
          log,
          // A busy host puts the job off; one that has waited long enough is read from its feed text.
          postpone: Date.now() - job.timestamp < MAX_INGEST_WAIT_MS ? postponer(job, token) : undefined,
        }),
      4,
    ),
    make(
      QueueName.Fanout,
      (job) =>
        processFanout(job.data, { ...deps.fanout, enqueueDeliveries: producers.enqueueDeliveries, log }),
      4,
    ),
    ...deps.adapters.map(deliverWorker),
    make(
      QueueName.DigestTick,
      (job) =>
        processDigestTick(job.data, { ...deps.digestTick, enqueueDigest: producers.enqueueDigest, log }),
      1,
    ),
    make(
      QueueName.Digest,
      (job) =>
        processDigest(job.data, {
          ...deps.digest,
          enqueueDigestDelivery: producers.enqueueDigestDelivery,
          log,
        }),
      4,
    ),
  ];
  const workers = all.filter((w): w is Worker => w !== null);
  return {
    workers,
    async close(graceMs = Number.POSITIVE_INFINITY) {
      // Jobs finish within the grace; past it the workers close without waiting, and the jobs still
      // active stay in Redis to be retried after the restart (stalled jobs), not lost half done.
      const graceful = Promise.all(workers.map((w) => w.close()));
      if ((await bounded(graceful, Math.min(graceMs, 2 ** 31 - 1))) !== "done") {
        deps.log.warn({ graceMs }, "workers: jobs still running at shutdown, left for a retry");
        await bounded(Promise.all(workers.map((w) => w.close(true))), 1000);
      }
      for (const c of connections) c.disconnect();
    },
  };
}
