import { describe, expect, it } from "vitest";
import { type DeliveryBatch, deliveryPriority, FANOUT_CHUNK, processFanout } from "../../jobs/fanout.js";
import { createFanoutLedger } from "../../src/chat/fanout-ledger.js";
import { createOutbox } from "../../src/chat/outbox.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import type { ChatAddress } from "../../src/queues.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { buildRumourEvent } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const chatState = createChatStateStore(redis, keys);
const outbox = createOutbox(redis, keys, log);
const held = createHeldAlerts(redis, keys);
let now = new Date("2026-01-12T10:00:00Z");
const asked: DeliveryBatch[] = [];
const deps = {
  subscriptions,
  chatState,
  ledger: createFanoutLedger(redis, keys),
  log,
  batchWindowMs: 0,
  maxPushesPerHour: 5,
  now: () => now,
  enqueueDeliveries: async (b: DeliveryBatch) => void asked.push(b),
};
const c = (id: string): ChatAddress => ({ platform: "console", id });

describe("processFanout", () => {
  it("should reach the watchers of the player and the followers of the clubs, each once", async () => {
    await subscriptions.watch(c("w"), { key: "kim-min-jae", name: "Kim Min-Jae" });
    await subscriptions.follow(c("w"), "Milan");
    await subscriptions.follow(c("bayern"), "Bayern Munich");
    await subscriptions.follow(c("inter"), "Inter");
    await processFanout(buildRumourEvent(), deps);
    expect((await outbox.peek(c("w"), 10)).map((i) => i.matched)).toEqual([
      ["watch:Kim Min-Jae", "follow:Milan"],
    ]);
    expect(await outbox.size(c("bayern"))).toBe(1); // his own club's fans
    expect(await outbox.size(c("inter"))).toBe(0);
  });

  it("should hold a push during the chat's quiet hours for the digest", async () => {
    await subscriptions.watch(c("night"), { key: "kim-min-jae", name: "Kim Min-Jae" });
    await chatState.setQuiet(c("night"), { from: "23:00", to: "07:00" });
    now = new Date("2026-01-12T23:30:00Z"); // 00:30 in Rome
    await processFanout(buildRumourEvent(), deps);
    expect(await outbox.size(c("night"))).toBe(0);
    expect((await held.list(c("night"))).alerts.map((h) => h.reason)).toEqual(["quiet"]);
    now = new Date("2026-01-12T10:00:00Z");
  });

  it("should push at most five alerts an hour to a chat and hold the rest, dropping none", async () => {
    await subscriptions.watch(c("busy"), { key: "kim-min-jae", name: "Kim Min-Jae" });
    for (let i = 0; i < 7; i++) await processFanout(buildRumourEvent(), deps);
    expect(await outbox.size(c("busy"))).toBe(5);
    expect((await held.list(c("busy"))).alerts.map((h) => h.reason)).toEqual(["cap", "cap"]);
  });

  it("should skip paused chats", async () => {
    await subscriptions.watch(c("gone"), { key: "kim-min-jae", name: "Kim Min-Jae" });
    await chatState.pause(c("gone"), "blocked", now);
    await processFanout(buildRumourEvent(), deps);
    expect(await outbox.size(c("gone"))).toBe(0);
    expect((await held.list(c("gone"))).alerts).toEqual([]);
  });

  it("should place a big audience chunk by chunk, each chat once with all its reasons, one job per chunk", async () => {
    const n = FANOUT_CHUNK * 2 + 500;
    const player = { key: "big-player", name: "Big Player" };
    const both: string[] = [];
    for (let i = 0; i < n; i += 500) {
      const batch = Array.from({ length: Math.min(500, n - i) }, (_, k) => `big-${i + k}`);
      await Promise.all(batch.map((id) => subscriptions.watch(c(id), player)));
      both.push(batch[0]!);
    }
    // Some of them also follow the club: placed once, when the watchers' set is walked, with both reasons.
    for (const id of both) await subscriptions.follow(c(id), "Sassuolo");
    await subscriptions.follow(c("club-only"), "Sassuolo");
    asked.length = 0;
    const event = buildRumourEvent({ player: { ...player, club: null, provisional: false } });
    event.changes = [{ ...event.changes[0]!, club: "Sassuolo" }];
    const r = await processFanout(event, deps);
    expect(r.chats).toBe(n + 1);
    const jobChats = asked.flatMap((b) => b.chatIds);
    expect(jobChats).toHaveLength(n + 1);
    expect(new Set(jobChats).size).toBe(n + 1);
    expect(asked.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...asked.map((b) => b.chatIds.length))).toBeLessThanOrEqual(FANOUT_CHUNK * 2);
    expect(new Set(asked.map((b) => b.priority))).toEqual(new Set([deliveryPriority(n + both.length + 1)]));
    expect((await outbox.peek(c(both[1]!), 10)).map((i) => i.matched)).toEqual([
      ["watch:Big Player", "follow:Sassuolo"],
    ]);
    expect((await outbox.peek(c("club-only"), 10)).map((i) => i.matched)).toEqual([["follow:Sassuolo"]]);
    // Run again (a retry): nothing placed, nothing asked twice.
    asked.length = 0;
    expect((await processFanout(event, deps)).chats).toBe(0);
    expect(asked).toEqual([]);
    expect(await outbox.size(c("big-7"))).toBe(1);
  });

  it("should give a small audience's deliveries a better priority than a broadcast's", () => {
    expect(deliveryPriority(1)).toBeLessThan(deliveryPriority(100_000));
    expect(deliveryPriority(0)).toBe(1);
  });
});
