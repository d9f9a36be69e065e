import { createHash, randomUUID } from "node:crypto";
import type { Logger } from "../log.js";
import { type ChatAddress, type OutboxItem, type Platform, RumourEventSchema } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString } from "../subscriptions/chat-address.js";

/** Most alerts one chat can have waiting; past it the oldest are dropped with a warning. */
const MAX_WAITING = 200;
/** An alert's stored text outlives every delivery of it: nothing drains a stopped platform for a week. */
const TTL_MS = 7 * 86_400_000;

export const OUTBOX_LIMITS = { maxWaiting: MAX_WAITING, ttlMs: TTL_MS } as const;

/**
 * Key names, shared with src/chat/fanout-ledger.ts, which fills the outboxes from its own script.
 * `pending` is one sorted set per platform; `alert` one string per alert; `lock` one per chat being sent to.
 */
export const outboxKeys = (keys: Keys) => ({
  pending: (platform: Platform) => keys.key("outbox", platform),
  alert: (ref: string) => keys.key("outbox", "alert", ref),
  lock: (chat: ChatAddress) => keys.key("outbox", "lock", chatString(chat)),
});

/** A short, fixed-length handle of an alert id (ids run to 300 characters; one is written per chat). */
export function alertRef(alertId: string): string {
  return createHash("sha1").update(alertId).digest("base64url").slice(0, 12);
}

/** What is stored once per alert: the event and the reasons chats follow it for, by position. */
export interface AlertRecord {
  alert: OutboxItem["alert"];
  reasons: string[];
}

/**
 * One waiting alert of one chat: `<chat id> NUL <time, base 36> NUL <alert ref> NUL <reasons bit mask>`. All
 * members share score 0, so the set is in that order: a chat's alerts are one lexical range, oldest first.
 */
export const SEP = "\u0000";
export function pendingMember(chatId: string, atMs: number, ref: string, mask: number): string {
  return `${chatId}${SEP}${atMs.toString(36).padStart(9, "0")}${SEP}${ref}${SEP}${mask}`;
}
/** The lexical range of one chat's members. */
export const chatRange = (chatId: string) => [`[${chatId}${SEP}`, `(${chatId}\u0001`] as const;

/**
 * Alerts waiting to be sent, per chat. The alert itself is stored once (`outbox:alert:<ref>`, the event and
 * the list of reasons); each chat holds only a member of its platform's sorted set (`outbox:<platform>`)
 * naming the alert and which reasons are its own: a few dozen bytes per pending delivery, however many
 * chats wait for one alert (docs/adr/009-fanout-at-scale.md). Read oldest first and removed only once sent,
 * so a failed send loses nothing.
 */
