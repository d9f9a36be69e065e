import { HELD_LIMITS, heldKeys } from "../digest/held-alerts.js";
import type { RumourEvent } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { OUTBOX_LIMITS, outboxKeys, recordText } from "./outbox.js";

/**
 * A fanout's progress is kept for far longer than a fanout job keeps retrying (minutes) or an ingest can
 * re-queue its event; short enough that nothing piles up.
 */
const PROGRESS_TTL_MS = 2 * 86_400_000;

/** Where a fanout stands: which subscriber set, the SSCAN cursor in it, how many chunks are placed. */
export interface FanoutPosition {
  set: number;
  cursor: string;
  chunk: number;
}

/**
 * One chat of a chunk: its `platform:id`, which of the event's reasons are its own, and why the alert is
 * held for its digest rather than pushed (quiet hours, its /pause, its /filter), or null.
 */
export interface ChunkChat {
  chat: string;
  mask: number;
  hold: "quiet" | "paused" | "filtered" | null;
}

export interface ChunkResult {
  /** False when an earlier run of this event already placed the chunk (nothing written this time). */
  placed: boolean;
  /** Chats whose outbox got the alert, as `platform:id`: they need a delivery. */
  queued: string[];
  held: number;
  /** Oldest waiting alerts dropped because an outbox was full. */
  dropped: number;
}

/**
 * Puts one event into many outboxes, a chunk of chats per script, so that a re-run of the same event (a
 * retry, a worker killed half-way) never queues, holds or counts a push twice. The script checks that the
 * event's position is still the one the chunk was read at, places every chat (quiet hours and the hourly
 * cap, /pause and /filter decide between outbox and held list), records the chats that now need a delivery, and moves the
 * position on, all at once: a chunk is placed wholly or not at all, and exactly once.
 *
 * Keys: `fanout:progress:<ref>` hash {pos, j:<chunk> → chats awaiting their deliver job}, expiring after 2
 * days; plus the alert record, the platforms' pending sets, the push counters and held lists it writes
 * (src/chat/outbox.ts, src/digest/held-alerts.ts).
 */
export interface FanoutLedger {
  /** Stores the event once, with the reasons chats follow it for (their positions are the mask bits). */
  storeAlert(ref: string, alert: RumourEvent, reasons: string[]): Promise<void>;
  /** The event's position; null before its first chunk. */
  position(ref: string): Promise<FanoutPosition | null>;
  placeChunk(
    ref: string,
    from: FanoutPosition | null,
    to: FanoutPosition,
    chats: ChunkChat[],
    opts: { atMs: number; maxPushesPerHour: number; now: Date; alert: RumourEvent; reasons: string[] },
  ): Promise<ChunkResult>;
  /** Chunks placed whose deliver jobs may not have been asked for yet (a run died in between). */
  awaitingJobs(ref: string): Promise<{ chunk: number; chats: string[] }[]>;
  /** The chunk's deliver jobs are asked for. */
  jobsAsked(ref: string, chunk: number): Promise<void>;
}

const pos = (p: FanoutPosition | null) => (p ? `${p.set}:${p.cursor}:${p.chunk}` : "");

