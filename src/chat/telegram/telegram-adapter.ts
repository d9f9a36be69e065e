import { createHash } from "node:crypto";
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Lang } from "../../../commands/types.js";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { chatString } from "../../subscriptions/chat-address.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import { type ChatAdapter, DeliveryError } from "../types.js";
import { alertKeyboard } from "./alert-keyboard.js";
import { classifyTelegramError } from "./classify-telegram-error.js";
import { renderTelegramMessage } from "./render-telegram.js";
import { renderTelegramDigest } from "./render-telegram-digest.js";
import type { SourcesStore } from "./sources-store.js";
import type { TelegramLimits } from "./telegram-limits.js";

/**
 * Longest wait for the bot-wide slot (telegram-limits.ts, per message in Redis) that a send sleeps
 * through; past it the send gives up its turn and the deliver queue is held that long instead.
 */
const MAX_GLOBAL_SLEEP_MS = 3000;
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
  /**
   * Sends with `allow_paid_broadcast` (TELEGRAM_PAID_BROADCAST): up to 1000 messages/s for 0.1 Telegram
   * Star a message; `limits` is then paced at the paid rate.
   */
  paidBroadcast?: boolean;
  /** PUBLIC_URL: alerts then get a "Timeline" button to their player's page. */
  publicUrl?: string;
}

/**
 * Deliver jobs one process runs at once: about a second of booked slots at the bot's pace, so the pace
 * never waits for a job to come, between 16 and 200.
 */
const concurrencyFor = (perSecond: number) => Math.min(200, Math.max(16, Math.ceil(perSecond)));

/**
 * The Telegram ChatAdapter: alerts as HTML with the lead article's link preview and Unwatch/Sources
 * buttons, digests as HTML without previews; every Bot API error classified into a DeliveryError (see
 * classifyTelegramError). Limits, all in Redis and shared by every process:
 * - the bot-wide ~30 messages/s (or the paid broadcast rate) per message: every sendMessage, later parts
 *   of a split message included, first takes a slot of the bot's pace (limits.takeGlobal), however many
 *   chats one deliver job covers;
 * - per chat and per group: `reserve(chat)`, taken by the deliver job before it sends;
 * - `limiter` is only a loose guard on job starts (4 × the pace): it is not what keeps the bot under its
 *   limit, but BullMQ applies a 429's hold on the whole queue (worker.rateLimit) only to a queue that
 *   has one.
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
      const full = await deps.limits.takeGlobal(MAX_GLOBAL_SLEEP_MS);
      if (full > 0)
        throw new DeliveryError("RATE_LIMITED", "telegram: the bot-wide pace is full", {
          retryAfterMs: full,
        });
      try {
        await deps.api.sendMessage(chat.id, parts[i]!, {
          parse_mode: "HTML",
          ...(deps.paidBroadcast ? { allow_paid_broadcast: true } : {}),
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
    concurrency: concurrencyFor(deps.limits.botPerSecond),
    limiter: { max: 4 * deps.limits.botPerSecond, duration: 1000 },
    reserve: (chat) => deps.limits.reserve(chat),
    async send(message) {
      const { chat, items } = message;
      const lang = await langOf(chat);
      const { chunks, leadUrl } = renderTelegramMessage(message, lang);
      await deps.sources.save(items, lang);
      await sendParts(chat, chunks, {
        id: items.map((i) => i.alert.id).join("\n"),
        leadUrl,
        keyboard: alertKeyboard(items, lang, deps.publicUrl),
      });
    },
    async sendDigest({ chat, digest }) {
      const parts = renderTelegramDigest(digest, await langOf(chat));
      await sendParts(chat, parts, { id: `digest:${digest.until}`, leadUrl: null });
    },
  };
}
