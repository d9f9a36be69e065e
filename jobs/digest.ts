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
 * digest: composes one chat's digest since its last one (the updates the alert policy kept back, and the
 * pushes held by quiet hours or caps) and hands it to delivery. Nothing happened: nothing is sent.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processDigest(data: unknown, deps: DigestDeps): Promise<"sent" | "empty" | "paused"> {
  const parsed = DigestJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid digest payload: ${parsed.error.message}`);
  const { chat, due } = parsed.data;
  const until = new Date(due);
  if (await deps.chatState.paused(chat)) return "paused";
  const since = (await deps.chatState.lastDigestAt(chat)) ?? new Date(until.getTime() - FIRST_WINDOW_MS);
  const subscriptions = await deps.subscriptions.list(chat);
  const playerBoards = new Map<string, Rumour[]>();
  for (const p of subscriptions.players) playerBoards.set(p.key, await deps.rumours.board(p.key));
  const clubBoards = new Map<string, Rumour[]>();
  for (const c of subscriptions.clubs) clubBoards.set(c, await deps.rumours.clubBoard(c, 50));
  const { alerts: held, read } = await deps.held.list(chat);
  const digest = composeDigest({ subscriptions, playerBoards, clubBoards, held, since, until });
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
