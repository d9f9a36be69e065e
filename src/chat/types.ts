import type { ChatAddress, Digest, OutboxItem, Platform } from "../queues.js";

/** A chat's digest, to be split to the platform's size limits. */
export interface OutgoingDigest {
  chat: ChatAddress;
  digest: Digest;
}

/** One message to one chat: the alerts that waited in its outbox, oldest first (at least one). */
export interface OutgoingAlerts {
  chat: ChatAddress;
  items: OutboxItem[];
}

/**
 * A platform's way of sending. Adapters translate the platform's errors into DeliveryError, so the
 * deliver job never inspects a vendor error.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  /**
   * A loose BullMQ limiter on the deliver queue's job starts (across every worker process). It is NOT the
   * platform's bot-wide message limit: adapters keep that per message in Redis, whatever a job carries.
   * It is there because BullMQ holds a whole queue after a 429 (worker.rateLimit) only when the queue
   * has a limiter.
   */
  readonly limiter?: { max: number; duration: number };
  /** How many deliver jobs one process runs at once (default: the limiter's max, else 8). */
  readonly concurrency?: number;
  /**
   * Per-chat limits: returns 0 and takes the chat's next slot when it may receive a message now,
   * otherwise how many ms to wait (the job is postponed, not slept on).
   */
  reserve?(chat: ChatAddress): Promise<number>;
  /** Sends the alerts as one message (or as few as the platform's size limits allow). */
  send(message: OutgoingAlerts): Promise<void>;
  /** Sends a digest, in as many messages as the platform's size limits need. */
  sendDigest?(message: OutgoingDigest): Promise<void>;
}

export type DeliveryErrorCode =
  | "RATE_LIMITED" // the platform said wait: retry after retryAfterMs, costs no attempt
  | "TRANSIENT" // network, 5xx: retry with backoff
  | "CHAT_GONE" // blocked, kicked, deleted, no access: pause the chat
  | "CHAT_MOVED" // Telegram group became a supergroup: move to movedTo and resend
  | "BAD_REQUEST"; // our payload is wrong: never retried

/** A failed send, classified once by the adapter. */
export class DeliveryError extends Error {
  override readonly name = "DeliveryError";
  constructor(
    readonly code: DeliveryErrorCode,
    message: string,
    readonly details: {
      retryAfterMs?: number;
      /** RATE_LIMITED only: "chat" when the limit is this chat's own (hold just this job), else the bot's. */
      scope?: "bot" | "chat";
      movedTo?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: details.cause });
  }
  get permanent(): boolean {
    return this.code === "CHAT_GONE" || this.code === "BAD_REQUEST";
  }
}
