import type { ChatAddress } from "../queues.js";
import { type ChatSettings, isHolding } from "../subscriptions/chat-state-store.js";
import type { DigestSchedule } from "./digest-schedule.js";
import type { HeldAlerts } from "./held-alerts.js";
import { isQuiet, quietEndsAt } from "./schedule.js";

/**
 * When alerts held for a chat without a digest go out: when its /pause ends, else when its quiet hours
 * end, else now. Null while an open-ended /pause holds (they go at /resume).
 */
export function releaseAt(s: ChatSettings, now: Date): Date | null {
  if (isHolding(s.holdUntil, now)) return s.holdUntil === "open" ? null : new Date(s.holdUntil!);
  if (s.quiet && isQuiet(now, s.quiet, s.zone)) return quietEndsAt(now, s.quiet, s.zone);
  return now;
}

/**
 * A chat with the digest off still gets what quiet hours or a pause held: it goes on the digest schedule
 * at the release time (or earlier, if it was already there), and the digest job sends only the held
 * alerts. With the digest on, the daily digest carries them and nothing changes here.
 */
export async function planRelease(
  chat: ChatAddress,
  s: ChatSettings,
  deps: { digestSchedule: DigestSchedule; held?: HeldAlerts },
  now: Date,
): Promise<Date | null> {
  if (s.digest) return null;
  if (deps.held && !(await deps.held.count(chat))) return null;
  const at = releaseAt(s, now);
  if (at) await deps.digestSchedule.earliest([{ chat, at }]);
  return at;
}
