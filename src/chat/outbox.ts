import { randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { type ChatAddress, type OutboxItem, OutboxItemSchema } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString } from "../subscriptions/chat-address.js";

/** Most alerts one chat can have waiting; past it the oldest are dropped with a warning. */
const MAX_WAITING = 200;
/** Waiting alerts of a chat that nothing drains (a stopped platform) disappear after a week. */
const TTL_MS = 7 * 86_400_000;

/**
 * Alerts waiting to be sent to one chat. Idempotent by alert id (a retried fanout puts nothing twice);
 * read oldest first and removed only once sent, so a failed send loses nothing.
 *
 * Keys: `outbox:<chat>:order` sorted set of alert ids by time queued, `outbox:<chat>:items` hash of id →
 * item JSON, `outbox:<chat>:lock` one sender at a time.
 */
export interface Outbox {
  put(chat: ChatAddress, item: OutboxItem): Promise<void>;
  /** The oldest waiting alerts, at most `max`; entries that no longer parse are removed and logged. */
  peek(chat: ChatAddress, max: number): Promise<OutboxItem[]>;
  remove(chat: ChatAddress, alertIds: string[]): Promise<void>;
  size(chat: ChatAddress): Promise<number>;
  /** Takes the chat's send lock for `ms`; returns a token, or null when another sender holds it. */
  lock(chat: ChatAddress, ms: number): Promise<string | null>;
  unlock(chat: ChatAddress, token: string): Promise<void>;
}

const UNLOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function createOutbox(redis: Redis, keys: Keys, log: Logger): Outbox {
  const k = (chat: ChatAddress, part: string) => keys.key("outbox", chatString(chat), part);
  const outbox: Outbox = {
    async put(chat, item) {
      const order = k(chat, "order");
      const items = k(chat, "items");
      const [, , [, size]] = (await redis
        .multi()
        .zadd(order, "NX", Date.now(), item.alert.id)
        .hsetnx(items, item.alert.id, JSON.stringify(item))
        .zcard(order)
        .pexpire(order, TTL_MS)
        .pexpire(items, TTL_MS)
        .exec()) as [Error | null, unknown][] as [unknown, unknown, [Error | null, number]];
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
    size: (chat) => redis.zcard(k(chat, "order")),
    async lock(chat, ms) {
      const token = randomUUID();
      return (await redis.set(k(chat, "lock"), token, "PX", ms, "NX")) === "OK" ? token : null;
    },
    async unlock(chat, token) {
      await redis.eval(UNLOCK, 1, k(chat, "lock"), token);
    },
  };
  return outbox;
}
