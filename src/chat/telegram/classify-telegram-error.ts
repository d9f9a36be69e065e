import { GrammyError, HttpError } from "grammy";
import { DeliveryError } from "../types.js";

/**
 * Descriptions of a 400 that mean the bot cannot write to the chat any more (deleted chat, lost
 * rights), as opposed to a payload we got wrong.
 */
const GONE_400 = [
  "chat not found",
  "not enough rights",
  "need administrator rights",
  "have no rights to send",
  "group chat was deactivated",
  "chat_write_forbidden",
];

/**
 * Turns whatever a Bot API call threw into a DeliveryError; the ONE place that reads Telegram errors
 * (the deliver job only reads codes):
 * - 429 → RATE_LIMITED, waiting exactly `retry_after`;
 * - 400 with `migrate_to_chat_id` ("group chat was upgraded to a supergroup chat") → CHAT_MOVED;
 * - 403 (blocked by the user, kicked, user is deactivated, not a member) and 400 "chat not found" or
 *   lost rights → CHAT_GONE;
 * - 5xx, network errors (grammY's HttpError) and anything unknown → TRANSIENT;
 * - any other 4xx → BAD_REQUEST.
 * Messages carry Telegram's description, never the token (grammY keeps it out of HttpError unless
 * sensitiveLogs is on, which we never set).
 */
export function classifyTelegramError(err: unknown): DeliveryError {
  if (err instanceof DeliveryError) return err;
  if (err instanceof GrammyError) {
    const code = err.error_code;
    const what = `${code} ${err.description}`;
    const desc = err.description.toLowerCase();
    if (code === 429) {
      const seconds = err.parameters.retry_after ?? 1;
      return new DeliveryError("RATE_LIMITED", what, { retryAfterMs: seconds * 1000, cause: err });
    }
    if (err.parameters.migrate_to_chat_id !== undefined) {
      return new DeliveryError("CHAT_MOVED", what, {
        movedTo: String(err.parameters.migrate_to_chat_id),
        cause: err,
      });
    }
    if (code === 403) return new DeliveryError("CHAT_GONE", what, { cause: err });
    if (code === 400 && GONE_400.some((d) => desc.includes(d)))
      return new DeliveryError("CHAT_GONE", what, { cause: err });
    if (code >= 500) return new DeliveryError("TRANSIENT", what, { cause: err });
    return new DeliveryError("BAD_REQUEST", what, { cause: err });
  }
  if (err instanceof HttpError)
    return new DeliveryError("TRANSIENT", `network: ${err.message}`, { cause: err });
  const message = err instanceof Error ? err.message : String(err);
  return new DeliveryError("TRANSIENT", message, { cause: err });
}
