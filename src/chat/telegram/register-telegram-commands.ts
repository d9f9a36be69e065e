import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import { commands } from "../../../commands/index.js";
import type { Lang } from "../../../commands/types.js";

const LANGS: Lang[] = ["en", "it"];

/** The Telegram-only /channel command, offered in private chats (see channel-target.ts). */
const CHANNEL: Record<Lang, string> = {
  en: "Manage a channel's alerts (you and the bot must be its admins)",
  it: "Gestisci gli avvisi di un canale (tu e il bot dovete esserne admin)",
};

/** The command menu in one language, from the registry in commands/ (Telegram allows 256 characters). */
export function telegramCommandMenu(lang: Lang, privateChat: boolean): BotCommand[] {
  const menu = commands.map((c) => ({ command: c.name, description: c.description[lang].slice(0, 256) }));
  return privateChat ? [...menu, { command: "channel", description: CHANNEL[lang] }] : menu;
}

/**
 * Publishes the command menus with setMyCommands: Italian for users whose Telegram speaks Italian,
 * English for `en` and as the default for everyone else; private chats also list /channel.
 * Idempotent; run at start or from a deploy step.
 */
export async function registerTelegramCommands(api: Api): Promise<void> {
  for (const privateChat of [false, true]) {
    const scope = privateChat ? { type: "all_private_chats" as const } : { type: "default" as const };
    await api.setMyCommands(telegramCommandMenu("en", privateChat), { scope });
    for (const lang of LANGS) {
      await api.setMyCommands(telegramCommandMenu(lang, privateChat), { scope, language_code: lang });
    }
  }
}
