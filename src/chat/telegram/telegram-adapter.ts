import { createHash } from "node:crypto";
import type { Api } from "grammy";
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
 * buttons; the bot-wide limit as the deliver queue's limiter; per-chat and per-group limits in Redis;
 * every Bot API error classified into a DeliveryError (see classifyTelegramError).
 */
export function createTelegramAdapter(deps: TelegramAdapterDeps): ChatAdapter {
  const partsKey = (chat: ChatAddress, ids: string[]) =>
    deps.keys.key(
      "tg",
      "parts",
      chat.id,
      createHash("sha256").update(ids.join("\n")).digest("base64url").slice(0, 16),
    );

  return {
    platform: "telegram",
    limiter: TELEGRAM_BOT_LIMITER,
    reserve: (chat) => deps.limits.reserve(chat),
    async send(message) {
      const { chat, items } = message;
      const lang = (await deps.chatState.lang(chat)) ?? deps.defaultLang;
      const { chunks, leadUrl } = renderTelegramMessage(message, lang);
      const keyboard = alertKeyboard(items, lang);
      await deps.sources.save(items, lang);
      // A split message (rare: over 4096 characters) is several sends; remember the parts already out
      // so that a retry after a failure in the middle does not repeat them.
      const split = chunks.length > 1;
      const progress = split
        ? partsKey(
            chat,
            items.map((i) => i.alert.id),
          )
        : "";
      const first = split ? Number(await deps.redis.get(progress)) || 0 : 0;
      for (let i = first; i < chunks.length; i++) {
        // The deliver job reserved the first send; later parts wait for their own slot.
        if (i > first) await deps.limits.reserveWaiting(chat, MAX_PART_WAIT_MS);
        try {
          await deps.api.sendMessage(chat.id, chunks[i]!, {
            parse_mode: "HTML",
            link_preview_options:
              i === 0 && leadUrl ? { url: leadUrl, prefer_small_media: true } : { is_disabled: true },
            ...(i === chunks.length - 1 && keyboard ? { reply_markup: keyboard } : {}),
          });
        } catch (err) {
          const e = classifyTelegramError(err);
          deps.log.debug({ chat: chatString(chat), code: e.code, err: e.message }, "telegram send failed");
          throw e;
        }
        if (split) await deps.redis.set(progress, String(i + 1), "PX", PARTS_TTL_MS);
      }
    },
  };
}
