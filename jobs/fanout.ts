import { UnrecoverableError } from "bullmq";
import type { Outbox } from "../src/chat/outbox.js";
import type { HeldAlerts, HoldReason } from "../src/digest/held-alerts.js";
import { isQuiet } from "../src/digest/schedule.js";
import type { Logger } from "../src/log.js";
import { type ChatAddress, FanoutJobSchema } from "../src/queues.js";
import { chatString } from "../src/subscriptions/chat-address.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";

export interface FanoutDeps {
  subscriptions: SubscriptionStore;
  chatState: ChatStateStore;
  outbox: Outbox;
  /**
   * Asks for a delivery to a chat `delayMs` from now; alerts arriving meanwhile leave together. `dedupe`
   * makes a retried fanout ask only once.
   */
  enqueueDeliver(chat: ChatAddress, delayMs: number, dedupe?: string): Promise<void>;
  /** How long a chat's alerts may wait to be merged into one message. */
  batchWindowMs: number;
  /** Pushes held by quiet hours or the cap, for the digest. */
  held: HeldAlerts;
  /** At most this many pushes per chat and clock hour; the rest wait for the digest. */
  maxPushesPerHour: number;
  now(): Date;
  log: Logger;
}

/**
 * fanout: one rumour event → into the outbox of every chat that watches the player or follows a club the
 * event moved (or the player's own club). Reads only those subscribers, never every chat. A chat that
 * matches twice gets one message naming both reasons. Paused chats (bot blocked or kicked) are skipped.
 * During a chat's quiet hours, or past its hourly cap, the alert is held for the digest instead: never
 * dropped.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processFanout(data: unknown, deps: FanoutDeps): Promise<{ chats: number }> {
  const parsed = FanoutJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid fanout payload: ${parsed.error.message}`);
  const event = parsed.data;
  const recipients = new Map<string, { chat: ChatAddress; matched: string[] }>();
  const add = (chats: ChatAddress[], reason: string) => {
    for (const chat of chats) {
      const k = chatString(chat);
      const r = recipients.get(k) ?? { chat, matched: [] };
      if (!r.matched.includes(reason)) r.matched.push(reason);
      recipients.set(k, r);
    }
  };
  add(await deps.subscriptions.watchersOf(event.player.key), `watch:${event.player.name}`);
  const clubs = new Set(event.changes.map((c) => c.club));
  if (event.player.club) clubs.add(event.player.club);
  for (const club of clubs) add(await deps.subscriptions.followersOf(club), `follow:${club}`);
  const chats = [...recipients.values()].map((r) => r.chat);
  const paused = await deps.chatState.pausedAmong(chats);
  const settings = await deps.chatState.settingsAmong(chats);
  const now = deps.now();
  let held = 0;
  for (const [key, { chat, matched }] of recipients) {
    if (paused.has(key)) continue;
    const s = settings.get(key);
    let reason: HoldReason | null = s?.quiet && isQuiet(now, s.quiet, s.zone) ? "quiet" : null;
    if (!reason && (await deps.held.countPush(chat, now)) > deps.maxPushesPerHour) {
      await deps.held.uncountPush(chat, now);
      reason = "cap";
    }
    if (reason) {
      await deps.held.hold(chat, { item: { alert: event, matched }, reason });
      held++;
      continue;
    }
    await deps.outbox.put(chat, { alert: event, matched });
    await deps.enqueueDeliver(chat, deps.batchWindowMs, event.id);
  }
  deps.log.info({ event: event.id, chats: recipients.size, held }, "rumour event fanned out");
  return { chats: recipients.size - paused.size - held };
}
