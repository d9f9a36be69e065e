import { randomUUID } from "node:crypto";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { createGlobalPace } from "../global-pace.js";

/** Telegram's bot-wide limit on ordinary sends: about 30 messages per second. */
export const TELEGRAM_BOT_PER_SECOND = 30;
/** The bot-wide limit with `allow_paid_broadcast` (0.1 Telegram Star a message): up to 1000/s. */
export const TELEGRAM_PAID_BROADCAST_PER_SECOND = 1000;

/** Telegram's per-chat limits, with the defaults it documents. */
export interface TelegramLimitOptions {
  /** Least time between two messages to one chat (Telegram: about 1 per second). */
  chatGapMs: number;
  /** Most messages to one group, supergroup or channel per window (Telegram: 20 per minute). */
  groupMax: number;
  groupWindowMs: number;
  /**
   * Added to both waits: the limits are counted when a slot is reserved, Telegram counts when the
   * message arrives, and two sends can take different times to get there.
   */
  marginMs: number;
  /**
   * The whole bot's messages per second, paced per message in Redis (global-pace.ts): 30, or the paid
   * broadcast rate when TELEGRAM_PAID_BROADCAST is on.
   */
  botPerSecond: number;
  /**
   * The pace's margin for transit jitter: at most `botPerSecond` messages leave in any span of
   * 1000 + this many ms, and slots are booked (1000 + this) / botPerSecond ms apart. 20 ms: 98 % of the
   * limit (34 ms apart at 30/s).
   */
  paceGuardMs: number;
}

export const TELEGRAM_LIMITS: TelegramLimitOptions = {
  chatGapMs: 1000,
  groupMax: 20,
  groupWindowMs: 60_000,
  marginMs: 100,
  botPerSecond: TELEGRAM_BOT_PER_SECOND,
  paceGuardMs: 20,
};

// Takes the chat's next slot when both limits allow it, atomically, on Redis's own clock so that every
// process agrees. Returns 0 (slot taken) or the ms to wait: the longer of the two limits' waits, so a
// postponed job comes back once.
// KEYS[1] the chat's gap key; KEYS[2] the group's sorted set of recent sends.
// ARGV: gapMs, windowMs, groupMax, isGroup ("1"/"0"), unique member.
const RESERVE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local wait = math.max(redis.call('PTTL', KEYS[1]), 0)
local window = tonumber(ARGV[2])
if ARGV[4] == '1' then
  redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - window)
  if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[3]) then
    local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
    wait = math.max(wait, tonumber(oldest[2]) + window - now, 1)
  end
end
if wait > 0 then return wait end
if ARGV[4] == '1' then
  redis.call('ZADD', KEYS[2], now, ARGV[5])
  redis.call('PEXPIRE', KEYS[2], window)
end
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
return 0`;

/** Per-chat send slots and the bot-wide pace, shared by every process through Redis. */
export interface TelegramLimits {
  /** The bot-wide messages per second the pace keeps to. */
  readonly botPerSecond: number;
  /**
   * Takes the bot-wide slot of one message, right before it is sent (alerts, digests, every part of a
   * split message, command replies): sleeps until its booked slot and resolves 0 when it may leave now,
   * or resolves the ms the pace is booked ahead (nothing taken) when that exceeds `maxWaitMs`.
   */
  takeGlobal(maxWaitMs: number): Promise<number>;
  /**
   * Takes the chat's next send slot: 0 when a message may go now (and the slot is taken), else the ms
   * to wait. Groups, supergroups and channels (negative ids) also count against the per-minute cap.
   */
  reserve(chat: ChatAddress): Promise<number>;
  /**
   * Waits up to `maxWaitMs` for a slot and takes it; past that it returns without one. For command
   * replies and the rare second part of a split message, where someone or something is waiting right
   * now; queued delivery never sleeps, it postpones its job.
   */
  reserveWaiting(chat: ChatAddress, maxWaitMs: number): Promise<void>;
}

/**
 * Creates the limits on Redis. Keys (all expire on their own): `tg:gap:<chat id>` and
 * `tg:group:<chat id>` per chat; `tg:pace` (the next free bot-wide slot) and `tg:sent` (the last
 * departures) for the whole bot.
 */
export function createTelegramLimits(
  redis: Redis,
  keys: Keys,
  options: Partial<TelegramLimitOptions> = {},
): TelegramLimits {
  const o = { ...TELEGRAM_LIMITS, ...options };
  const pace = createGlobalPace(
    redis,
    { slotKey: keys.key("tg", "pace"), sentKey: keys.key("tg", "sent") },
    {
      perSecond: o.botPerSecond,
      guardMs: o.paceGuardMs,
      // Below the spacing (34 ms at 30/s), so it never slows the pace; it spreads a stalled process's
      // backlog. At the paid rates the slots are about 1 ms apart and the one-second log does that alone.
      minGapMs: Math.floor(((1000 + o.paceGuardMs) / o.botPerSecond) * 0.7),
    },
  );
  const limits: TelegramLimits = {
    botPerSecond: o.botPerSecond,
    takeGlobal: (maxWaitMs) => pace.take(maxWaitMs),
    async reserve(chat) {
      const isGroup = chat.id.startsWith("-");
      const wait = await redis.eval(
        RESERVE,
        2,
        keys.key("tg", "gap", chat.id),
        keys.key("tg", "group", chat.id),
        o.chatGapMs + o.marginMs,
        o.groupWindowMs + o.marginMs,
        o.groupMax,
        isGroup ? "1" : "0",
        randomUUID(),
      );
      return Number(wait);
    },
    async reserveWaiting(chat, maxWaitMs) {
      const deadline = Date.now() + maxWaitMs;
      for (let wait = await limits.reserve(chat); wait > 0; wait = await limits.reserve(chat)) {
        if (Date.now() + wait > deadline) return;
        await new Promise((r) => setTimeout(r, wait));
      }
    },
  };
  return limits;
}
