import { UnrecoverableError } from "bullmq";
import type { ChunkChat, FanoutLedger, FanoutPosition } from "../src/chat/fanout-ledger.js";
import { alertRef } from "../src/chat/outbox.js";
import type { DigestSchedule } from "../src/digest/digest-schedule.js";
import { releaseAt } from "../src/digest/held-release.js";
import { isQuiet } from "../src/digest/schedule.js";
import type { Logger } from "../src/log.js";
import type { Metrics } from "../src/observability/metrics.js";
import {
  type ChatAddress,
  FanoutJobSchema,
  PLATFORMS,
  type Platform,
  type RumourEvent,
} from "../src/queues.js";
import { passesFilter } from "../src/rumours/alert-filter.js";
import { parseChatString } from "../src/subscriptions/chat-address.js";
import { type ChatStateStore, isHolding } from "../src/subscriptions/chat-state-store.js";
import type { SubscriberSet, SubscriptionStore } from "../src/subscriptions/subscription-store.js";

/** Chats read (SSCAN COUNT) and placed per script: a few thousand arguments at most per call. */
export const FANOUT_CHUNK = 1000;

/** A delivery to ask for: chats of one platform, one job for all of them. */
export interface DeliveryBatch {
  platform: Platform;
  chatIds: string[];
  /** Deterministic per event and chunk: asking twice while the first job is known adds nothing. */
  jobId: string;
  delayMs: number;
  /** BullMQ priority: 1 for an alert few chats follow, higher (later) for a broadcast. */
  priority: number;
}

export interface FanoutDeps {
  subscriptions: SubscriptionStore;
  chatState: ChatStateStore;
  /** Places chunks of chats into outboxes or holds, each chunk exactly once however often the event runs. */
  ledger: FanoutLedger;
  /** Asks for one delivery job covering many chats. */
  enqueueDeliveries(batch: DeliveryBatch): Promise<void>;
  /** How long a chat's alerts may wait to be merged into one message. */
  batchWindowMs: number;
  /** At most this many pushes per chat and clock hour; the rest wait for the digest. */
  maxPushesPerHour: number;
  now(): Date;
  log: Logger;
  /**
   * Where chats without a daily digest get what quiet hours or a /pause held, when the hold ends;
   * absent in tests that do not look (those alerts then wait for a digest).
   */
  digestSchedule?: DigestSchedule;
  /** Counts the chats each chunk queued, held and dropped; absent in tests that do not look. */
  metrics?: Metrics;
}

/**
 * The priority of an event's deliveries: the log of its audience, so an alert for a few chats overtakes a
 * broadcast to a hundred thousand already queued, and the broadcast loses little (docs/adr/009).
 */
export function deliveryPriority(audience: number): number {
  return 1 + Math.floor(Math.log2(1 + Math.max(0, audience)));
}

