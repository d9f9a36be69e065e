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
      const it = lang === "it";
      const ref = arg.trim();
      if (!ref) {
        const current = await targets.get(userId);
        if (current) {
          return it
            ? `I comandi agiscono su ${current.title}. /channel off per tornare a questa chat.`
            : `Commands act on ${current.title}. /channel off to come back to this chat.`;
        }
        return it
          ? "Per un canale: aggiungimi come amministratore che può pubblicare, poi scrivi /channel @nomecanale."
          : "For a channel: add me as an admin who can post, then send /channel @channelname.";
      }
      if (/^(off|stop|me|esci)$/i.test(ref)) {
        await deps.redis.del(key(userId));
        return it ? "I comandi agiscono di nuovo su questa chat." : "Commands act on this chat again.";
      }
      if (!/^(@[A-Za-z0-9_]{4,32}|-100\d{5,15})$/.test(ref)) {
        return it
          ? "Uso: /channel @nomecanale (oppure /channel off)"
          : "Usage: /channel @channelname (or /channel off)";
      }
      const chat = await deps.api.getChat(ref).catch(() => null);
      if (chat?.type !== "channel") {
        return it
          ? `Non vedo il canale ${ref}. Aggiungimi come amministratore che può pubblicare, poi riprova.`
          : `I can't see the channel ${ref}. Add me as an admin who can post, then try again.`;
      }
      const title = chat.username ? `@${chat.username}` : chat.title;
      if (!(await deps.admins.botCanPost(chat.id))) {
        return it
          ? `Rendimi amministratore di ${title} con il permesso di pubblicare, poi riprova.`
          : `Make me an admin of ${title} allowed to post messages, then try again.`;
      }
      if (!(await deps.admins.isAdmin(chat.id, userId))) {
        return it
          ? `Solo gli amministratori di ${title} possono farlo.`
          : `Only admins of ${title} can do that.`;
      }
      const target: ChannelTarget = { id: String(chat.id), title };
      await deps.redis.set(key(userId), JSON.stringify(target), "EX", TARGET_TTL_S);
      return it
        ? `Ora /watch, /follow e /list agiscono su ${title}. /channel off per tornare qui.`
        : `Now /watch, /follow and /list act on ${title}. /channel off to come back here.`;
    },
  };
  return targets;
}