// KEYS: progress, push counters of the hour, pending telegram, discord, console.
// ARGV: expected position, next position, chunk number, ref, time (base 36), max pushes (-1: none),
//       held list key prefix, held ttl, held max, progress ttl, outbox max, alert JSON, reasons JSON,
//       then per chat: chat string, mask, hold reason ('' to push).
const PLACE = `
if (redis.call('HGET', KEYS[1], 'pos') or '') ~= ARGV[1] then return {0, {}, 0, 0} end
local pending = {telegram = KEYS[3], discord = KEYS[4], console = KEYS[5]}
local max = tonumber(ARGV[6])
local outboxMax = tonumber(ARGV[11])
local reasons = cjson.decode(ARGV[13])
local queued, held, dropped = {}, 0, 0
for i = 14, #ARGV, 3 do
  local chat, mask, hold = ARGV[i], tonumber(ARGV[i + 1]), ARGV[i + 2]
  local decision = 'queued'
  if hold ~= '' then
    decision = hold
  elseif max >= 0 then
    if redis.call('HINCRBY', KEYS[2], chat, 1) > max then
      redis.call('HINCRBY', KEYS[2], chat, -1)
      decision = 'cap'
    end
  end
  local colon = string.find(chat, ':', 1, true)
  local key = colon and pending[string.sub(chat, 1, colon - 1)]
  if decision == 'queued' and key then
    local id = string.sub(chat, colon + 1)
    redis.call('ZADD', key, 0, id .. '\\0' .. ARGV[5] .. '\\0' .. ARGV[4] .. '\\0' .. mask)
    local lo, hi = '[' .. id .. '\\0', '(' .. id .. '\\1'
    local over = redis.call('ZLEXCOUNT', key, lo, hi) - outboxMax
    if over > 0 then
      for _, m in ipairs(redis.call('ZRANGEBYLEX', key, lo, hi, 'LIMIT', 0, over)) do redis.call('ZREM', key, m) end
      dropped = dropped + over
    end
    queued[#queued + 1] = chat
  elseif decision ~= 'queued' then
    local matched = {}
    for b = 1, #reasons do
      if bit.band(mask, bit.lshift(1, b - 1)) ~= 0 then matched[#matched + 1] = reasons[b] end
    end
    local h = ARGV[7] .. chat
    redis.call('RPUSH', h, '{"item":{"alert":' .. ARGV[12] .. ',"matched":' .. cjson.encode(matched) ..
      '},"reason":"' .. decision .. '"}')
    redis.call('LTRIM', h, -tonumber(ARGV[9]), -1)
    redis.call('PEXPIRE', h, ARGV[8])
    held = held + 1
  end
end
if max >= 0 then redis.call('PEXPIRE', KEYS[2], 7200000) end
if #queued > 0 then redis.call('HSET', KEYS[1], 'j:' .. ARGV[3], table.concat(queued, '\\n')) end
redis.call('HSET', KEYS[1], 'pos', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[10])
return {1, queued, held, dropped}`;

export function createFanoutLedger(redis: Redis, keys: Keys): FanoutLedger {
  const ok = outboxKeys(keys);
  const held = heldKeys(keys);
  const progress = (ref: string) => keys.key("fanout", "progress", ref);
  return {
    async storeAlert(ref, alert, reasons) {
      await redis.set(ok.alert(ref), recordText(reasons, JSON.stringify(alert)), "PX", OUTBOX_LIMITS.ttlMs);
    },
    async position(ref) {
      const v = await redis.hget(progress(ref), "pos");
      if (!v) return null;
      const [set, cursor, chunk] = v.split(":");
      return { set: Number(set), cursor: cursor!, chunk: Number(chunk) };
    },
    async placeChunk(ref, from, to, chats, { atMs, maxPushesPerHour, now, alert, reasons }) {
      const cap = Number.isFinite(maxPushesPerHour) ? maxPushesPerHour : -1;
      const args: (string | number)[] = [];
      for (const c of chats) args.push(c.chat, c.mask, c.hold ?? "");
      const [placed, queued, nHeld, dropped] = (await redis.eval(
        PLACE,
        5,
        progress(ref),
        held.counters(now),
        ok.pending("telegram"),
        ok.pending("discord"),
        ok.pending("console"),
        pos(from),
        pos(to),
        to.chunk,
        ref,
        atMs.toString(36).padStart(9, "0"),
        cap,
        held.listPrefix,
        HELD_LIMITS.ttlMs,
        HELD_LIMITS.max,
        PROGRESS_TTL_MS,
        OUTBOX_LIMITS.maxWaiting,
        JSON.stringify(alert),
        JSON.stringify(reasons),
        ...args,
      )) as [number, string[], number, number];
      return { placed: placed === 1, queued, held: nHeld, dropped };
    },
    async awaitingJobs(ref) {
      const all = await redis.hgetall(progress(ref));
      return Object.entries(all)
        .filter(([f]) => f.startsWith("j:"))
        .map(([f, v]) => ({ chunk: Number(f.slice(2)), chats: v.split("\n") }));
    },
    async jobsAsked(ref, chunk) {
      await redis.hdel(progress(ref), `j:${chunk}`);
    },
  };
}
