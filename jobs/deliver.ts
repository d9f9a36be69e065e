import { UnrecoverableError } from "bullmq";
import { type ChatAdapter, DeliveryError } from "../src/chat/types.js";
import type { Logger } from "../src/log.js";
import { type DeliverJob, DeliverJobSchema } from "../src/queues.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";

export interface DeliverDeps {
  adapter: ChatAdapter;
  chatState: ChatStateStore;
  subscriptions: SubscriptionStore;
  /** Queues the same message again (to a chat's new id). */
  enqueueDeliver(job: DeliverJob): Promise<void>;
  /**
   * Holds this platform's whole queue for `ms` (a bot-wide 429) and returns the error the processor
   * throws so the job waits without spending an attempt.
   */
  rateLimit(ms: number): Promise<Error>;
  /** Moves only this job `ms` later (a per-chat limit) and returns the error the processor throws. */
  postpone(ms: number): Promise<Error>;
  now(): Date;
  log: Logger;
}

export type DeliverResult = "sent" | "paused-chat" | "moved";

/**
 * deliver: one message to one chat, through its platform's adapter, within the platform's limits.
 * Platform errors arrive already classified as DeliveryError:
 * - RATE_LIMITED waits exactly what the platform said, without spending an attempt;
 * - CHAT_GONE pauses the chat (subscriptions kept) and is never retried;
 * - CHAT_MOVED moves the chat's subscriptions and state to the new id and sends there;
 * - TRANSIENT retries with the queue's backoff, then lands in the failed set;
 * - BAD_REQUEST fails for good.
 * @throws UnrecoverableError on a bad payload or a permanent error; the adapter's error when transient.
 */
export async function processDeliver(data: unknown, deps: DeliverDeps): Promise<DeliverResult> {
  const parsed = DeliverJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid deliver payload: ${parsed.error.message}`);
  const job = parsed.data;
  if (job.chat.platform !== deps.adapter.platform) {
    throw new UnrecoverableError(`a ${job.chat.platform} message in the ${deps.adapter.platform} queue`);
  }
  if (await deps.chatState.paused(job.chat)) {
    deps.log.info({ chat: job.chat, alert: job.alert.id }, "chat paused: message not sent");
    return "paused-chat";
  }
  const wait = (await deps.adapter.reserve?.(job.chat)) ?? 0;
  if (wait > 0) throw await deps.postpone(wait);
  try {
    await deps.adapter.send(job);
    return "sent";
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    switch (err.code) {
      case "RATE_LIMITED":
        throw await deps.rateLimit(err.details.retryAfterMs ?? 1000);
      case "CHAT_GONE":
        await deps.chatState.pause(job.chat, `${err.code}: ${err.message}`, deps.now());
        deps.log.warn({ chat: job.chat, err: err.message }, "chat paused");
        throw new UnrecoverableError(`${err.code}: ${err.message}`);
      case "CHAT_MOVED": {
        const to = { platform: job.chat.platform, id: err.details.movedTo ?? "" };
        if (!to.id) throw new UnrecoverableError("chat moved without a new id");
        await deps.subscriptions.moveChat(job.chat, to);
        await deps.chatState.moveChat(job.chat, to);
        await deps.enqueueDeliver({ ...job, chat: to });
        deps.log.info({ from: job.chat, to }, "chat moved");
        return "moved";
      }
      case "BAD_REQUEST":
        deps.log.error({ chat: job.chat, err: err.message }, "platform refused the message");
        throw new UnrecoverableError(`${err.code}: ${err.message}`);
      default:
        throw err;
    }
  }
}
