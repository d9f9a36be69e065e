import { z } from "zod";
import { type ChatAddress, type OutboxItem, OutboxItemSchema } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString } from "../subscriptions/chat-address.js";

/** Most held alerts kept for one chat; past it the oldest go (with a log line from the caller). */
const MAX_HELD = 200;
const TTL_MS = 8 * 86_400_000;

export type HoldReason = "quiet" | "cap" | "paused" | "filtered";

export interface HeldAlert {
  item: OutboxItem;
  reason: HoldReason;
}

const HeldAlertSchema = z.object({
  item: OutboxItemSchema,
  reason: z.enum(["quiet", "cap", "paused", "filtered"]),
});

/**
 * Pushes that quiet hours, the hourly cap, a /pause or a /filter held back: they wait here for the chat's
 * digest (or, with the digest off, for the end of the hold), never dropped. Also counts each chat's pushes per clock hour for the cap.
 *
 * Keys: `digest:held:<chat>` list of JSON, `digest:pushes:<hour>` hash chat → pushes, expiring an hour
 * after its hour.
 */
export interface HeldAlerts {
  hold(chat: ChatAddress, held: HeldAlert): Promise<number>;
  /** Everything held for the chat, oldest first, and how many entries were read (drop that many). */
  list(chat: ChatAddress): Promise<{ alerts: HeldAlert[]; read: number }>;
  /** How many alerts wait for the chat. */
  count(chat: ChatAddress): Promise<number>;
  /** Removes the `n` oldest (those a digest included). */
  drop(chat: ChatAddress, n: number): Promise<void>;
  /** Counts one push in the current hour; returns the count including it. */
  countPush(chat: ChatAddress, now: Date): Promise<number>;
  /** Takes back a push counted by countPush (it was held after all). */
  uncountPush(chat: ChatAddress, now: Date): Promise<void>;
}

/** The held list's bound and expiry, shared with the fanout ledger that writes it atomically too. */
export const HELD_LIMITS = { max: MAX_HELD, ttlMs: TTL_MS } as const;

/** Key names, shared with src/chat/fanout-ledger.ts, which holds and counts in one script. */
export function heldKeys(keys: Keys) {
  const listPrefix = `${keys.key("digest", "held")}:`;
  return {
    list: (chat: ChatAddress) => listPrefix + chatString(chat),
    /** The held lists' common prefix: the fanout script appends `platform:id`. */
    listPrefix,
    /** One hash per clock hour, chat → pushes: a field costs far less than a key per chat. */
    counters: (now: Date) => keys.key("digest", "pushes", Math.floor(now.getTime() / 3_600_000)),
  };
}

export function createHeldAlerts(redis: Redis, keys: Keys): HeldAlerts {
  const { list: listKey, counters } = heldKeys(keys);
  return {
    async hold(chat, held) {
      const k = listKey(chat);
      const [[, len]] = (await redis
        .multi()
        .rpush(k, JSON.stringify(held))
        .ltrim(k, -MAX_HELD, -1)
        .pexpire(k, TTL_MS)
        .exec()) as [[Error | null, number]];
      return len;
    },
    async list(chat) {
      // Entries that no longer match the contract are skipped, not fatal: the rest still make the digest.
      const raw = await redis.lrange(listKey(chat), 0, -1);
      const alerts = raw.flatMap((s) => {
        const parsed = HeldAlertSchema.safeParse(JSON.parse(s));
        return parsed.success ? [parsed.data] : [];
      });
      return { alerts, read: raw.length };
    },
    count: (chat) => redis.llen(listKey(chat)),
    async drop(chat, n) {
      if (n > 0) await redis.ltrim(listKey(chat), n, -1);
    },
    async countPush(chat, now) {
      const k = counters(now);
      const [[, n]] = (await redis.multi().hincrby(k, chatString(chat), 1).pexpire(k, 7_200_000).exec()) as [
        [Error | null, number],
      ];
      return n;
    },
    async uncountPush(chat, now) {
      await redis.hincrby(counters(now), chatString(chat), -1);
    },
  };
}
