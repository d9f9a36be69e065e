import { UnrecoverableError } from "bullmq";
import type { Outbox } from "../src/chat/outbox.js";
import { type ChatAdapter, DeliveryError } from "../src/chat/types.js";
import type { Logger } from "../src/log.js";
import type { Metrics } from "../src/observability/metrics.js";
import { type ChatAddress, type DeliverJob, DeliverJobSchema, type Digest } from "../src/queues.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";

/** Most alerts merged into one message. */
export const MAX_BATCH = 5;
/** How long one sender may hold a chat (longer than any send takes). */
const LOCK_MS = 30_000;

export interface DeliverDeps {
  adapter: ChatAdapter;
  outbox: Outbox;
  chatState: ChatStateStore;
  subscriptions: SubscriptionStore;
  /** Asks for another delivery to a chat, `delayMs` from now. */
  enqueueDeliver(chat: ChatAddress, delayMs: number): Promise<void>;
  /** Queues a digest for a chat (again, to its new id after a move). */
  enqueueDigestDelivery(chat: ChatAddress, digest: Digest, due: string): Promise<void>;
  /**
   * Holds this platform's whole queue for `ms` (a 429) and returns the error the processor throws so
   * the job waits without spending an attempt.
   */
  rateLimit(ms: number): Promise<Error>;
  /** Moves only this job `ms` later (a per-chat limit, a busy chat) and returns the error to throw. */
  postpone(ms: number): Promise<Error>;
  now(): Date;
  /** The job's id: its re-run after a crash takes back the chat lock the dead run left. */
  jobId?: string | undefined;
  /**
   * Whether this run still owns its job (and keeps it a while longer). A run BullMQ took for dead while it
   * was only slow (Redis away for a moment) must stop before its next send: the re-run now owns the job and
   * takes back the same chat locks.
   */
  stillOwned?: () => Promise<boolean>;
  log: Logger;
  /** Counts messages sent, retried and failed, send errors by code, and 429s; absent in tests that do not look. */
  metrics?: Metrics;
}

export type DeliverResult = "sent" | "empty" | "paused-chat" | "moved";

/**
 * deliver: sends what waits in one chat's outbox as one message (or the chat's digest), through the
 * platform's adapter and within its limits. One sender per chat at a time; alerts leave the outbox only
 * once sent, and are marked sent the moment the platform accepted them, so a restart re-sends at most
 * the messages that were in flight (sent, not yet marked).
 * Platform errors arrive already classified as DeliveryError:
 * - RATE_LIMITED waits exactly what the platform said, without spending an attempt: the whole queue for a
 *   bot-wide limit, only this chat's job for a limit of the chat's own;
 * - CHAT_GONE pauses the chat (subscriptions kept) and is never retried;
 * - CHAT_MOVED moves the chat's subscriptions, state and outbox to the new id and sends there;
 * - TRANSIENT retries with the queue's backoff, then lands in the failed set;
 * - BAD_REQUEST fails for good.
 * @throws UnrecoverableError on a bad payload or a permanent error; the adapter's error when transient.
 */
