import type { Keys, Redis } from "../../redis.js";
import { createGlobalPace } from "../global-pace.js";

/** Discord's bot-wide limit: 50 requests per second, every route together. */
export const DISCORD_GLOBAL_PER_SECOND = 50;

/**
 * Discord counts the global limit in windows of one second that start when a request reaches it. We keep
 * a log of the last requests' departure times and let one leave only if the WINDOW_LIMIT-th before it
 * left more than a second (plus this guard) ago: every one-second span then holds at most WINDOW_LIMIT
 * departures, wherever Discord's window falls, and a process that stalled cannot catch up in a burst.
 */
export const WINDOW_GUARD_MS = 25;

/**
 * The least time between two requests as they leave. Requests booked for slots that a stalled process let
 * pass would otherwise leave back to back to catch up, and a burst is what crosses Discord's window.
 */
export const MIN_GAP_MS = 15;

/** Requests in any span of 1000 + WINDOW_GUARD_MS ms of departures. */
export const WINDOW_LIMIT = DISCORD_GLOBAL_PER_SECOND;

/**
 * The spacing between two requests of the whole bot, booked in Redis: the log's span over its limit
 * (20.5 ms, 48.8 requests/s), so in steady state the log never has to hold a request back; it catches the
 * bursts of a process that stalled. The guard is the margin for transit jitter: 2.4 % of the limit.
 */
export const GLOBAL_SPACING_MS = (1000 + WINDOW_GUARD_MS) / WINDOW_LIMIT;

/** Added to every wait Discord announces, for clock and network jitter. */
const MARGIN_MS = 50;

/** What Discord said about one route bucket in its X-RateLimit-* headers. */
export interface BucketState {
  remaining: number;
  resetAfterMs: number;
}

/**
 * Discord's rate limits, held in Redis so every worker process sees what any of them learned.
 *
 * Keys: `discord:route:<channelId>` hash {remaining, reset (ms, Redis clock)} with a TTL of its reset;
 * `discord:global` the time (ms) of the next free global slot; `discord:sent` list of the last requests'
 * departure times (WINDOW_LIMIT of them). All expire within a minute of the last request.
 */
export interface DiscordLimits {
  /**
   * Takes one request of a channel's message bucket: 0 when it may send now (a slot is taken), otherwise
   * how many ms until the bucket resets. Unknown buckets are free: the first response teaches us.
   */
  reserveRoute(channelId: string): Promise<number>;
  /** Records the bucket state from a response's X-RateLimit-Remaining and X-RateLimit-Reset-After. */
  learnRoute(channelId: string, state: BucketState): Promise<void>;
  /**
   * Books the next global slot, spaced GLOBAL_SPACING_MS apart across processes: returns how long to wait
   * before sending, or -ms (nothing booked) when the wait would exceed `maxWaitMs`.
   */
  scheduleGlobal(maxWaitMs: number): Promise<number>;
  /**
   * Logs this request's departure, right before it leaves: 0 when it may go now, otherwise how many ms
   * until the sliding one-second log has room (nothing logged).
   */
  confirmGlobal(): Promise<number>;
  /**
   * confirmGlobal, sleeping until the log has room: 0 once this departure is logged (send now), or ms to
   * wait (nothing logged) when it stayed full through many tries. The REST client calls it right before
   * every request leaves, so the delay between the log and Discord is only the network's.
   */
  departGlobal(): Promise<number>;
}

// Redis TIME, not the caller's clock: worker processes on other hosts agree on it.
const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

const RESERVE_ROUTE = `${NOW_MS}
local reset = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
if reset <= now then redis.call('DEL', KEYS[1]) return 0 end
local remaining = tonumber(redis.call('HGET', KEYS[1], 'remaining') or '1')
if remaining <= 0 then return reset - now end
redis.call('HINCRBY', KEYS[1], 'remaining', -1)
return 0`;

// A response may arrive after one sent later (two processes): keep the lower remaining of the same window.
const LEARN_ROUTE = `${NOW_MS}
local reset = now + tonumber(ARGV[2])
local old = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
local remaining = tonumber(ARGV[1])
if old > now and math.abs(old - reset) < 1000 then
  remaining = math.min(remaining, tonumber(redis.call('HGET', KEYS[1], 'remaining') or remaining))
end
redis.call('HSET', KEYS[1], 'remaining', remaining, 'reset', reset)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) + 1000)
return remaining`;

/** Creates the Redis-held Discord limits. */
export function createDiscordLimits(redis: Redis, keys: Keys): DiscordLimits {
  const routeKey = (channelId: string) => keys.key("discord", "route", channelId);
  const pace = createGlobalPace(
    redis,
    { slotKey: keys.key("discord", "global"), sentKey: keys.key("discord", "sent") },
    { perSecond: WINDOW_LIMIT, guardMs: WINDOW_GUARD_MS, minGapMs: MIN_GAP_MS },
  );
  return {
    async reserveRoute(channelId) {
      const wait = Number(await redis.eval(RESERVE_ROUTE, 1, routeKey(channelId)));
      return wait > 0 ? Math.ceil(wait) + MARGIN_MS : 0;
    },
    async learnRoute(channelId, { remaining, resetAfterMs }) {
      if (!Number.isFinite(remaining) || !Number.isFinite(resetAfterMs)) return;
      await redis.eval(
        LEARN_ROUTE,
        1,
        routeKey(channelId),
        Math.max(0, remaining),
        Math.ceil(Math.max(0, resetAfterMs)),
      );
    },
    scheduleGlobal: (maxWaitMs) => pace.schedule(maxWaitMs),
    confirmGlobal: () => pace.confirm(),
    departGlobal: () => pace.depart(),
  };
}
