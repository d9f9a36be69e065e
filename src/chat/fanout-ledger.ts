import { createHash } from "node:crypto";
import { HELD_LIMITS, type HoldReason, heldKeys } from "../digest/held-alerts.js";
import type { ChatAddress, OutboxItem } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString } from "../subscriptions/chat-address.js";
import { OUTBOX_LIMITS, outboxKey } from "./outbox.js";

/**
 * Far longer than a fanout job keeps retrying (minutes) or an ingest can re-queue its event; short
 * enough that a big event's hash (one field per chat reached) does not pile up. Past it, the outbox's
 * sent set still refuses an alert already delivered.
 */
const DONE_TTL_MS = 2 * 86_400_000;

export interface Placement {
  /** Where the alert went for this chat: its outbox, or held for the digest (and why). */
  placed: "queued" | HoldReason;
  /** False when an earlier run of this event already placed it (nothing written this time). */
  first: boolean;
  /** Oldest waiting alerts dropped because the outbox was full. */
  dropped: number;
}

/**
 * What a fanout did for each chat, so that a re-run of the same event (a retry, a worker killed half-way)
 * never queues, holds or counts a push twice. One script per chat decides (quiet hours, hourly cap),
 * counts the push, puts the alert in the outbox or the held list, and records the chat in the event's
 * done hash, all at once: there is no moment where one is written and the other not.
 *
 * Keys: `fanout:done:<sha1 of event id>` hash chat → "queued" | "quiet" | "cap", expiring after 2 days;
 * plus the outbox and held keys it writes (src/chat/outbox.ts, src/digest/held-alerts.ts).
 */
export interface FanoutLedger {
  place(
    eventId: string,
    chat: ChatAddress,
    item: OutboxItem,
    opts: { quiet: boolean; maxPushesPerHour: number; now: Date },
  ): Promise<Placement>;
}

// KEYS: done, push counter, outbox order, outbox items, outbox sent, held list.
// ARGV: chat, alert id, item JSON, held JSON ('quiet' reason), held JSON ('cap' reason), quiet (1/0),
// max pushes per hour (-1: no cap), now ms, outbox ttl, outbox max, held ttl, held max, done ttl.
const PLACE = `
local prev = redis.call('HGET', KEYS[1], ARGV[1])
if prev then return {prev, 0, 0} end
local decision = 'queued'
local dropped = 0
if ARGV[6] == '1' then
  decision = 'quiet'
else
  local max = tonumber(ARGV[7])
  if max >= 0 then
    local n = redis.call('INCR', KEYS[2])
    redis.call('PEXPIRE', KEYS[2], 3600000)
    if n > max then
      redis.call('DECR', KEYS[2])
      decision = 'cap'
    end
  end
end
if decision == 'queued' then
  if not redis.call('ZSCORE', KEYS[5], ARGV[2]) then
    redis.call('ZADD', KEYS[3], 'NX', ARGV[8], ARGV[2])
    redis.call('HSETNX', KEYS[4], ARGV[2], ARGV[3])
    redis.call('PEXPIRE', KEYS[3], ARGV[9])
    redis.call('PEXPIRE', KEYS[4], ARGV[9])
    local over = redis.call('ZCARD', KEYS[3]) - tonumber(ARGV[10])
    if over > 0 then
      local old = redis.call('ZRANGE', KEYS[3], 0, over - 1)
      redis.call('ZREMRANGEBYRANK', KEYS[3], 0, over - 1)
      redis.call('HDEL', KEYS[4], unpack(old))
      dropped = over
    end
  end
else
  redis.call('RPUSH', KEYS[6], decision == 'quiet' and ARGV[4] or ARGV[5])
  redis.call('LTRIM', KEYS[6], -tonumber(ARGV[12]), -1)
  redis.call('PEXPIRE', KEYS[6], ARGV[11])
end
redis.call('HSET', KEYS[1], ARGV[1], decision)
redis.call('PEXPIRE', KEYS[1], ARGV[13])
return {decision, 1, dropped}`;

export function createFanoutLedger(redis: Redis, keys: Keys): FanoutLedger {
  const held = heldKeys(keys);
  return {
    async place(eventId, chat, item, { quiet, maxPushesPerHour, now }) {
      const done = keys.key("fanout", "done", createHash("sha1").update(eventId).digest("hex"));
      const cap = Number.isFinite(maxPushesPerHour) ? maxPushesPerHour : -1;
      const [placed, first, dropped] = (await redis.eval(
        PLACE,
        6,
        done,
        held.counter(chat, now),
        outboxKey(keys, chat, "order"),
        outboxKey(keys, chat, "items"),
        outboxKey(keys, chat, "sent"),
        held.list(chat),
        chatString(chat),
        item.alert.id,
        JSON.stringify(item),
        quiet ? JSON.stringify({ item, reason: "quiet" }) : "",
        quiet ? "" : JSON.stringify({ item, reason: "cap" }),
        quiet ? 1 : 0,
        cap,
        Date.now(), // queue order, as outbox.put does
        OUTBOX_LIMITS.ttlMs,
        OUTBOX_LIMITS.maxWaiting,
        HELD_LIMITS.ttlMs,
        HELD_LIMITS.max,
        DONE_TTL_MS,
      )) as [string, number, number];
      return { placed: placed as Placement["placed"], first: first === 1, dropped };
    },
  };
}
