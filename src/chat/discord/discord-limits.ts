import type { Keys, Redis } from "../../redis.js";

/** Discord's bot-wide limit: 50 requests per second, every route together. */
export const DISCORD_GLOBAL_PER_SECOND = 50;

/**
 * The spacing between two requests of the whole bot: 1000/49 ms, so the schedule itself never asks for
 * more than 49 per second and the window check below rarely has to hold anything back.
 */
export const GLOBAL_SPACING_MS = 1000 / (DISCORD_GLOBAL_PER_SECOND - 1);

/**
 * Discord counts the global limit in windows of one second that start when a request reaches it. We
 * count the same windows as requests leave (not when they were scheduled: a process that stalled would
 * start its window late at Discord and early here), and once the window's first request is answered we
 * move the window's start to that answer: Discord's window began somewhere between sending and the answer,
 * and the later bound never ends ours before Discord's (the first request of a run, on a new connection,
 * can take tens of ms to arrive). This guard covers clock granularity.
 */
export const WINDOW_GUARD_MS = 5;

/**
 * The least time between two requests as they leave. Requests booked for slots that a stalled process let
 * pass would otherwise leave back to back to catch up, and a burst is what crosses Discord's window.
 */
export const MIN_GAP_MS = 15;

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
 * `discord:global` the time (ms) of the next free global slot; `discord:window` hash {start, count} of
 * the current global window and the last request's time. All expire within a minute of the last request.
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
   * Counts this request in Discord's current global window, right before it leaves. `wait` 0: go now;
   * otherwise how many ms until the next window (nothing counted). `opened`: this request opened a new
   * window, which starts at that time; pass it to windowOpenerAnswered once the request is answered.
   */
  confirmGlobal(): Promise<{ wait: number; opened: number | null }>;
  /** Moves the start of the window `opened` to now, if it is still the current window. */
  windowOpenerAnswered(opened: number): Promise<void>;
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

const TAKE_GLOBAL = `${NOW_MS}
local spacing = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(nextFree, now)
if at - now > tonumber(ARGV[2]) then return -(at - now) end
redis.call('SET', KEYS[1], tostring(at + spacing), 'PX', 60000)
return at - now`;

const CONFIRM_GLOBAL = `${NOW_MS}
local limit = tonumber(ARGV[1])
local next = tonumber(ARGV[2])
local start = tonumber(redis.call('HGET', KEYS[1], 'start') or '0')
local count = tonumber(redis.call('HGET', KEYS[1], 'count') or '0')
local last = tonumber(redis.call('HGET', KEYS[1], 'last') or '0')
local gap = tonumber(ARGV[3])
if now < last + gap then return {last + gap - now, 0} end
local opened = 0
if now >= start + next then start = now count = 0 opened = now end
if count >= limit then return {start + next - now, 0} end
redis.call('HSET', KEYS[1], 'start', start, 'count', count + 1, 'last', now)
redis.call('PEXPIRE', KEYS[1], 60000)
return {0, opened}`;

const OPENER_ANSWERED = `${NOW_MS}
if tonumber(redis.call('HGET', KEYS[1], 'start') or '0') == tonumber(ARGV[1]) then
  redis.call('HSET', KEYS[1], 'start', now)
end
return 0`;

/** Creates the Redis-held Discord limits. */
export function createDiscordLimits(redis: Redis, keys: Keys): DiscordLimits {
  const routeKey = (channelId: string) => keys.key("discord", "route", channelId);
  const globalKey = keys.key("discord", "global");
  const windowKey = keys.key("discord", "window");
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
    async scheduleGlobal(maxWaitMs) {
      return Number(await redis.eval(TAKE_GLOBAL, 1, globalKey, GLOBAL_SPACING_MS, maxWaitMs));
    },
    async confirmGlobal() {
      const next = 1000 + WINDOW_GUARD_MS;
      const [wait, opened] = (await redis.eval(
        CONFIRM_GLOBAL,
        1,
        windowKey,
        DISCORD_GLOBAL_PER_SECOND,
        next,
        MIN_GAP_MS,
      )) as [number, number];
      return { wait: Number(wait), opened: Number(opened) > 0 ? Number(opened) : null };
    },
    async windowOpenerAnswered(opened) {
      await redis.eval(OPENER_ANSWERED, 1, windowKey, opened);
    },
  };
}