/**
 * fanout: one rumour event → into the outbox of every chat that watches the player or follows a club the
 * event moved (or the player's own club). It walks only those subscriber sets, a chunk of chats at a time
 * (SSCAN), never every chat and never one call with every subscriber. A chat in several sets is placed once,
 * with every reason, when the first of its sets is walked. Paused chats (bot blocked or kicked) are skipped.
 * During a chat's quiet hours or its /pause, below its /filter, or past its hourly cap, the alert is held
 * for the digest instead: never dropped; a chat without a digest is put on the digest schedule for when
 * its quiet hours or pause end, and gets what they held then. Each chunk is placed by one script that also moves the event's position on, so a re-run (retry,
 * worker killed half-way) goes on where the last one stopped and places nothing twice; each placed chunk
 * then asks for one delivery job per platform.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processFanout(data: unknown, deps: FanoutDeps): Promise<{ chats: number }> {
  const parsed = FanoutJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid fanout payload: ${parsed.error.message}`);
  const event = parsed.data;
  const ref = alertRef(event.id);
  const clubs = new Set(event.changes.map((c) => c.club));
  if (event.player.club) clubs.add(event.player.club);
  const sets: SubscriberSet[] = [{ player: event.player.key }, ...[...clubs].map((club) => ({ club }))];
  const reasons = [`watch:${event.player.name}`, ...[...clubs].map((c) => `follow:${c}`)];
  await deps.ledger.storeAlert(ref, event, reasons);

  const priority = deliveryPriority(await deps.subscriptions.audience(sets));
  const ask = async (chunk: number, chats: string[]) => {
    const byPlatform = new Map<Platform, string[]>();
    for (const c of chats) {
      const { platform, id } = parseChatString(c);
      if (!PLATFORMS.includes(platform)) continue;
      const list = byPlatform.get(platform) ?? [];
      list.push(id);
      byPlatform.set(platform, list);
    }
    for (const [platform, chatIds] of byPlatform)
      await deps.enqueueDeliveries({
        platform,
        chatIds,
        jobId: `${ref}:${chunk}:${platform}`,
        delayMs: deps.batchWindowMs,
        priority,
      });
    await deps.ledger.jobsAsked(ref, chunk);
  };
  // Chunks an earlier run placed but died before asking for their deliveries.
  for (const w of await deps.ledger.awaitingJobs(ref)) await ask(w.chunk, w.chats);

  const now = deps.now();
  const atMs = Date.parse(event.at);
  let at = await deps.ledger.position(ref);
  let queued = 0;
  let held = 0;
  let dropped = 0;
  while ((at?.set ?? 0) < sets.length) {
    const from = at ?? { set: 0, cursor: "0", chunk: 0 };
    const step = await deps.subscriptions.scan(sets[from.set]!, from.cursor, FANOUT_CHUNK);
    const to: FanoutPosition =
      step.cursor === "0"
        ? { set: from.set + 1, cursor: "0", chunk: from.chunk + 1 }
        : { set: from.set, cursor: step.cursor, chunk: from.chunk + 1 };
    const { chats, releases } = await chunkChats(deps, event, sets, from.set, [...new Set(step.chats)], now);
    // Before placing: a run that dies after the chunk is placed cannot lose the release (its re-run skips
    // the chunk), and asking twice is harmless (ZADD LT keeps the earliest time).
    if (releases.length) await deps.digestSchedule?.earliest(releases);
    const r = await deps.ledger.placeChunk(ref, at, to, chats, {
      atMs,
      maxPushesPerHour: deps.maxPushesPerHour,
      now,
      alert: event,
      reasons,
    });
    if (!r.placed) {
      // Another run of this event got there first: go on from where it is.
      at = await deps.ledger.position(ref);
      continue;
    }
    if (r.queued.length) await ask(to.chunk, r.queued);
    queued += r.queued.length;
    held += r.held;
    dropped += r.dropped;
    // Counted per placed chunk: a re-run places (and counts) only the chunks the last run did not.
    deps.metrics?.alerts.inc({ outcome: "queued" }, r.queued.length);
    deps.metrics?.alerts.inc({ outcome: "held" }, r.held);
    deps.metrics?.alerts.inc({ outcome: "dropped" }, r.dropped);
    at = to;
  }
  if (dropped) deps.log.warn({ event: event.id, dropped }, "outboxes full: oldest waiting alerts dropped");
  deps.log.info({ event: event.id, queued, held, priority }, "rumour event fanned out");
  return { chats: queued };
}

/**
 * The chats of one chunk of set `at` that this set places: not paused, not in an earlier set (placed with
 * it already), each with its reasons (every set it is in) and whether its quiet hours, /pause or /filter
 * hold the alert; and when chats without a digest get what was held. Set 0 is the player's watchers, so
 * bit 0 of the mask says the chat watches him: its players filter applies, else its clubs filter. A chat
 * that both watches and follows hears the alert if either filter lets it through.
 */
async function chunkChats(
  deps: FanoutDeps,
  event: RumourEvent,
  sets: SubscriberSet[],
  at: number,
  chats: string[],
  now: Date,
): Promise<{ chats: ChunkChat[]; releases: { chat: ChatAddress; at: Date }[] }> {
  const releases: { chat: ChatAddress; at: Date }[] = [];
  if (!chats.length) return { chats: [], releases };
  const member = await Promise.all(
    sets.map((s, j) => (j === at ? chats.map(() => true) : deps.subscriptions.memberOf(s, chats))),
  );
  const mine: number[] = [];
  for (let i = 0; i < chats.length; i++) if (!member.slice(0, at).some((m) => m[i])) mine.push(i);
  const addresses = mine.map((i) => parseChatString(chats[i]!));
  const paused = await deps.chatState.pausedAmong(addresses);
  const settings = await deps.chatState.quietAmong(addresses);
  const out: ChunkChat[] = [];
  for (const i of mine) {
    const chat = chats[i]!;
    if (paused.has(chat)) continue;
    let mask = 0;
    for (let j = 0; j < sets.length; j++) if (member[j]![i]) mask |= 1 << j;
    const s = settings.get(chat);
    let hold: ChunkChat["hold"] = null;
    if (s) {
      const watches = (mask & 1) !== 0;
      const follows = (mask & ~1) !== 0;
      const heard =
        (watches && passesFilter(event, s.filters.players)) ||
        (follows && passesFilter(event, s.filters.clubs));
      if (isHolding(s.holdUntil, now)) hold = "paused";
      else if (s.quiet && isQuiet(now, s.quiet, s.zone)) hold = "quiet";
      else if (!heard) hold = "filtered";
      const release = hold === "paused" || hold === "quiet" ? releaseAt(s, now) : null;
      if (release && !s.digest) releases.push({ chat: parseChatString(chat), at: release });
    }
    out.push({ chat, mask, hold });
  }
  return { chats: out, releases };
}
