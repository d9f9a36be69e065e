import type { DefaultJobOptions } from "bullmq";
import { QueueName } from "./queues.js";

/**
 * Per-queue job defaults, in one place: retries with exponential backoff and jitter, a bounded history
 * of completed jobs, and failed jobs kept (bounded) for inspection.
 */
const DELIVER_DEFAULTS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 1000, jitter: 0.5 },
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
};
export const JOB_DEFAULTS: Record<QueueName, DefaultJobOptions> = {
  [QueueName.Poll]: { attempts: 1, removeOnComplete: { count: 200 }, removeOnFail: { count: 1000 } },
  [QueueName.Ingest]: {
    attempts: 5,
    backoff: { type: "exponential", delay: 2000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  },
  [QueueName.Fanout]: {
    attempts: 5,
    backoff: { type: "exponential", delay: 1000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  },
  [QueueName.DeliverConsole]: DELIVER_DEFAULTS,
  [QueueName.DeliverTelegram]: DELIVER_DEFAULTS,
  [QueueName.DeliverDiscord]: DELIVER_DEFAULTS,
  [QueueName.DigestTick]: { attempts: 1, removeOnComplete: { count: 100 }, removeOnFail: { count: 1000 } },
  [QueueName.Digest]: {
    attempts: 5,
    backoff: { type: "exponential", delay: 5000, jitter: 0.5 },
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  },
};
