import { UnrecoverableError } from "bullmq";
import { composeDigest } from "../src/digest/compose-digest.js";
import type { HeldAlerts } from "../src/digest/held-alerts.js";
import type { Logger } from "../src/log.js";
import { type ChatAddress, type Digest, DigestJobSchema } from "../src/queues.js";
import type { RumourStore } from "../src/rumours/rumour-store.js";
import type { Rumour } from "../src/rumours/types.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";

export interface DigestDeps {
  subscriptions: SubscriptionStore;
  rumours: RumourStore;
  held: HeldAlerts;
  chatState: ChatStateStore;
  enqueueDigestDelivery(chat: ChatAddress, digest: Digest, due: string): Promise<void>;
  log: Logger;
}

/** A chat that never had a digest gets the last day's news in its first one. */
const FIRST_WINDOW_MS = 86_400_000;

/**
 * digest: composes one chat's digest since its last one, or since it first followed something if that is
 * later (the updates the alert policy kept back, and the pushes held by quiet hours, caps, /pause or
 * /filter) and hands it to delivery. A chat with the digest off comes here when a hold ends and gets only
 * what quiet hours or its pause held. Nothing happened: nothing is sent.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processDigest(data: unknown, deps: DigestDeps): Promise<"sent" | "empty" | "paused"> {
  const parsed = DigestJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid digest payload: ${parsed.error.message}`);
  const { chat, due } = parsed.data;
  const until = new Date(due);
  if (await deps.chatState.paused(chat)) return "paused";
  // News since the last digest, never from before the chat followed anything.
  const last = (await deps.chatState.lastDigestAt(chat)) ?? new Date(until.getTime() - FIRST_WINDOW_MS);
  const subscribed = await deps.chatState.subscribedSince(chat);
  const since = subscribed && subscribed > last ? subscribed : last;
  const subscriptions = await deps.subscriptions.list(chat);
  // With the digest off the chat is here only because a hold ended: it gets what was held, nothing more.
  const daily = Boolean((await deps.chatState.settings(chat)).digest);
  const playerBoards = new Map<string, Rumour[]>();
  const clubBoards = new Map<string, Rumour[]>();
  if (daily) {
    for (const p of subscriptions.players) playerBoards.set(p.key, await deps.rumours.board(p.key));
    for (const c of subscriptions.clubs) clubBoards.set(c, await deps.rumours.clubBoard(c, 50));
  }
  const { alerts, read } = await deps.held.list(chat);
  // A filter chose not to hear those: without a digest they stay unheard.
  const held = daily ? alerts : alerts.filter((a) => a.reason !== "filtered");
  const digest = composeDigest({
    subscriptions,
    playerBoards,
    clubBoards,
    held,
    since,
    until,
    kind: daily ? "daily" : "held",
  });
  if (digest) await deps.enqueueDigestDelivery(chat, digest, due);
  // Only after delivery is queued: a crash before this line composes the same digest again (the
  // delivery job id is per chat and due time, so it is queued once).
  await deps.held.drop(chat, read);
  await deps.chatState.setLastDigestAt(chat, until);
  deps.log.info(
    { chat, players: digest?.players.length ?? 0, clubs: digest?.clubs.length ?? 0 },
    "digest composed",
  );
  return digest ? "sent" : "empty";
}