export async function processDeliver(data: unknown, deps: DeliverDeps): Promise<DeliverResult> {
  const parsed = DeliverJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid deliver payload: ${parsed.error.message}`);
  const job: DeliverJob = parsed.data;
  if ("chats" in job) return deliverBatch(job.platform, job.chats, deps);
  const { chat } = job;
  if (chat.platform !== deps.adapter.platform) {
    throw new UnrecoverableError(`a ${chat.platform} message in the ${deps.adapter.platform} queue`);
  }
  if (await deps.chatState.paused(chat)) {
    deps.log.info({ chat }, "chat paused: nothing sent");
    return "paused-chat";
  }
  if ("digest" in job) return deliverDigest(chat, job.digest, deps);
  return sendWaiting(chat, deps);
}

/** Sends what waits for one chat as one message, under the chat's lock. */
async function sendWaiting(chat: ChatAddress, deps: DeliverDeps): Promise<DeliverResult> {
  const token = await deps.outbox.lock(chat, LOCK_MS, deps.jobId);
  if (!token) throw await deps.postpone(1000); // another worker is sending to this chat
  try {
    const items = await deps.outbox.peek(chat, MAX_BATCH);
    if (!items.length) return "empty";
    const wait = (await deps.adapter.reserve?.(chat)) ?? 0;
    if (wait > 0) throw await deps.postpone(wait);
    try {
      await deps.adapter.send({ chat, items });
    } catch (err) {
      return await onSendError(err, chat, deps);
    }
    // Recorded before anything else, the job's completion included: a worker killed from here on re-sends
    // nothing.
    deps.metrics?.deliveries.inc({ platform: chat.platform, outcome: "sent" });
    const ids = items.map((i) => i.alert.id);
    const left = await untilRecorded(() => deps.outbox.markSent(chat, ids), deps.log);
    if (left > 0) await deps.enqueueDeliver(chat, 0);
    return "sent";
  } finally {
    await deps.outbox.unlock(chat, token);
  }
}

/** Chats of one batch sent to at once: enough to keep a fast platform busy, few enough to stay fair. */
const BATCH_CONCURRENCY = 16;
/** Chats whose outboxes one round trip reads. */
const PEEK_SLICE = 200;

/** Thrown in place of postponing a job: in a batch, only that chat is put off, as a job of its own. */
class PutOff extends Error {}

/**
 * Many chats of one platform (one chunk of a fanout): each chat's waiting alerts leave as one message, as
 * for a single chat. What concerns one chat stays with it: a chat that must wait (its own limit, another
 * sender) gets a job of its own for later, a gone chat is paused, a failed send is retried as its own job.
 * Only a bot-wide limit stops the batch; its re-run skips the chats already sent (their outboxes are empty).
 */
async function deliverBatch(platform: ChatAddress["platform"], ids: string[], deps: DeliverDeps) {
  if (platform !== deps.adapter.platform) {
    throw new UnrecoverableError(`a ${platform} batch in the ${deps.adapter.platform} queue`);
  }
  let sent = 0;
  for (let i = 0; i < ids.length; i += PEEK_SLICE) {
    const slice = ids.slice(i, i + PEEK_SLICE);
    // Chats with nothing waiting (sent meanwhile by another job) cost one read for the whole slice.
    const waiting = await deps.outbox.peekMany(platform, slice, 1);
    const todo = slice.filter((id) => waiting.has(id)).map((id) => ({ platform, id }));
    const paused = await deps.chatState.pausedAmong(todo);
    const queue = todo.filter((c) => !paused.has(`${c.platform}:${c.id}`));
    // The first error that stops the batch (a bot-wide limit, Redis gone) is thrown only once every send
    // already under way has finished and been recorded: the batch's re-run must find none of them in flight,
    // or it would send them again.
    let stop: unknown;
    const worker = async () => {
      for (let chat = queue.shift(); chat && stop === undefined; chat = queue.shift()) {
        try {
          if ((await sendOne(chat, deps)) === "sent") sent++;
        } catch (err) {
          stop ??= err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(BATCH_CONCURRENCY, queue.length) }, worker));
    if (stop !== undefined) throw stop;
  }
  return sent ? "sent" : "empty";
}

async function sendOne(chat: ChatAddress, deps: DeliverDeps): Promise<DeliverResult | "later"> {
  const own: DeliverDeps = {
    ...deps,
    postpone: async (ms) => {
      await deps.enqueueDeliver(chat, ms);
      return new PutOff();
    },
  };
  if (deps.stillOwned && !(await deps.stillOwned()))
    throw new Error("deliver batch taken over by its re-run");
  try {
    return await sendWaiting(chat, own);
  } catch (err) {
    if (err instanceof PutOff) return "later";
    if (err instanceof UnrecoverableError) return "later"; // logged where it was decided; the rest go on
    if (err instanceof DeliveryError && err.code === "TRANSIENT") {
      deps.log.warn({ chat, err: err.message }, "send failed: retried as the chat's own job");
      await deps.enqueueDeliver(chat, 1000);
      return "later";
    }
    throw err; // a bot-wide limit, or Redis gone: the batch runs again later
  }
}

/** How long a sent message's record may wait for Redis before the job gives up (and may send again). */
const RECORD_DEADLINE_MS = 120_000;

/**
 * The message is out: keep trying to record it through a Redis outage rather than fail the job, whose
 * re-run would send it again.
 */
async function untilRecorded<T>(record: () => Promise<T>, log: Logger): Promise<T> {
  const start = Date.now();
  for (let wait = 100; ; wait = Math.min(2000, wait * 2)) {
    try {
      return await record();
    } catch (err) {
      if (Date.now() - start > RECORD_DEADLINE_MS) throw err;
      log.warn({ err: err instanceof Error ? err.message : String(err) }, "sent, not yet recorded: retrying");
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

async function deliverDigest(chat: ChatAddress, digest: Digest, deps: DeliverDeps): Promise<DeliverResult> {
  if (!deps.adapter.sendDigest) throw new UnrecoverableError(`${chat.platform} cannot send digests`);
  const wait = (await deps.adapter.reserve?.(chat)) ?? 0;
  if (wait > 0) throw await deps.postpone(wait);
  try {
    await deps.adapter.sendDigest({ chat, digest });
    deps.metrics?.deliveries.inc({ platform: chat.platform, outcome: "sent" });
    return "sent";
  } catch (err) {
    return await onSendError(err, chat, deps, digest);
  }
}

/** What becomes of a message after each send error, as the deliveries counter names it (429s: not counted). */
const DELIVERY_OUTCOME: Partial<Record<DeliveryError["code"], string>> = {
  TRANSIENT: "retried",
  CHAT_GONE: "failed",
  BAD_REQUEST: "failed",
  CHAT_MOVED: "moved",
};

async function onSendError(
  err: unknown,
  chat: ChatAddress,
  deps: DeliverDeps,
  digest?: Digest,
): Promise<DeliverResult> {
  if (!(err instanceof DeliveryError)) throw err;
  const platform = chat.platform;
  deps.metrics?.deliveryErrors.inc({ platform, code: err.code });
  const outcome = DELIVERY_OUTCOME[err.code];
  if (outcome) deps.metrics?.deliveries.inc({ platform, outcome });
  switch (err.code) {
    case "RATE_LIMITED":
      deps.metrics?.rateLimited.inc({ platform, scope: err.details.scope ?? "bot" });
      // A chat's own bucket holds only its job; a bot-wide limit holds the platform's whole queue.
      if (err.details.scope === "chat") throw await deps.postpone(err.details.retryAfterMs ?? 1000);
      throw await deps.rateLimit(err.details.retryAfterMs ?? 1000);
    case "CHAT_GONE":
      await deps.chatState.pause(chat, `${err.code}: ${err.message}`, deps.now());
      deps.log.warn({ chat, err: err.message }, "chat paused");
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    case "CHAT_MOVED": {
      const to: ChatAddress = { platform: chat.platform, id: err.details.movedTo ?? "" };
      if (!to.id) throw new UnrecoverableError("chat moved without a new id");
      await deps.subscriptions.moveChat(chat, to);
      await deps.chatState.moveChat(chat, to);
      for (
        let items = await deps.outbox.peek(chat, 50);
        items.length;
        items = await deps.outbox.peek(chat, 50)
      ) {
        for (const item of items) await deps.outbox.put(to, item);
        await deps.outbox.remove(
          chat,
          items.map((i) => i.alert.id),
        );
      }
      if (digest) await deps.enqueueDigestDelivery(to, digest, digest.until);
      else await deps.enqueueDeliver(to, 0);
      deps.log.info({ from: chat, to }, "chat moved");
      return "moved";
    }
    case "BAD_REQUEST":
      deps.log.error({ chat, err: err.message }, "platform refused the message");
      throw new UnrecoverableError(`${err.code}: ${err.message}`);
    default:
      throw err;
  }
}
