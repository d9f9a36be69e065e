import { UnrecoverableError } from "bullmq";
import { DeliveryError, type ChatAdapter } from "../src/chat/types.js";
import type { Logger } from "../src/log.js";
import { DeliverJobSchema } from "../src/queues.js";

export interface DeliverDeps {
  adapters: ReadonlyMap<string, ChatAdapter>;
  /**
   * Holds the whole deliver queue for `ms` and returns the error the processor must throw so the job
   * waits without spending an attempt (BullMQ's manual rate limit).
   */
  rateLimit(ms: number): Promise<Error>;
  log: Logger;
}

/**
 * deliver: one message to one chat, through its platform's adapter. Platform errors arrive already
 * classified as DeliveryError: rate limits wait, transient errors retry with backoff, permanent ones
 * fail the job for good.
 * @throws UnrecoverableError on a bad payload, an unknown platform or a permanent delivery error.
 */
export async function processDeliver(data: unknown, deps: DeliverDeps): Promise<void> {
  const parsed = DeliverJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid deliver payload: ${parsed.error.message}`);
  const job = parsed.data;
  const adapter = deps.adapters.get(job.chat.platform);
  if (!adapter) throw new UnrecoverableError(`no ${job.chat.platform} adapter in this process`);
  try {
    await adapter.send(job);
  } catch (err) {
    if (!(err instanceof DeliveryError)) throw err;
    if (err.code === "RATE_LIMITED") throw await deps.rateLimit(err.details.retryAfterMs ?? 1000);
    if (err.permanent) {
      deps.log.warn({ chat: job.chat, code: err.code }, err.message);
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    }
    throw err;
  }
}
