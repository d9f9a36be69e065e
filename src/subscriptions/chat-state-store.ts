import type { Keys, Redis } from "../redis.js";
import { STAGES, type Stage } from "../understand/types.js";
import { type ChatAddress, chatString } from "./chat-address.js";

export type Lang = "it" | "en";

/** The least an alert must be to ring: a stage (and beyond) and a credibility (1 ★ … 3 ★★★). */
export interface AlertFilter {
  stage: Stage;
  credibility: 1 | 2 | 3;
}

/** Filters for alerts a chat gets because it watches the player, and because it follows a club. */
export interface ChatFilters {
  players: AlertFilter | null;
  clubs: AlertFilter | null;
}

/** A chat's preferences; what `settings()` returns for a chat that never set any is DEFAULT_SETTINGS. */
export interface ChatSettings {
  lang: Lang;
  /** IANA zone of the chat's times (digest and quiet hours). */
  zone: string;
  /** Local time of the daily digest, or null when the chat turned it off. */
  digest: string | null;
  /** Quiet hours (local), or null. */
  quiet: { from: string; to: string } | null;
  /** Pushes paused by the chat (/pause): until when (ISO), "open" until /resume, or null. */
  holdUntil: string | null;
  filters: ChatFilters;
}

/** New chats: a digest at 09:00 Europe/Rome, in Italian, no quiet hours, no pause, no filters. */
export const DEFAULT_SETTINGS: ChatSettings = {
  lang: "it",
  zone: "Europe/Rome",
  digest: "09:00",
  quiet: null,
  holdUntil: null,
  filters: { players: null, clubs: null },
};

/** "talks:2" ⇄ { stage: "talks", credibility: 2 }: how a filter sits in the state hash. */
export function filterText(f: AlertFilter): string {
  return `${f.stage}:${f.credibility}`;
}
function parseFilter(v: string | null | undefined): AlertFilter | null {
  const [stage, cred] = (v ?? "").split(":");
  const n = Number(cred);
  return STAGES.includes(stage as Stage) && (n === 1 || n === 2 || n === 3)
    ? { stage: stage as Stage, credibility: n }
    : null;
}

/** Whether a pause stored as `holdUntil` still holds at `now`. */
export function isHolding(holdUntil: string | null, now: Date): boolean {
  return holdUntil === "open" || (holdUntil !== null && Date.parse(holdUntil) > now.getTime());
}

/** Why a chat gets nothing for now; its subscriptions stay. */
export interface PauseInfo {
  reason: string;
  at: string;
}

/**
 * Per-chat state that is not a subscription: settings (language, time zone, digest time, quiet hours),
 * when its last digest went out, and whether delivery to it is paused (the bot was blocked, kicked, or
 * lost access). A paused chat keeps its subscriptions and comes back when the platform says the bot may
 * write there again.
 *
 * Keys: `chat:<chat>:state` hash (lang, zone, digest, quietFrom, quietTo, lastDigestAt, pausedReason,
 * pausedAt, holdUntil, filterPlayers, filterClubs, since); `chat:paused` set of chats the platform
 * stopped; `chat:quiet` set of chats with quiet hours, a /pause or filters (the name predates the last
 * two), and `chat:quiet:indexed` once that set holds every chat that set quiet hours before it existed.
 * `pause`/`resume` are the platform's doing (blocked, kicked); `holdPushes`/`releasePushes` the chat's
 * own /pause, which holds alerts for the digest instead of skipping the chat.
 */
