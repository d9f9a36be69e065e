import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { type ChatAddress, type OutboxItem, OutboxItemSchema } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString } from "../subscriptions/chat-address.js";

/** Most alerts one chat can have waiting; past it the oldest are dropped with a warning. */
const MAX_WAITING = 200;
/** Waiting alerts of a chat that nothing drains (a stopped platform) disappear after a week. */
const TTL_MS = 7 * 86_400_000;
/** Ids of the alerts last sent to a chat, kept so that nothing puts them back (a retried fanout, a move). */
const MAX_SENT = 500;
const SENT_TTL_MS = 8 * 86_400_000;

export const OUTBOX_LIMITS = { maxWaiting: MAX_WAITING, ttlMs: TTL_MS } as const;

/** Key names, shared with src/chat/fanout-ledger.ts, which puts into the outbox from its own script. */
export const outboxKey = (keys: Keys, chat: ChatAddress, part: "order" | "items" | "sent" | "lock") =>
  keys.key("outbox", chatString(chat), part);

// KEYS: order, items, sent. ARGV: score, id, item JSON, ttl ms. Returns the size, or -1 when already sent.
const PUT = `
if redis.call('ZSCORE', KEYS[3], ARGV[2]) then return -1 end
redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])
redis.call('HSETNX', KEYS[2], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('PEXPIRE', KEYS[2], ARGV[4])
return redis.call('ZCARD', KEYS[1])`;

/**
 * Alerts waiting to be sent to one chat. Idempotent by alert id, while waiting and after: an alert
 * marked sent is never put back. Read oldest first and removed only once sent, so a failed send loses
 * nothing.
 *
 * Keys: `outbox:<chat>:order` sorted set of alert ids by time queued, `outbox:<chat>:items` hash of id →
 * item JSON, `outbox:<chat>:sent` sorted set of the last ids sent (bounded, expiring),
 * `outbox:<chat>:lock` one sender at a time.
 */
export interface Outbox {
  put(chat: ChatAddress, item: OutboxItem): Promise<void>;
  /** The oldest waiting alerts, at most `max`; entries that no longer parse are removed and logged. */
  peek(chat: ChatAddress, max: number): Promise<OutboxItem[]>;
  remove(chat: ChatAddress, alertIds: string[]): Promise<void>;
  /** Removes sent alerts and remembers them as sent, in one step: call it as soon as the platform accepted. */
  markSent(chat: ChatAddress, alertIds: string[]): Promise<void>;
  size(chat: ChatAddress): Promise<number>;
  /**
   * Takes the chat's send lock for `ms`; returns a token, or null when another sender holds it. With an
   * `owner` (the deliver job's id) the token is the owner, and the same owner takes its lock back: the
   * re-run of a job whose worker died does not wait for the lock that worker left behind.
   */
  lock(chat: ChatAddress, ms: number, owner?: string): Promise<string | null>;
  unlock(chat: ChatAddress, token: string): Promise<void>;
}

// Free, or already this owner's (its worker died): take it for ARGV[2] ms.
const LOCK = `local v = redis.call('GET', KEYS[1])
if v and v ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`;
const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createOutbox(redis: Redis, keys: Keys, log: Logger): Outbox {
  const k = (chat: ChatAddress, part: "order" | "items" | "sent" | "lock") => outboxKey(keys, chat, part);
  const outbox: Outbox = {
    async put(chat, item) {
      const order = k(chat, "order");
      const size = Number(
        await redis.eval(
          PUT,
          3,
          order,
          k(chat, "items"),
          k(chat, "sent"),
          Date.now(),
          item.alert.id,
          JSON.stringify(item),
          TTL_MS,
        ),
      );
      if (size > MAX_WAITING) {
        const dropped = await redis.zrange(order, 0, size - MAX_WAITING - 1);
        await outbox.remove(chat, dropped);
        log.warn({ chat, dropped: dropped.length }, "outbox full: oldest waiting alerts dropped");
      }
    },
    async peek(chat, max) {
      const ids = await redis.zrange(k(chat, "order"), 0, max - 1);
      if (!ids.length) return [];
      const raws = await redis.hmget(k(chat, "items"), ...ids);
      const good: OutboxItem[] = [];
      const bad: string[] = [];
      raws.forEach((raw, i) => {
        const parsed = raw ? OutboxItemSchema.safeParse(JSON.parse(raw)) : null;
        if (parsed?.success) good.push(parsed.data);
        else bad.push(ids[i]!);
      });
      if (bad.length) {
        log.error({ chat, ids: bad }, "outbox entries that break the contract removed");
        await outbox.remove(chat, bad);
      }
      return good;
    },
    async remove(chat, ids) {
      if (!ids.length) return;
      await redis
        .multi()
        .zrem(k(chat, "order"), ...ids)
        .hdel(k(chat, "items"), ...ids)
        .exec();
    },
    async markSent(chat, ids) {
      if (!ids.length) return;
      const sent = k(chat, "sent");
      const now = Date.now();
      await redis
        .multi()
        .zrem(k(chat, "order"), ...ids)
        .hdel(k(chat, "items"), ...ids)
        .zadd(sent, ...ids.flatMap((id) => [now, id]))
        .zremrangebyrank(sent, 0, -MAX_SENT - 1)
        .pexpire(sent, SENT_TTL_MS)
        .exec();
    },
    size: (chat) => redis.zcard(k(chat, "order")),
    async lock(chat, ms, owner) {
      const token = owner ? `job:${owner}` : randomUUID();
      return Number(await redis.eval(LOCK, 1, k(chat, "lock"), token, ms)) === 1 ? token : null;
    },
    async unlock(chat, token) {
      await redis.eval(UNLOCK, 1, k(chat, "lock"), token);
    },
  };
  return outbox;
}
