import type { Queue } from "bullmq";
import { DeliverJobSchema } from "../queues.js";
import { chatString } from "../subscriptions/chat-address.js";

/** A delivery that gave up: retries spent, or an error that is never retried. */
export interface FailedDelivery {
  chat: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

/** How a platform's deliver queue is doing, for logs, a CLI table or a health endpoint. */
export interface DeliveryStats {
  waiting: number;
  delayed: number;
  active: number;
  completed: number;
  /** Jobs in BullMQ's failed set (bounded by the queue's removeOnFail). */
  failed: number;
  /** The most recent failures, newest first. */
  recentFailures: FailedDelivery[];
}

/**
 * Counts of one deliver queue and its latest failures. Reads only; safe to call from any process.
 * @example const { failed } = await deliveryStats(app.queues.deliver.telegram);
 */
export async function deliveryStats(queue: Queue, recent = 10): Promise<DeliveryStats> {
  const counts = await queue.getJobCounts("waiting", "delayed", "active", "completed", "failed");
  const jobs = recent > 0 ? await queue.getFailed(0, recent - 1) : [];
  return {
    waiting: counts.waiting ?? 0,
    delayed: counts.delayed ?? 0,
    active: counts.active ?? 0,
    completed: counts.completed ?? 0,
    failed: counts.failed ?? 0,
    recentFailures: jobs.map((job) => {
      const parsed = DeliverJobSchema.safeParse(job.data);
      return {
        chat: !parsed.success
          ? "(invalid payload)"
          : "chats" in parsed.data
            ? `${parsed.data.platform}: ${parsed.data.chats.length} chats`
            : chatString(parsed.data.chat),
        reason: job.failedReason ?? "",
        attempts: job.attemptsMade,
        failedAt: job.finishedOn ? new Date(job.finishedOn).toISOString() : null,
      };
    }),
  };
}
