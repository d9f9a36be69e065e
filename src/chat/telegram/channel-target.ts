/**
 * How a channel gets alerts. Nobody can run a command inside a channel (only posts exist there, seen by
 * every subscriber), so an admin talks to the bot in a private chat and names the channel:
 *
 *   /channel @mercato_news   → from now on /watch, /follow, /list… act on @mercato_news
 *   /channel off             → back to the private chat's own alerts
 *
 * It works when the user is an admin of the channel and the bot is an admin allowed to post there, both
 * checked with getChatMember (cached briefly) when naming the channel and again on every command. The
 * choice is kept per user in Redis (`tg:target:<user>`) for an hour after its last use.
 */
import type { Api } from "grammy";
import type { Lang } from "../../../commands/types.js";
import type { Keys, Redis } from "../../redis.js";
import { messages } from "../messages/index.js";
import type { ChatAdmins } from "./chat-admins.js";

const TARGET_TTL_S = 3600;

/** The channel a user's private commands act on. */
export interface ChannelTarget {
  id: string;
  title: string;
}

export interface ChannelTargets {
  /** The channel this user's commands currently act on, if any (refreshes its hour). */
  get(userId: number): Promise<ChannelTarget | null>;
  /** Handles `/channel [@name | id | off]` in a private chat; returns the reply. */
  handle(userId: number, arg: string, lang: Lang): Promise<string>;
}

export function createChannelTargets(deps: {
  api: Api;
  redis: Redis;
  keys: Keys;
  admins: ChatAdmins;
}): ChannelTargets {
  const key = (userId: number) => deps.keys.key("tg", "target", String(userId));
  const targets: ChannelTargets = {
    async get(userId) {
      const raw = await deps.redis.getex(key(userId), "EX", TARGET_TTL_S);
      return raw ? (JSON.parse(raw) as ChannelTarget) : null;
    },
    async handle(userId, arg, lang) {
      const m = messages(lang).channel;
      const ref = arg.trim();
      if (!ref) {
        const current = await targets.get(userId);
        return current ? m.current(current.title) : m.how;
      }
      if (/^(off|stop|me|esci)$/i.test(ref)) {
        await deps.redis.del(key(userId));
        return m.back;
      }
      if (!/^(@[A-Za-z0-9_]{4,32}|-100\d{5,15})$/.test(ref)) return m.usage;
      const chat = await deps.api.getChat(ref).catch(() => null);
      if (chat?.type !== "channel") return m.notSeen(ref);
      const title = chat.username ? `@${chat.username}` : chat.title;
      if (!(await deps.admins.botCanPost(chat.id))) return m.cannotPost(title);
      if (!(await deps.admins.isAdmin(chat.id, userId))) return m.adminsOnly(title);
      const target: ChannelTarget = { id: String(chat.id), title };
      await deps.redis.set(key(userId), JSON.stringify(target), "EX", TARGET_TTL_S);
      return m.set(title);
    },
  };
  return targets;
}