export interface Outbox {
  /** Stores the alert (once) and queues it for the chat with these reasons; idempotent by alert id. */
  put(chat: ChatAddress, item: OutboxItem): Promise<void>;
  /** The oldest waiting alerts, at most `max`; entries whose alert is gone are removed and logged. */
  peek(chat: ChatAddress, max: number): Promise<OutboxItem[]>;
  /** peek for many chats of one platform in a few round trips (a batch delivery). */
  peekMany(platform: Platform, chatIds: string[], max: number): Promise<Map<string, OutboxItem[]>>;
  remove(chat: ChatAddress, alertIds: string[]): Promise<void>;
  /** Removes alerts the platform accepted (call it as soon as it did); returns how many still wait. */
  markSent(chat: ChatAddress, alertIds: string[]): Promise<number>;
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

// Removes the chat's members naming these alert refs. KEYS: pending. ARGV: range min, range max, refs...
const REMOVE = `
local want = {}
for i = 3, #ARGV do want[ARGV[i]] = true end
local gone = 0
for _, m in ipairs(redis.call('ZRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2])) do
  local ref = string.match(m, '^[^%z]*%z[^%z]*%z([^%z]*)%z')
  if ref and want[ref] then gone = gone + redis.call('ZREM', KEYS[1], m) end
end
return gone`;

// REMOVE, then how many of the chat's members are left: one round trip after each send.
const SENT = `${REMOVE.replace(/return gone$/, "")}
return redis.call('ZLEXCOUNT', KEYS[1], ARGV[1], ARGV[2])`;

// Stores the alert unless stored (adding reasons it lacks) and queues it for one chat unless queued. The
// record is "<reasons JSON>\n<alert JSON>": the script touches only the reasons (cjson would turn the
// alert's empty arrays into objects). KEYS: alert record, pending. ARGV: alert JSON, reasons JSON, chat id,
// time (base 36), ref, ttl, max waiting. Returns how many of the chat's oldest were dropped to stay within max.
const PUT = `
local raw = redis.call('GET', KEYS[1])
local reasons, alert = {}, ARGV[1]
if raw then
  local nl = string.find(raw, '\\n', 1, true)
  reasons = cjson.decode(string.sub(raw, 1, nl - 1))
  alert = string.sub(raw, nl + 1)
end
local mask = 0
for _, r in ipairs(cjson.decode(ARGV[2])) do
  local at = nil
  for i, have in ipairs(reasons) do if have == r then at = i end end
  if not at then table.insert(reasons, r); at = #reasons end
  mask = bit.bor(mask, bit.lshift(1, at - 1))
end
redis.call('SET', KEYS[1], cjson.encode(reasons) .. '\\n' .. alert, 'PX', ARGV[6])
local lo = '[' .. ARGV[3] .. '\\0'
local hi = '(' .. ARGV[3] .. '\\1'
for _, m in ipairs(redis.call('ZRANGEBYLEX', KEYS[2], lo, hi)) do
  if string.match(m, '^[^%z]*%z[^%z]*%z([^%z]*)%z') == ARGV[5] then return 0 end
end
redis.call('ZADD', KEYS[2], 0, ARGV[3] .. '\\0' .. ARGV[4] .. '\\0' .. ARGV[5] .. '\\0' .. mask)
local over = redis.call('ZLEXCOUNT', KEYS[2], lo, hi) - tonumber(ARGV[7])
if over > 0 then
  for _, m in ipairs(redis.call('ZRANGEBYLEX', KEYS[2], lo, hi, 'LIMIT', 0, over)) do redis.call('ZREM', KEYS[2], m) end
  return over
end
return 0`;

/** The stored form of an alert record (see PUT). */
export function recordText(reasons: string[], alertJson: string): string {
  return `${JSON.stringify(reasons)}\n${alertJson}`;
}

/** Alert records read recently: a broadcast reads the same record for every chat it reaches. */
const RECORD_CACHE = 256;

export function createOutbox(redis: Redis, keys: Keys, log: Logger): Outbox {
  const k = outboxKeys(keys);
  const cache = new Map<string, AlertRecord | null>();

  async function records(refs: string[]): Promise<Map<string, AlertRecord | null>> {
    const out = new Map<string, AlertRecord | null>();
    const missing = refs.filter((r) => {
      const hit = cache.get(r);
      if (hit) out.set(r, hit);
      return !hit;
    });
    if (missing.length) {
      const raws = await redis.mget(...missing.map(k.alert));
      missing.forEach((ref, i) => {
        const rec = parseRecord(raws[i] ?? null);
        out.set(ref, rec);
        if (!rec) return;
        if (cache.size >= RECORD_CACHE) cache.delete(cache.keys().next().value!);
        cache.set(ref, rec);
      });
    }
    return out;
  }

  /** Members → items; members whose alert is gone or broken map to null, to be removed. */
  async function itemsOf(members: string[]): Promise<Map<string, OutboxItem | null>> {
    const parts = members.map((m) => m.split(SEP));
    const recs = await records([...new Set(parts.map((p) => p[2]!))]);
    const out = new Map<string, OutboxItem | null>();
    parts.forEach((p, i) => {
      const rec = recs.get(p[2]!);
      const mask = Number(p[3]);
      const matched = rec ? rec.reasons.filter((_, b) => mask & (1 << b)) : [];
      out.set(members[i]!, rec && matched.length ? { alert: rec.alert, matched } : null);
    });
    return out;
  }

  async function dropBad(platform: Platform, bad: string[]) {
    if (!bad.length) return;
    log.error({ platform, members: bad.length }, "outbox entries whose alert is gone or broken removed");
    await redis.zrem(k.pending(platform), ...bad);
  }

  const outbox: Outbox = {
    async put(chat, item) {
      const ref = alertRef(item.alert.id);
      const dropped = Number(
        await redis.eval(
          PUT,
          2,
          k.alert(ref),
          k.pending(chat.platform),
          JSON.stringify(item.alert),
          JSON.stringify(item.matched),
          chat.id,
          Date.now().toString(36).padStart(9, "0"),
          ref,
          TTL_MS,
          MAX_WAITING,
        ),
      );
      cache.delete(ref);
      if (dropped) log.warn({ chat, dropped }, "outbox full: oldest waiting alerts dropped");
    },
    async peek(chat, max) {
      return (await outbox.peekMany(chat.platform, [chat.id], max)).get(chat.id) ?? [];
    },
    async peekMany(platform, chatIds, max) {
      const key = k.pending(platform);
      const pipe = redis.pipeline();
      for (const id of chatIds) pipe.zrangebylex(key, ...chatRange(id), "LIMIT", 0, max);
      const rows = (await pipe.exec()) ?? [];
      const out = new Map<string, OutboxItem[]>();
      const per = rows.map(([err, members]) => {
        if (err) throw err;
        return members as string[];
      });
      const all = per.flat();
      if (!all.length) return out;
      const items = await itemsOf(all);
      const bad: string[] = [];
      per.forEach((members, i) => {
        const good: OutboxItem[] = [];
        for (const m of members) {
          const item = items.get(m);
          if (item) good.push(item);
          else bad.push(m);
        }
        if (good.length) out.set(chatIds[i]!, good);
      });
      await dropBad(platform, bad);
      return out;
    },
    async remove(chat, ids) {
      if (!ids.length) return;
      await redis.eval(REMOVE, 1, k.pending(chat.platform), ...chatRange(chat.id), ...ids.map(alertRef));
    },
    async markSent(chat, ids) {
      const range = chatRange(chat.id);
      return Number(await redis.eval(SENT, 1, k.pending(chat.platform), ...range, ...ids.map(alertRef)));
    },
    size: (chat) => redis.zlexcount(k.pending(chat.platform), ...chatRange(chat.id)),
    async lock(chat, ms, owner) {
      const token = owner ? `job:${owner}` : randomUUID();
      return Number(await redis.eval(LOCK, 1, k.lock(chat), token, ms)) === 1 ? token : null;
    },
    async unlock(chat, token) {
      await redis.eval(UNLOCK, 1, k.lock(chat), token);
    },
  };
  return outbox;
}

function parseRecord(raw: string | null): AlertRecord | null {
  if (!raw) return null;
  const nl = raw.indexOf("\n");
  if (nl < 0) return null;
  try {
    const reasons = JSON.parse(raw.slice(0, nl)) as unknown;
    const alert = RumourEventSchema.safeParse(JSON.parse(raw.slice(nl + 1)));
    if (!alert.success || !Array.isArray(reasons)) return null;
    return { alert: alert.data, reasons: reasons.filter((r): r is string => typeof r === "string") };
  } catch {
    return null;
  }
}
