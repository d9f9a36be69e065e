import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Lang } from "../../../commands/types.js";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { chatString } from "../../subscriptions/chat-address.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import type { ChatAdapter } from "../types.js";
import { alertKeyboard } from "./alert-keyboard.js";
import { classifyTelegramError } from "./classify-telegram-error.js";
import { renderTelegramMessage } from "./render-telegram.js";
import { renderTelegramDigest } from "./render-telegram-digest.js";
import type { SourcesStore } from "./sources-store.js";
import type { TelegramLimits } from "./telegram-limits.js";

/**
 * Telegram's bot-wide limit, about 30 messages per second, as the deliver queue's BullMQ limiter (it
 * holds across processes): 10 per 334 ms, i.e. 29.9/s. Not 30 per 1000 ms: BullMQ counts a job when it
 * starts and Telegram counts a message when it arrives, and a burst of 30 jobs reaches Telegram spread
 * over up to ~150 ms (measured against the fake); a second burst that arrives tighter than the first
 * then breaks the limit. Bursts of 10 leave 20 messages (~0.7 s) of slack in Telegram's one-second
 * budget, and 334 rather than 333 ms keeps the average under 30/s (bench/telegram-delivery.ts: no 429).
 */
export const TELEGRAM_BOT_LIMITER = { max: 10, duration: 334 } as const;

/** How long the second part of a split message may wait for its chat's slot (a group's minute). */
const MAX_PART_WAIT_MS = 65_000;
/** How long we remember which parts of a split message went out, so a retry sends only the rest. */
const PARTS_TTL_MS = 86_400_000;

export interface TelegramAdapterDeps {
  /** grammY's API client: sending needs no polling loop, so worker processes use only this. */
  api: Api;
  redis: Redis;
  keys: Keys;
  chatState: ChatStateStore;
  limits: TelegramLimits;
  sources: SourcesStore;
  log: Logger;
  /** The language of chats that never said theirs. */
  defaultLang: Lang;
}

/**
 * The Telegram ChatAdapter: alerts as HTML with the lead article's link preview and Unwatch/Sources
 * buttons, digests as HTML without previews; the bot-wide limit as the deliver queue's limiter; per-chat and per-group limits in Redis;
 * every Bot API error classified into a DeliveryError (see classifyTelegramError).
 */
export function createTelegramAdapter(deps: TelegramAdapterDeps): ChatAdapter {
  const langOf = async (chat: ChatAddress) => (await deps.chatState.lang(chat)) ?? deps.defaultLang;

  /**
   * Sends the parts of one message in order. A split message (rare: over 4096 characters) is several
   * sends; the parts already out are remembered under `id`, so a retry after a failure in the middle
   * does not repeat them. The deliver job reserved the first send; later parts wait for their own slot.
   */
  const sendParts = async (
    chat: ChatAddress,
    parts: string[],
    o: { id: string; leadUrl: string | null; keyboard?: InlineKeyboardMarkup },
  ) => {
    const split = parts.length > 1;
    const hash = createHash("sha256").update(o.id).digest("base64url").slice(0, 16);
    const progress = deps.keys.key("tg", "parts", chat.id, hash);
    const first = split ? Number(await deps.redis.get(progress)) || 0 : 0;
    for (let i = first; i < parts.length; i++) {
      if (i > first) await deps.limits.reserveWaiting(chat, MAX_PART_WAIT_MS);
      try {
        await deps.api.sendMessage(chat.id, parts[i]!, {
          parse_mode: "HTML",
          link_preview_options:
            i === 0 && o.leadUrl ? { url: o.leadUrl, prefer_small_media: true } : { is_disabled: true },
          ...(i === parts.length - 1 && o.keyboard ? { reply_markup: o.keyboard } : {}),
        });
      } catch (err) {
        const e = classifyTelegramError(err);
        deps.log.debug({ chat: chatString(chat), code: e.code, err: e.message }, "telegram send failed");
        throw e;
      }
      if (split) await deps.redis.set(progress, String(i + 1), "PX", PARTS_TTL_MS);
    }
  };

  return {
    platform: "telegram",
    limiter: TELEGRAM_BOT_LIMITER,
    reserve: (chat) => deps.limits.reserve(chat),
    async send(message) {
      const { chat, items } = message;
      const lang = await langOf(chat);
      const { chunks, leadUrl } = renderTelegramMessage(message, lang);
      await deps.sources.save(items, lang);
      await sendParts(chat, chunks, {
        id: items.map((i) => i.alert.id).join("\n"),
        leadUrl,
        keyboard: alertKeyboard(items, lang),
      });
    },
    async sendDigest({ chat, digest }) {
      const parts = renderTelegramDigest(digest, await langOf(chat));
      await sendParts(chat, parts, { id: `digest:${digest.until}`, leadUrl: null });
    },
  };
}
