import type { Keys, Redis } from "../redis.js";
import { cleanLine } from "../text/clean-text.js";
import { type ChatAddress, chatString, parseChatString } from "./chat-address.js";
import { subscriptionKey } from "./subscription-key.js";

/** A watched player as the chat sees him. */
export interface WatchedPlayer {
  key: string;
  name: string;
}

export interface ChatSubscriptions {
  players: WatchedPlayer[];
  clubs: string[];
}

export type AddResult = "added" | "exists" | "full";

/**
 * Who watches which player and follows which club.
 *
 * Layout: one hash per chat (`sub:chat:<chat>`, fields `p:<playerKey>` and `c:<clubKey>`) holds what the
 * chat sees; inverted sets `sub:player:<key>` and `sub:club:<key>` hold the chats, so fanout reads only the
 * subscribers of one player or club, never every chat. The hash's size is the chat's cap.
 */
export interface SubscriptionStore {
  /** How many players and clubs together one chat may follow. */
  readonly maxPerChat: number;
  watch(chat: ChatAddress, player: WatchedPlayer): Promise<AddResult>;
  unwatch(chat: ChatAddress, key: string): Promise<boolean>;
  follow(chat: ChatAddress, club: string): Promise<AddResult>;
  unfollow(chat: ChatAddress, club: string): Promise<boolean>;
  list(chat: ChatAddress): Promise<ChatSubscriptions>;
  watchersOf(playerKey: string): Promise<ChatAddress[]>;
  followersOf(club: string): Promise<ChatAddress[]>;
  /** Moves every subscription of one chat to another (Telegram group → supergroup). */
  moveChat(from: ChatAddress, to: ChatAddress): Promise<void>;
  /** How many chats the sets hold together (a chat in two sets counts twice). */
  audience(sets: SubscriberSet[]): Promise<number>;
  /**
   * One step of walking a set (SSCAN): about `count` chats as `platform:id` and the cursor to go on from,
   * "0" at the end. A chat may come twice when the set changes meanwhile.
   */
  scan(set: SubscriberSet, cursor: string, count: number): Promise<{ cursor: string; chats: string[] }>;
  /** For each chat (`platform:id`), whether the set holds it; one call per set, however large. */
  memberOf(set: SubscriberSet, chats: string[]): Promise<boolean[]>;
}

/** The watchers of one player or the followers of one club. */
export type SubscriberSet = { player: string } | { club: string };

// Adds one entry unless present or the chat is full; keeps the hash and the inverted set in step.
const ADD_SCRIPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
if redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[4]) then return -1 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
return 1`;

const REMOVE_SCRIPT = `
local n = redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('SREM', KEYS[2], ARGV[2])
return n`;

/** Club identity in keys: the folded canonical name ("Bayern Munich" → "bayern-munich"). */
export const clubKey = subscriptionKey;

/** An empty key would be shared by every name that folds to nothing: refuse it loudly. */
function checkedKey(key: string): string {
  if (!key) throw new Error("empty subscription key");
  return key;
}

export function createSubscriptionStore(
  redis: Redis,
  keys: Keys,
  opts: { maxPerChat: number },
): SubscriptionStore {
  const chatKey = (chat: ChatAddress) => keys.key("sub", "chat", chatString(chat));
  const playerSet = (key: string) => keys.key("sub", "player", key);
  const clubSet = (club: string) => keys.key("sub", "club", clubKey(club));

  async function add(chat: ChatAddress, field: string, value: string, set: string): Promise<AddResult> {
    const r = Number(
      await redis.eval(ADD_SCRIPT, 2, chatKey(chat), set, field, value, chatString(chat), opts.maxPerChat),
    );
    return r === 1 ? "added" : r === 0 ? "exists" : "full";
  }
  async function remove(chat: ChatAddress, field: string, set: string): Promise<boolean> {
    return Number(await redis.eval(REMOVE_SCRIPT, 2, chatKey(chat), set, field, chatString(chat))) > 0;
  }
  const members = async (set: string) => (await redis.smembers(set)).map(parseChatString);
  const setKey = (s: SubscriberSet) => ("player" in s ? playerSet(s.player) : clubSet(s.club));

  const store: SubscriptionStore = {
    maxPerChat: opts.maxPerChat,
    watch: (chat, p) => add(chat, `p:${checkedKey(p.key)}`, cleanLine(p.name), playerSet(p.key)),
    unwatch: (chat, key) => remove(chat, `p:${key}`, playerSet(key)),
    follow: (chat, club) => add(chat, `c:${checkedKey(clubKey(club))}`, cleanLine(club), clubSet(club)),
    unfollow: (chat, club) => remove(chat, `c:${clubKey(club)}`, clubSet(club)),
    async list(chat) {
      const all = await redis.hgetall(chatKey(chat));
      const players: WatchedPlayer[] = [];
      const clubs: string[] = [];
      for (const [field, value] of Object.entries(all)) {
        if (field.startsWith("p:")) players.push({ key: field.slice(2), name: value });
        else if (field.startsWith("c:")) clubs.push(value);
      }
      players.sort((a, b) => a.name.localeCompare(b.name));
      clubs.sort((a, b) => a.localeCompare(b));
      return { players, clubs };
    },
    async audience(sets) {
      const pipe = redis.pipeline();
      for (const set of sets) pipe.scard(setKey(set));
      return ((await pipe.exec()) ?? []).reduce((n, [, v]) => n + Number(v ?? 0), 0);
    },
    async scan(set, cursor, count) {
      const [next, chats] = await redis.sscan(setKey(set), cursor, "COUNT", count);
      return { cursor: next, chats };
    },
    async memberOf(set, chats) {
      if (!chats.length) return [];
      return (await redis.smismember(setKey(set), ...chats)).map((v) => v === 1);
    },
    watchersOf: (key) => members(playerSet(key)),
    followersOf: (club) => members(clubSet(club)),
    async moveChat(from, to) {
      const subs = await store.list(from);
      for (const p of subs.players) {
        await store.watch(to, p);
        await store.unwatch(from, p.key);
      }
      for (const c of subs.clubs) {
        await store.follow(to, c);
        await store.unfollow(from, c);
      }
    },
  };
  return store;
}
