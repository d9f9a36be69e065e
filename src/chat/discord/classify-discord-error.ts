import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { DeliveryError } from "../types.js";

/** JSON error codes that mean the bot can no longer write to that channel. */
const CHANNEL_GONE_CODES = new Set<number | string>([
  10003, // Unknown Channel
  10013, // Unknown User (a DM whose user is gone)
  50001, // Missing Access
  50007, // Cannot send messages to this user (DMs closed, or blocked)
  50013, // Missing Permissions
]);

/** Network failures that a retry can fix (undici and node codes). */
const TRANSIENT_NETWORK =
  /ECONNRESET|ECONNREFUSED|ENOTFOUND|EPIPE|ETIMEDOUT|EAI_AGAIN|UND_ERR|socket|fetch failed/i;

/**
 * Translates whatever discord.js threw while sending into a DeliveryError, in this one place:
 * - RateLimitError (a 429, or a bucket this process knows is empty) → RATE_LIMITED with Discord's wait;
 * - 403 Missing Access/Permissions, 404 Unknown Channel, DMs closed → CHAT_GONE (the channel is paused);
 * - 5xx (HTTPError or a DiscordAPIError with a 5xx status), timeouts, network errors → TRANSIENT;
 * - any other 4xx → BAD_REQUEST (our payload is wrong; never retried).
 * Unknown errors become TRANSIENT, so a bug retries a few times and lands in the failed set.
 * Messages carry Discord's code and route, never the token.
 */
export function classifyDiscordError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof RateLimitError) {
    const retryAfterMs = Math.max(err.retryAfter, err.timeToReset, 0) || 1000;
    return new DeliveryError(
      "RATE_LIMITED",
      `discord rate limit${err.global ? " (global)" : ""} on ${err.method} ${err.route}`,
      // A route bucket is one channel's: only its delivery waits. A global limit holds every delivery.
      { retryAfterMs: Math.ceil(retryAfterMs), scope: err.global ? "bot" : "chat", cause: err },
    );
  }
  if (err instanceof DiscordAPIError) {
    const what = `discord ${err.status} ${err.code}: ${err.message.slice(0, 200)}`;
    if (CHANNEL_GONE_CODES.has(err.code) || err.status === 404 || err.status === 403) {
      return new DeliveryError("CHAT_GONE", what, { cause: err });
    }
    if (err.status >= 500 || err.status === 408) return new DeliveryError("TRANSIENT", what, { cause: err });
    if (err.status === 401)
      return new DeliveryError("TRANSIENT", "discord 401: the bot token was refused", { cause: err });
    return new DeliveryError("BAD_REQUEST", what, { cause: err });
  }
  if (err instanceof HTTPError) {
    return new DeliveryError("TRANSIENT", `discord ${err.status} on ${err.method}`, { cause: err });
  }
  const e = err instanceof Error ? err : new Error(String(err));
  const code = (e as { code?: unknown }).code;
  if (
    e.name === "AbortError" ||
    e.name === "TimeoutError" ||
    TRANSIENT_NETWORK.test(`${String(code)} ${e.message}`)
  ) {
    return new DeliveryError("TRANSIENT", `network: ${e.message.slice(0, 200)}`, { cause: e });
  }
  return new DeliveryError("TRANSIENT", `unexpected: ${e.message.slice(0, 200)}`, { cause: e });
}
