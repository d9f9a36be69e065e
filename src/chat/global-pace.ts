import type { Redis } from "../redis.js";

/**
 * A platform's bot-wide limit (Telegram's 30 messages/s, Discord's 50 requests/s) kept per request in
 * Redis, so it holds across every process whatever a job carries (one chat or hundreds).
 *
 * Two steps, each one Lua script on Redis's own clock (processes on other hosts agree on it):
 * - `schedule` books the next slot of the whole bot, spaced `(1000 + guardMs) / perSecond` ms apart, and
 *   says how long to sleep until it;
 * - `confirm`, right before the request leaves, logs its departure only if the `perSecond`-th departure
 *   before it left more than `1000 + guardMs` ms ago and the last one at least `minGapMs` ago. In steady
 *   state it never holds anything back (the spacing already keeps the log's pace); it catches a process
 *   that stalled between booking and sending, whose requests would otherwise leave back to back to catch
 *   up: every one-second span of departures holds at most `perSecond`, wherever the platform's window
 *   falls. The guard is the margin for transit jitter: 20 ms is 2 % of the limit.
 */
export interface PaceOptions {
  /** The platform's limit, per second. */
  perSecond: number;
  /** Added to the one-second span, for the jitter between leaving and arriving. */
  guardMs: number;
  /** The least time between two departures. */
  minGapMs: number;
}

export interface GlobalPace {
  /** The spacing between two booked slots, in ms. */
  readonly spacingMs: number;
  /**
   * Books the next slot: returns how long to wait before sending, or -ms (nothing booked) when the wait
   * would exceed `maxWaitMs`.
   */
  schedule(maxWaitMs: number): Promise<number>;
  /**
   * Logs this request's departure, right before it leaves: 0 when it may go now, otherwise how many ms
   * until the log has room (nothing logged).
   */
  confirm(): Promise<number>;
  /**
   * `confirm`, sleeping until the log has room: 0 once this departure is logged, or the log's span in ms
   * (nothing logged) when it stayed full through many tries.
   */
  depart(): Promise<number>;
  /**
   * Both steps, sleeping through them: resolves 0 when the request may leave now (its departure is
   * logged), or the ms the pace is booked ahead (nothing taken) when that is more than `maxWaitMs`.
   */
  take(maxWaitMs: number): Promise<number>;
}

// Redis TIME, not the caller's clock: worker processes on other hosts agree on it.
const NOW_MS = `local t = redis.call('TIME') local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

// KEYS[1] the next free slot (ms, fractional); ARGV: spacing, maxWait.
const SCHEDULE = `${NOW_MS}
local spacing = tonumber(ARGV[1])
local nextFree = tonumber(redis.call('GET', KEYS[1]) or '0')
local at = math.max(nextFree, now)
if at - now > tonumber(ARGV[2]) then return -math.max(1, math.ceil(at - now)) end
redis.call('SET', KEYS[1], tostring(at + spacing), 'PX', 60000)
return at - now`;

// KEYS[1] list of the last departures; ARGV: limit, span, minimum gap.
const CONFIRM = `${NOW_MS}
local limit = tonumber(ARGV[1])
local span = tonumber(ARGV[2])
local gap = tonumber(ARGV[3])
local last = tonumber(redis.call('LINDEX', KEYS[1], -1) or '0')
if now < last + gap then return last + gap - now end
if redis.call('LLEN', KEYS[1]) >= limit then
  local oldest = tonumber(redis.call('LINDEX', KEYS[1], -limit))
  if now < oldest + span then return oldest + span - now end
end
redis.call('RPUSH', KEYS[1], now)
redis.call('LTRIM', KEYS[1], -limit, -1)
redis.call('PEXPIRE', KEYS[1], 60000)
return 0`;

/** How many times a request re-checks a full departure log before it gives its turn up. */
const MAX_CONFIRMS = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Creates a pace on two keys: `slotKey` (the next free slot) and `sentKey` (the last departures). Both
 * expire a minute after the last request.
 */
export function createGlobalPace(
  redis: Redis,
  k: { slotKey: string; sentKey: string },
  o: PaceOptions,
): GlobalPace {
  const limit = Math.max(1, Math.floor(o.perSecond));
  const span = 1000 + o.guardMs;
  const spacingMs = span / limit;
  const pace: GlobalPace = {
    spacingMs,
    async schedule(maxWaitMs) {
      return Number(await redis.eval(SCHEDULE, 1, k.slotKey, spacingMs, maxWaitMs));
    },
    async confirm() {
      return Number(await redis.eval(CONFIRM, 1, k.sentKey, limit, span, o.minGapMs));
    },
    async depart() {
      for (let tries = 0; tries < MAX_CONFIRMS; tries++) {
        const hold = await pace.confirm();
        if (hold === 0) return 0;
        await sleep(hold);
      }
      return span;
    },
    async take(maxWaitMs) {
      const wait = await pace.schedule(maxWaitMs);
      if (wait < 0) return -wait;
      if (wait > 0) await sleep(wait);
      return pace.depart();
    },
  };
  return pace;
}
