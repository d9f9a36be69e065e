import { UnrecoverableError } from "bullmq";
import type { FanoutLedger } from "../src/chat/fanout-ledger.js";
import { isQuiet } from "../src/digest/schedule.js";
import type { Logger } from "../src/log.js";
import { type ChatAddress, FanoutJobSchema } from "../src/queues.js";
import { chatString } from "../src/subscriptions/chat-address.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";

/** Chats placed at once. */
const CHUNK = 100;

export interface FanoutDeps {
  subscriptions: SubscriptionStore;
  chatState: ChatStateStore;
  /** Puts into outboxes or holds, once per event and chat however often the event is fanned out. */
  ledger: FanoutLedger;
  /**
   * Asks for a delivery to a chat `delayMs` from now; alerts arriving meanwhile leave together. `dedupe`
   * makes a retried fanout ask only once.
   */
  enqueueDeliver(chat: ChatAddress, delayMs: number, dedupe?: string): Promise<void>;
  /** How long a chat's alerts may wait to be merged into one message. */
  batchWindowMs: number;
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
 * dropped. Effectively once: a re-run of the same event (retry, worker killed half-way) skips the chats
 * already placed (FanoutLedger), so nothing is queued, held or counted twice.
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
  const todo = [...recipients].filter(([key]) => !paused.has(key));
  let held = 0;
  let dropped = 0;
  let again = 0;
  // Chunks bound the calls in flight; each chat's placement is one atomic, idempotent script.
  for (let i = 0; i < todo.length; i += CHUNK) {
    await Promise.all(
      todo.slice(i, i + CHUNK).map(async ([key, { chat, matched }]) => {
        const s = settings.get(key);
        const quiet = Boolean(s?.quiet && isQuiet(now, s.quiet, s.zone));
        const p = await deps.ledger.place(
          event.id,
          chat,
          { alert: event, matched },
          { quiet, maxPushesPerHour: deps.maxPushesPerHour, now },
        );
        dropped += p.dropped;
        if (!p.first) again++; // placed by an earlier run of this event
        if (p.placed !== "queued") {
          held++;
          return;
        }
        // Asked again on a re-run too: the run that placed it may have died before asking.
        // The job id makes that a no-op while the first request is still known to BullMQ.
        await deps.enqueueDeliver(chat, deps.batchWindowMs, event.id);
      }),
    );
  }
  if (dropped) deps.log.warn({ event: event.id, dropped }, "outboxes full: oldest waiting alerts dropped");
  deps.log.info({ event: event.id, chats: recipients.size, held, again }, "rumour event fanned out");
  return { chats: recipients.size - paused.size - held };
}
