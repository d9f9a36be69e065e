import type { DeliverJob } from "../queues.js";

/**
 * A platform's way of sending. Adapters translate the platform's errors into DeliveryError, so the
 * deliver job never inspects a vendor error.
 */
export interface ChatAdapter {
  readonly platform: DeliverJob["chat"]["platform"];
  send(job: DeliverJob): Promise<void>;
}

export type DeliveryErrorCode =
  | "RATE_LIMITED" // retry after retryAfterMs, costs no attempt
  | "TRANSIENT" // network, 5xx: retry with backoff
  | "CHAT_GONE" // blocked, kicked, deleted, no access: pause the chat
  | "CHAT_MOVED" // Telegram group became a supergroup: move to movedTo
  | "BAD_REQUEST"; // our payload is wrong: never retried

/** A failed send, classified once by the adapter. */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly details: { retryAfterMs?: number; movedTo?: string; cause?: unknown } = {},
  ) {
    super(message, { cause: details.cause });
  }
  get permanent(): boolean {
    return this.code === "CHAT_GONE" || this.code === "BAD_REQUEST";
  }
}