export interface ChatStateStore {
  pause(chat: ChatAddress, reason: string, at: Date): Promise<void>;
  /** @returns true when the chat was paused. */
  resume(chat: ChatAddress): Promise<boolean>;
  paused(chat: ChatAddress): Promise<PauseInfo | null>;
  /** Of the given chats, those that are paused (one round trip). */
  pausedAmong(chats: ChatAddress[]): Promise<Set<string>>;
  lang(chat: ChatAddress): Promise<Lang | null>;
  setLang(chat: ChatAddress, lang: Lang): Promise<void>;
  /** The chat's settings, defaults filled in. */
  settings(chat: ChatAddress): Promise<ChatSettings>;
  /** Settings of many chats in one round trip, keyed by chatString. */
  settingsAmong(chats: ChatAddress[]): Promise<Map<string, ChatSettings>>;
  /**
   * Settings of those of the chats that have quiet hours, a pause or filters, keyed by chatString: one
   * call for the lot, then a read for each chat that has them (few do). What fanout needs, a thousand
   * chats at a time.
   */
  quietAmong(chats: ChatAddress[]): Promise<Map<string, ChatSettings>>;
  /** Sets the digest time (null: off) and, when given, the chat's time zone. */
  setDigest(chat: ChatAddress, time: string | null, zone?: string): Promise<void>;
  setQuiet(chat: ChatAddress, quiet: { from: string; to: string } | null): Promise<void>;
  /** Pauses pushes until `until` (null: until /resume); they are held for the digest meanwhile. */
  holdPushes(chat: ChatAddress, until: Date | null): Promise<void>;
  /** Ends a /pause. @returns true when the chat had one that still held. */
  releasePushes(chat: ChatAddress, now: Date): Promise<boolean>;
  setFilter(chat: ChatAddress, scope: keyof ChatFilters, filter: AlertFilter | null): Promise<void>;
  /** When the chat first subscribed to something (set once, cleared when it follows nothing again). */
  subscribedSince(chat: ChatAddress): Promise<Date | null>;
  markSubscribed(chat: ChatAddress, at: Date): Promise<void>;
  clearSubscribed(chat: ChatAddress): Promise<void>;
  lastDigestAt(chat: ChatAddress): Promise<Date | null>;
  setLastDigestAt(chat: ChatAddress, at: Date): Promise<void>;
  /** Moves the state to a new chat id (Telegram group → supergroup). */
  moveChat(from: ChatAddress, to: ChatAddress): Promise<void>;
}

const SETTING_FIELDS = [
  "lang",
  "zone",
  "digest",
  "quietFrom",
  "quietTo",
  "holdUntil",
  "filterPlayers",
  "filterClubs",
] as const;

function toSettings(values: (string | null)[]): ChatSettings {
  const [lang, zone, digest, quietFrom, quietTo, holdUntil, filterPlayers, filterClubs] = values;
  return {
    lang: lang === "en" || lang === "it" ? lang : DEFAULT_SETTINGS.lang,
    zone: zone ?? DEFAULT_SETTINGS.zone,
    digest: digest === "off" ? null : (digest ?? DEFAULT_SETTINGS.digest),
    quiet: quietFrom && quietTo ? { from: quietFrom, to: quietTo } : null,
    holdUntil: holdUntil ?? null,
    filters: { players: parseFilter(filterPlayers), clubs: parseFilter(filterClubs) },
  };
}

/**
 * Sets and deletes fields of a chat's state, then keeps the chat in the rules set exactly while it has
 * quiet hours, a pause or a filter: fanout reads full settings only for the chats in that set.
 * KEYS: state hash, rules set. ARGV: chat, number of pairs to set, field, value…, fields to delete…
 */
const SET_RULES = `
local n = tonumber(ARGV[2])
for i = 3, 2 + n * 2, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
for i = 3 + n * 2, #ARGV do redis.call('HDEL', KEYS[1], ARGV[i]) end
local any = 0
for _, f in ipairs({'quietFrom', 'holdUntil', 'filterPlayers', 'filterClubs'}) do
  any = any + redis.call('HEXISTS', KEYS[1], f)
end
if any > 0 then redis.call('SADD', KEYS[2], ARGV[1]) else redis.call('SREM', KEYS[2], ARGV[1]) end
return any`;

