/**
 * Command replies on their way out: split at Telegram's 4096 characters, within the chat's limits
 * (1 a second, 20 a minute in groups) and the bot-wide pace (30 a second), both held in Redis and shared
 * with the alerts, and retried on 429 after `retry_after` and on network errors, so a busy group or a
 * burst of /start gets every reply instead of losing the ones Telegram refused.
 *
 * Sending runs beside the update handlers, not in them: a group's minute must not stall the updates
 * of every other chat. Replies to one chat keep their order. While Redis is away the chat limits are
 * kept in this process (and the bot-wide pace becomes REPLIES_PER_SECOND for the process), so
 * "temporarily unavailable" still goes out.
 */
import type { Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import { cleanText } from "../../text/clean-text.js";
import { splitText } from "../split-text.js";
import { classifyTelegramError } from "./classify-telegram-error.js";
import { MAX_MESSAGE_CHARS } from "./render-telegram.js";
import { TELEGRAM_LIMITS, type TelegramLimits } from "./telegram-limits.js";

/**
 * While Redis is away: the process's own pace for replies, below Telegram's 30 a second (alerts are not
 * sent meanwhile: the deliver queue lives in Redis).
 */
export const REPLIES_PER_SECOND = 20;
/** Longest booking asked of the bot-wide pace at once; a pace booked further ahead is waited out. */
const MAX_PACE_WAIT_MS = 60_000;
/** A reply still unsent after this long is given up (and logged): the person has moved on. */
const GIVE_UP_MS = 10 * 60_000;
/** Network and 5xx failures: retries, doubling from 1 s. */
const MAX_TRANSIENT_RETRIES = 5;

export interface ReplyOptions {
  /** The message answered (groups: the reply quotes it). */
  replyTo?: number;
  /** Forum topic the command came from. */
  threadId?: number;
  /** Buttons under the reply (its last part), e.g. a confirmation. */
  keyboard?: InlineKeyboardMarkup;
}

export interface ReplySender {
  /** Queues a reply; resolves once every part is sent or given up. Never rejects. */
  send(chat: ChatAddress, text: string, o?: ReplyOptions): Promise<void>;
  /** Waits for the replies in flight, at most `ms`. */
  drain(ms: number): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createReplySender(deps: { api: Api; limits: TelegramLimits; log: Logger }): ReplySender {
  const tails = new Map<string, Promise<void>>();
  const inFlight = new Set<Promise<void>>();
  const localLast = new Map<string, number>();
  let nextGlobal = 0;

  /** While Redis is away, the process-wide spacing: one reply every 1000/REPLIES_PER_SECOND ms. */
  const localSlot = async () => {
    const now = Date.now();
    const at = Math.max(now, nextGlobal);
    nextGlobal = at + 1000 / REPLIES_PER_SECOND;
    if (at > now) await sleep(at - now);
  };

  /** The bot-wide slot from the pace in Redis, shared with the alerts; false when past the deadline. */
  const globalSlot = async (deadline: number) => {
    for (;;) {
      let full: number;
      try {
        full = await deps.limits.takeGlobal(Math.min(MAX_PACE_WAIT_MS, Math.max(0, deadline - Date.now())));
      } catch {
        await localSlot();
        return true;
      }
      if (full === 0) return true;
      if (Date.now() + full > deadline) return false;
      await sleep(full);
    }
  };

  /** The chat's slot from Redis; while Redis is away, this process's own 1-second gap. */
  const chatSlot = async (chat: ChatAddress, deadline: number) => {
    for (;;) {
      let wait: number;
      try {
        wait = await deps.limits.reserve(chat);
      } catch {
        const last = localLast.get(chat.id) ?? 0;
        wait = Math.max(0, last + TELEGRAM_LIMITS.chatGapMs + TELEGRAM_LIMITS.marginMs - Date.now());
        if (wait === 0) localLast.set(chat.id, Date.now());
      }
      if (wait <= 0) return true;
      if (Date.now() + wait > deadline) return false;
      await sleep(wait);
    }
  };

  const sendPart = async (chat: ChatAddress, text: string, o: ReplyOptions, deadline: number) => {
    let transient = 0;
    for (;;) {
      if (!(await chatSlot(chat, deadline))) throw new Error("no send slot before giving up");
      if (!(await globalSlot(deadline))) throw new Error("no bot-wide slot before giving up");
      try {
        await deps.api.sendMessage(chat.id, text, {
          link_preview_options: { is_disabled: true },
          ...(o.threadId ? { message_thread_id: o.threadId } : {}),
          ...(o.replyTo
            ? { reply_parameters: { message_id: o.replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(o.keyboard ? { reply_markup: o.keyboard } : {}),
        });
        return;
      } catch (err) {
        const e = classifyTelegramError(err);
        let wait: number;
        if (e.code === "RATE_LIMITED") wait = e.details.retryAfterMs ?? 1000;
        else if (e.code === "TRANSIENT" && transient < MAX_TRANSIENT_RETRIES) wait = 1000 * 2 ** transient++;
        else throw e;
        if (Date.now() + wait > deadline) throw e;
        deps.log.debug({ chat: chat.id, code: e.code, wait }, "telegram reply: retrying");
        await sleep(wait);
      }
    }
  };

  const sendAll = async (chat: ChatAddress, text: string, o: ReplyOptions) => {
    const deadline = Date.now() + GIVE_UP_MS;
    const parts = splitText(cleanText(text), MAX_MESSAGE_CHARS);
    try {
      for (const [i, part] of parts.entries()) {
        // The quote on the first part, the buttons under the last.
        const { keyboard, ...rest } = o;
        const first: ReplyOptions = i === 0 ? rest : o.threadId ? { threadId: o.threadId } : {};
        const last = i === parts.length - 1 && keyboard ? { keyboard } : {};
        await sendPart(chat, part, { ...first, ...last }, deadline);
      }
    } catch (err) {
      deps.log.warn({ chat: chat.id, err: (err as Error).message }, "telegram reply not sent");
    }
  };

  return {
    send(chat, text, o = {}) {
      const prev = tails.get(chat.id) ?? Promise.resolve();
      const p = prev.then(() => sendAll(chat, text, o));
      tails.set(chat.id, p);
      inFlight.add(p);
      void p.finally(() => {
        inFlight.delete(p);
        if (tails.get(chat.id) === p) tails.delete(chat.id);
      });
      return p;
    },
    async drain(ms) {
      if (!inFlight.size) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((r) => {
        timer = setTimeout(r, ms);
      });
      await Promise.race([Promise.allSettled([...inFlight]), timeout]);
      clearTimeout(timer);
    },
  };
}
