import type { Api } from "grammy";
import type { ChatMember } from "grammy/types";
import type { Logger } from "../../log.js";
import type { Keys, Redis } from "../../redis.js";

/** How long an answer of getChatMember is trusted: short, so a demoted admin loses rights quickly. */
export const ADMIN_CACHE_MS = 60_000;

/** Telegram's user id for "the group itself" (an anonymous admin writing as the group). */
export const GROUP_ANONYMOUS_BOT_ID = 1087968824;

/**
 * Who may change a group's or channel's subscriptions, asked of Telegram with getChatMember and cached
 * briefly in Redis (shared by every process): `tg:admin:<chat>:<user>` = "1" | "0".
 */
export interface ChatAdmins {
  /** Whether the user is the creator or an administrator of the chat. False when Telegram won't say. */
  isAdmin(chatId: number | string, userId: number): Promise<boolean>;
  /** Whether the bot is an administrator of a channel allowed to post in it. */
  botCanPost(chatId: number | string): Promise<boolean>;
}

export function createChatAdmins(deps: {
  api: Api;
  redis: Redis;
  keys: Keys;
  log: Logger;
  botId: () => number;
}): ChatAdmins {
  const cached = async (chatId: number | string, userId: number, ask: (m: ChatMember) => boolean) => {
    const key = deps.keys.key("tg", "admin", String(chatId), String(userId));
    const hit = await deps.redis.get(key);
    if (hit !== null) return hit === "1";
    let ok = false;
    try {
      ok = ask(await deps.api.getChatMember(chatId, userId));
    } catch (err) {
      // Not a member, a channel that hides its members from a non-admin bot, a network error: not an admin.
      deps.log.debug({ chatId, userId, err: (err as Error).message }, "getChatMember failed");
    }
    await deps.redis.set(key, ok ? "1" : "0", "PX", ADMIN_CACHE_MS);
    return ok;
  };
  return {
    isAdmin: (chatId, userId) =>
      cached(chatId, userId, (m) => m.status === "creator" || m.status === "administrator"),
    botCanPost: (chatId) =>
      cached(chatId, deps.botId(), (m) => m.status === "administrator" && m.can_post_messages === true),
  };
}
