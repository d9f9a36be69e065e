import type { Keys, Redis } from "../redis.js";
import { type ChatAddress, chatString } from "./chat-address.js";

export type Lang = "it" | "en";

/** Why a chat gets nothing for now; its subscriptions stay. */
export interface PauseInfo {
  reason: string;
  at: string;
}

/**
 * Per-chat state that is not a subscription: the language the chat speaks and whether delivery to it is
 * paused (the bot was blocked, kicked, or lost access). A paused chat keeps its subscriptions and comes
 * back when the platform says the bot may write there again.
 *
 * Keys: `chat:<chat>:state` hash (lang, pausedReason, pausedAt); `chat:paused` set of paused chats.
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
  /** Moves the state to a new chat id (Telegram group → supergroup). */
  moveChat(from: ChatAddress, to: ChatAddress): Promise<void>;
}

export function createChatStateStore(redis: Redis, keys: Keys): ChatStateStore {
  const stateKey = (chat: ChatAddress) => keys.key("chat", chatString(chat), "state");
  const pausedSet = keys.key("chat", "paused");
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
    async moveChat(from, to) {
      const state = await redis.hgetall(stateKey(from));
      const m = redis.multi().del(stateKey(from)).srem(pausedSet, chatString(from));
      const { pausedReason: _r, pausedAt: _a, ...keep } = state;
      if (Object.keys(keep).length) m.hset(stateKey(to), keep);
      await m.exec();
    },
  };
}
