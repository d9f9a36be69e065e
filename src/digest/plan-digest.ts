import type { ChatAddress } from "../queues.js";
import type { ChatStateStore } from "../subscriptions/chat-state-store.js";
import type { DigestSchedule } from "./digest-schedule.js";
import { followingDigestAt, localDate, nextDigestAt } from "./schedule.js";

/**
 * Puts a chat's next digest on the schedule from its settings: the next time of day ahead, but never a
 * second digest on a local day that already had one (a changed time takes effect from the next digest).
 * Returns that time, or null when the chat turned digests off.
 */
export async function planDigest(
  chat: ChatAddress,
  deps: { chatState: ChatStateStore; digestSchedule: DigestSchedule },
  now: Date,
  mode: "ensure" | "replace",
): Promise<Date | null> {
  const s = await deps.chatState.settings(chat);
  if (!s.digest) {
    if (mode === "replace") await deps.digestSchedule.set(chat, null);
    return null;
  }
  let next = nextDigestAt(s.digest, s.zone, now);
  const last = await deps.chatState.lastDigestAt(chat);
  if (last && localDate(last, s.zone) === localDate(next, s.zone))
    next = followingDigestAt(s.digest, s.zone, next, now);
  if (mode === "ensure") await deps.digestSchedule.ensure(chat, next);
  else await deps.digestSchedule.set(chat, next);
  return (await deps.digestSchedule.next(chat)) ?? next;
}
