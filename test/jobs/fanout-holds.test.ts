import { describe, expect, it } from "vitest";
import { type DeliveryBatch, processFanout } from "../../jobs/fanout.js";
import { createFanoutLedger } from "../../src/chat/fanout-ledger.js";
import { createOutbox } from "../../src/chat/outbox.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import type { ChatAddress } from "../../src/queues.js";
import { passesFilter } from "../../src/rumours/alert-filter.js";
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
const digestSchedule = createDigestSchedule(redis, keys);
let now = new Date("2026-01-12T10:00:00Z");
const deps = {
  subscriptions,
  chatState,
  digestSchedule,
  ledger: createFanoutLedger(redis, keys),
  log,
  batchWindowMs: 0,
  maxPushesPerHour: 100,
  now: () => now,
  enqueueDeliveries: async (_b: DeliveryBatch) => {},
};
const c = (id: string): ChatAddress => ({ platform: "console", id });
const reasons = async (id: string) => (await held.list(c(id))).alerts.map((h) => h.reason);
const kim = { key: "kim-min-jae", name: "Kim Min-Jae" };

describe("passesFilter", () => {
  const alert = (stage: "interest" | "talks" | "agreement", credibility: "low" | "medium" | "high") => ({
    changes: [{ stage }],
    credibility,
  });
  it("should let through what reaches the least stage and credibility, and anything without a filter", () => {
    expect(passesFilter(alert("interest", "low"), null)).toBe(true);
    expect(passesFilter(alert("talks", "medium"), { stage: "talks", credibility: 2 })).toBe(true);
    expect(passesFilter(alert("interest", "high"), { stage: "talks", credibility: 1 })).toBe(false);
    expect(passesFilter(alert("agreement", "low"), { stage: "talks", credibility: 2 })).toBe(false);
  });
});

describe("fanout and the chat's own holds (issue 16)", () => {
  it("should hold for the digest what a filter keeps quiet, per watched player and followed club", async () => {
    await subscriptions.watch(c("picky"), kim);
    await chatState.setFilter(c("picky"), "players", { stage: "agreement", credibility: 1 });
    await subscriptions.follow(c("clubs-only"), "Milan");
    await chatState.setFilter(c("clubs-only"), "players", { stage: "official", credibility: 3 });
    await processFanout(buildRumourEvent(), deps); // talks, high
    expect(await outbox.size(c("picky"))).toBe(0);
    expect(await reasons("picky")).toEqual(["filtered"]);
    // Its players filter says nothing about a club it follows.
    expect(await outbox.size(c("clubs-only"))).toBe(1);
    await processFanout(
      buildRumourEvent({
        changes: [{ club: "Milan", stage: "agreement", previous: "talks", kind: "stage" }],
      }),
      deps,
    );
    expect(await outbox.size(c("picky"))).toBe(1);
  });

  it("should hold during a /pause and push again once it ends, surviving a restart of the stores", async () => {
    await subscriptions.watch(c("away"), kim);
    await chatState.holdPushes(c("away"), new Date("2026-01-12T12:00:00Z"));
    await processFanout(buildRumourEvent(), deps);
    expect(await reasons("away")).toEqual(["paused"]);
    // A new store on the same Redis (a restarted process) sees the same pause.
    expect((await createChatStateStore(redis, keys).settings(c("away"))).holdUntil).toBe(
      "2026-01-12T12:00:00.000Z",
    );
    now = new Date("2026-01-12T12:30:00Z");
    await processFanout(buildRumourEvent(), deps);
    expect(await outbox.size(c("away"))).toBe(1);
    now = new Date("2026-01-12T10:00:00Z");
  });

  it("should send what quiet hours held when they end, for a chat with the digest off", async () => {
    await subscriptions.watch(c("night-owl"), kim);
    await chatState.setDigest(c("night-owl"), null);
    await chatState.setQuiet(c("night-owl"), { from: "23:00", to: "07:00" });
    now = new Date("2026-01-12T23:30:00Z"); // 00:30 in Rome
    await processFanout(buildRumourEvent(), deps);
    expect(await reasons("night-owl")).toEqual(["quiet"]);
    expect((await digestSchedule.next(c("night-owl")))?.toISOString()).toBe("2026-01-13T06:00:00.000Z");
    // With the digest on, the daily digest carries them: no extra schedule entry.
    await subscriptions.watch(c("digest-fan"), kim);
    await chatState.setQuiet(c("digest-fan"), { from: "23:00", to: "07:00" });
    await processFanout(buildRumourEvent(), deps);
    expect(await digestSchedule.next(c("digest-fan"))).toBeNull();
    now = new Date("2026-01-12T10:00:00Z");
  });
});