export function createChatStateStore(redis: Redis, keys: Keys): ChatStateStore {
  const stateKey = (chat: ChatAddress) => keys.key("chat", chatString(chat), "state");
  const pausedSet = keys.key("chat", "paused");
  const quietSet = keys.key("chat", "quiet");
  const quietIndexed = keys.key("chat", "quiet", "indexed");
  const statePattern = keys.key("chat", "*", "state");
  let indexing: Promise<void> | undefined;
  const rules = async (chat: ChatAddress, set: Record<string, string>, del: string[]) => {
    const pairs = Object.entries(set).flat();
    await redis.eval(
      SET_RULES,
      2,
      stateKey(chat),
      quietSet,
      chatString(chat),
      pairs.length / 2,
      ...pairs,
      ...del,
    );
  };
  /** Chats that set quiet hours before the set existed join it once, in a walk over the state keys. */
  const indexQuiet = async () => {
    if (await redis.exists(quietIndexed)) return;
    const prefix = keys.key("chat", "");
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", statePattern, "COUNT", 1000);
      cursor = next;
      if (!found.length) continue;
      const pipe = redis.pipeline();
      for (const k of found) pipe.hexists(k, "quietFrom");
      const rows = (await pipe.exec()) ?? [];
      const chats = found
        .filter((_, i) => rows[i]?.[1] === 1)
        .map((k) => k.slice(prefix.length, -":state".length));
      if (chats.length) await redis.sadd(quietSet, ...chats);
    } while (cursor !== "0");
    await redis.set(quietIndexed, "1");
  };
  return {
    async pause(chat, reason, at) {
      await redis
        .multi()
        .hset(stateKey(chat), { pausedReason: reason.slice(0, 300), pausedAt: at.toISOString() })
        .sadd(pausedSet, chatString(chat))
        .exec();
    },
    async resume(chat) {
      const [[, removed] = []] = (await redis
        .multi()
        .srem(pausedSet, chatString(chat))
        .hdel(stateKey(chat), "pausedReason", "pausedAt")
        .exec()) as [Error | null, number][];
      return Number(removed) > 0;
    },
    async paused(chat) {
      const [reason, at] = await redis.hmget(stateKey(chat), "pausedReason", "pausedAt");
      return reason && at ? { reason, at } : null;
    },
    async pausedAmong(chats) {
      if (!chats.length) return new Set();
      const ids = chats.map(chatString);
      const flags = await redis.smismember(pausedSet, ...ids);
      return new Set(ids.filter((_, i) => flags[i] === 1));
    },
    async lang(chat) {
      const l = await redis.hget(stateKey(chat), "lang");
      return l === "it" || l === "en" ? l : null;
    },
    async setLang(chat, lang) {
      await redis.hset(stateKey(chat), "lang", lang);
    },
    async settings(chat) {
      return toSettings(await redis.hmget(stateKey(chat), ...SETTING_FIELDS));
    },
    async settingsAmong(chats) {
      const pipe = redis.pipeline();
      for (const c of chats) pipe.hmget(stateKey(c), ...SETTING_FIELDS);
      const rows = (await pipe.exec()) ?? [];
      return new Map(
        chats.map((c, i) => [chatString(c), toSettings((rows[i]?.[1] as (string | null)[]) ?? [])]),
      );
    },
    async quietAmong(chats) {
      if (!chats.length) return new Map();
      indexing ??= indexQuiet().catch((err) => {
        indexing = undefined;
        throw err;
      });
      await indexing;
      const ids = chats.map(chatString);
      const flags = await redis.smismember(quietSet, ...ids);
      const quiet = chats.filter((_, i) => flags[i] === 1);
      return quiet.length ? this.settingsAmong(quiet) : new Map();
    },
    async setDigest(chat, time, zone) {
      await redis.hset(stateKey(chat), { digest: time ?? "off", ...(zone ? { zone } : {}) });
    },
    async setQuiet(chat, quiet) {
      if (quiet) await rules(chat, { quietFrom: quiet.from, quietTo: quiet.to }, []);
      else await rules(chat, {}, ["quietFrom", "quietTo"]);
    },
    async holdPushes(chat, until) {
      await rules(chat, { holdUntil: until ? until.toISOString() : "open" }, []);
    },
    async releasePushes(chat, now) {
      const was = await redis.hget(stateKey(chat), "holdUntil");
      await rules(chat, {}, ["holdUntil"]);
      return isHolding(was, now);
    },
    async setFilter(chat, scope, filter) {
      const field = scope === "players" ? "filterPlayers" : "filterClubs";
      if (filter) await rules(chat, { [field]: filterText(filter) }, []);
      else await rules(chat, {}, [field]);
    },
    async subscribedSince(chat) {
      const v = await redis.hget(stateKey(chat), "since");
      return v ? new Date(v) : null;
    },
    async markSubscribed(chat, at) {
      await redis.hsetnx(stateKey(chat), "since", at.toISOString());
    },
    async clearSubscribed(chat) {
      await redis.hdel(stateKey(chat), "since");
    },
    async lastDigestAt(chat) {
      const v = await redis.hget(stateKey(chat), "lastDigestAt");
      return v ? new Date(v) : null;
    },
    async setLastDigestAt(chat, at) {
      await redis.hset(stateKey(chat), "lastDigestAt", at.toISOString());
    },
    async moveChat(from, to) {
      const state = await redis.hgetall(stateKey(from));
      const m = redis
        .multi()
        .del(stateKey(from))
        .srem(pausedSet, chatString(from))
        .srem(quietSet, chatString(from));
      const { pausedReason: _r, pausedAt: _a, ...keep } = state;
      if (Object.keys(keep).length) m.hset(stateKey(to), keep);
      if (keep.quietFrom || keep.holdUntil || keep.filterPlayers || keep.filterClubs)
        m.sadd(quietSet, chatString(to));
      await m.exec();
    },
  };
}
