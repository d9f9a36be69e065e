import type { Keys, Redis } from "../redis.js";
import { type ChatAddress, chatString } from "./chat-address.js";

export type Lang = "it" | "en";

/** A chat's preferences; what `settings()` returns for a chat that never set any is DEFAULT_SETTINGS. */
export interface ChatSettings {
  lang: Lang;
  /** IANA zone of the chat's times (digest and quiet hours). */
  zone: string;
  /** Local time of the daily digest, or null when the chat turned it off. */
  digest: string | null;
  /** Quiet hours (local), or null. */
  quiet: { from: string; to: string } | null;
}

/** New chats: a digest at 09:00 Europe/Rome, in Italian, no quiet hours. */
export const DEFAULT_SETTINGS: ChatSettings = {
  lang: "it",
  zone: "Europe/Rome",
  digest: "09:00",
  quiet: null,
};

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
 * pausedAt); `chat:paused` set of paused chats; `chat:quiet` set of chats with quiet hours, and
 * `chat:quiet:indexed` once that set holds every chat that set them before it existed.
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
   * Settings of those of the chats that have quiet hours, keyed by chatString: one call for the lot, then
   * a read for each chat that has them (few do). What fanout needs, a thousand chats at a time.
   */
  quietAmong(chats: ChatAddress[]): Promise<Map<string, ChatSettings>>;
  /** Sets the digest time (null: off) and, when given, the chat's time zone. */
  setDigest(chat: ChatAddress, time: string | null, zone?: string): Promise<void>;
  setQuiet(chat: ChatAddress, quiet: { from: string; to: string } | null): Promise<void>;
  lastDigestAt(chat: ChatAddress): Promise<Date | null>;
  setLastDigestAt(chat: ChatAddress, at: Date): Promise<void>;
  /** Moves the state to a new chat id (Telegram group → supergroup). */
  moveChat(from: ChatAddress, to: ChatAddress): Promise<void>;
}

const SETTING_FIELDS = ["lang", "zone", "digest", "quietFrom", "quietTo"] as const;

function toSettings(values: (string | null)[]): ChatSettings {
  const [lang, zone, digest, quietFrom, quietTo] = values;
  return {
    lang: lang === "en" || lang === "it" ? lang : DEFAULT_SETTINGS.lang,
    zone: zone ?? DEFAULT_SETTINGS.zone,
    digest: digest === "off" ? null : (digest ?? DEFAULT_SETTINGS.digest),
    quiet: quietFrom && quietTo ? { from: quietFrom, to: quietTo } : null,
  };
}

export function createChatStateStore(redis: Redis, keys: Keys): ChatStateStore {
  const stateKey = (chat: ChatAddress) => keys.key("chat", chatString(chat), "state");
  const pausedSet = keys.key("chat", "paused");
  const quietSet = keys.key("chat", "quiet");
  const quietIndexed = keys.key("chat", "quiet", "indexed");
  const statePattern = keys.key("chat", "*", "state");
  let indexing: Promise<void> | undefined;
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
      if (quiet)
        await redis
          .multi()
          .hset(stateKey(chat), { quietFrom: quiet.from, quietTo: quiet.to })
          .sadd(quietSet, chatString(chat))
          .exec();
      else
        await redis
          .multi()
          .hdel(stateKey(chat), "quietFrom", "quietTo")
          .srem(quietSet, chatString(chat))
          .exec();
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
      if (keep.quietFrom) m.sadd(quietSet, chatString(to));
      await m.exec();
    },
  };
}
