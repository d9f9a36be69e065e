import { type REST, type RESTPostAPIChannelMessageJSONBody, Routes } from "discord.js";
import type { Lang } from "../../../commands/types.js";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import { type ChatAdapter, DeliveryError } from "../types.js";
import { classifyDiscordError } from "./classify-discord-error.js";
import { DISCORD_GLOBAL_PER_SECOND, type DiscordLimits } from "./discord-limits.js";
import { renderDiscordDigest, renderDiscordMessages } from "./render-discord.js";

/**
 * Longest wait for a global slot that a send sleeps through; past it the queue is held instead. One
 * process books about 2 s ahead (DELIVER_CONCURRENCY jobs, 20.5 ms apart); two book about 4 s.
 */
const MAX_GLOBAL_SLEEP_MS = 5000;
/** Longest wait for a channel's bucket between two parts of one oversized alert message. */
const MAX_ROUTE_SLEEP_MS = 5000;

/**
 * Deliver jobs one process runs at once: enough booked slots ahead (about 2 s) that the pace never waits
 * for a job to come when the process is slowed down (with a CPU-bound process beside the bench: 97.5 % of
 * the limit at 100, 97.2 % at 50).
 */
const DELIVER_CONCURRENCY = 100;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface DiscordAdapterDeps {
  /** A REST client from createDiscordRest: it records buckets in `limits` and throws on rate limits. */
  rest: REST;
  limits: DiscordLimits;
  /** For the language each channel reads alerts in. */
  chatState: ChatStateStore;
  log: Logger;
  /** When a channel has no language yet. */
  defaultLang?: Lang;
  /** PUBLIC_URL: alert embeds then link their player's page. */
  publicUrl?: string;
}

/**
 * Discord as a ChatAdapter. A chat id is a channel id: a server channel, or a user's DM channel (made
 * with POST /users/@me/channels when the user subscribed in DMs).
 *
 * Limits, all held in Redis so they apply across worker processes:
 * - Discord's 50 requests/s, per request: each request (every part of a split message too) books a global
 *   slot in Redis, spaced 20.5 ms apart, and leaves only when the 50th request before it left more than
 *   1,025 ms ago (a sliding log, discord-limits.ts), so no one-second window, wherever Discord starts it,
 *   sees more than its limit, however many channels one deliver job covers;
 * - `reserve(chat)`: the channel's message bucket as the last X-RateLimit-* headers left it; the job is
 *   postponed, not slept on, when it is empty;
 * - `limiter` is only a loose guard on job starts (4 × the limit): it is not what keeps the bot under
 *   50/s, but BullMQ applies a 429's hold on the whole queue (worker.rateLimit) only to a queue that has
 *   one.
 * Errors leave as DeliveryError (classifyDiscordError): 429 → RATE_LIMITED, 403/404 → CHAT_GONE,
 * 5xx → TRANSIENT.
 */
export function createDiscordAdapter(deps: DiscordAdapterDeps): ChatAdapter {
  /**
   * Books the request's global slot and sleeps until it; a pace booked further ahead holds the queue.
   * The REST client then logs the departure (departGlobal) right before the request leaves.
   */
  async function takeGlobalSlot(): Promise<void> {
    const wait = await deps.limits.scheduleGlobal(MAX_GLOBAL_SLEEP_MS);
    if (wait < 0)
      throw new DeliveryError("RATE_LIMITED", "discord: global pace is full", { retryAfterMs: -wait });
    if (wait > 0) await sleep(wait);
  }
  /** Posts the parts of one message in order, each within the channel's bucket and the global window. */
  async function postAll(chat: ChatAddress, messages: RESTPostAPIChannelMessageJSONBody[]): Promise<void> {
    for (const [i, body] of messages.entries()) {
      if (i > 0) {
        // The first part's bucket slot was taken by reserve(); later parts take theirs here.
        const wait = await deps.limits.reserveRoute(chat.id);
        if (wait > MAX_ROUTE_SLEEP_MS) {
          throw new DeliveryError("RATE_LIMITED", "discord: channel bucket empty mid-message", {
            retryAfterMs: wait,
          });
        }
        if (wait > 0) await sleep(wait);
      }
      await takeGlobalSlot();
      try {
        await deps.rest.post(Routes.channelMessages(chat.id), { body });
      } catch (err) {
        throw classifyDiscordError(err);
      }
    }
  }
  return {
    platform: "discord",
    concurrency: DELIVER_CONCURRENCY,
    limiter: { max: 4 * DISCORD_GLOBAL_PER_SECOND, duration: 1000 },
    reserve: (chat) => deps.limits.reserveRoute(chat.id),
    async send({ chat, items }) {
      const lang = (await deps.chatState.lang(chat)) ?? deps.defaultLang ?? "en";
      await postAll(chat, renderDiscordMessages(items, lang, deps.publicUrl));
      deps.log.debug({ chat, alerts: items.length }, "discord: alerts sent");
    },
    async sendDigest({ chat, digest }) {
      const lang = (await deps.chatState.lang(chat)) ?? deps.defaultLang ?? "en";
      await postAll(chat, renderDiscordDigest(digest, lang));
    },
  };
}
