import { randomUUID } from "node:crypto";
import { DelayedError } from "bullmq";
import { describe, expect, it } from "vitest";
import { processDeliver } from "../../jobs/deliver.js";
import { type FanoutDeps, processFanout } from "../../jobs/fanout.js";
import { processIngest } from "../../jobs/ingest.js";
import { createFanoutLedger } from "../../src/chat/fanout-ledger.js";
import { createOutbox } from "../../src/chat/outbox.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import { type ChatAddress, IngestJobSchema, type RumourEvent } from "../../src/queues.js";
import { createArticleDedupe } from "../../src/rumours/article-dedupe.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createNearDuplicateIndex } from "../../src/rumours/near-duplicates.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { buildRumourEvent } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

// Defect 1 of issue 13: every step run again (a retry, a worker killed at any line) changes nothing.
const { redis, keys } = useTestRedis();
const log = silentLogger();
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const chatState = createChatStateStore(redis, keys);
const outbox = createOutbox(redis, keys, log);
const held = createHeldAlerts(redis, keys);
const now = new Date("2026-01-12T10:00:00Z");
const c = (id: string): ChatAddress => ({ platform: "console", id });
const kim = { key: "kim-min-jae", name: "Kim Min-Jae" };

function fanoutDeps(asked: ChatAddress[], maxPushesPerHour = 5): FanoutDeps {
  return {
    subscriptions,
    chatState,
    ledger: createFanoutLedger(redis, keys),
    log,
    batchWindowMs: 0,
    maxPushesPerHour,
    now: () => now,
    enqueueDeliveries: async (b) => {
      for (const id of b.chatIds) asked.push({ platform: b.platform, id });
    },
  };
}

describe("a fanout run again", () => {
  it("should neither queue a chat twice nor count its push twice", async () => {
    await subscriptions.watch(c("twice"), kim);
    const event = buildRumourEvent();
    const deps = fanoutDeps([], 2);
    await processFanout(event, deps);
    await processFanout(event, deps);
    expect(await outbox.size(c("twice"))).toBe(1);
    // One push counted: a second event still fits under a cap of two, a third is held.
    await processFanout(buildRumourEvent(), deps);
    expect(await outbox.size(c("twice"))).toBe(2);
    await processFanout(buildRumourEvent(), deps);
    expect((await held.list(c("twice"))).alerts.map((h) => h.reason)).toEqual(["cap"]);
  });

  it("should not put back an alert already delivered, whatever BullMQ still remembers", async () => {
    await subscriptions.watch(c("sent"), kim);
    const event = buildRumourEvent();
    await processFanout(event, fanoutDeps([]));
    const adapter = createRecordingAdapter("console");
    const deliver = {
      adapter,
      outbox,
      chatState,
      subscriptions,
      log,
      now: () => now,
      enqueueDeliver: async () => {},
      enqueueDigestDelivery: async () => {},
      rateLimit: async () => new Error("rate limited"),
      postpone: async () => new DelayedError(),
    };
    expect(await processDeliver({ chat: c("sent") }, deliver)).toBe("sent");
    await processFanout(event, fanoutDeps([])); // the retried fanout, its deliver job long removed
    expect(await outbox.size(c("sent"))).toBe(0);
    expect(await processDeliver({ chat: c("sent") }, deliver)).toBe("empty");
    expect(adapter.sent).toHaveLength(1);
  });

  it("should finish the chats of a run killed half-way, once each, and ask for their delivery", async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `half-${i}`);
    for (const id of ids) await subscriptions.watch(c(id), { key: "half-player", name: "Half Player" });
    const event = buildRumourEvent({
      player: { key: "half-player", name: "Half Player", club: null, provisional: false },
    });
    // Killed after the chunk was placed, before its delivery was asked for.
    const dying = fanoutDeps([]);
    dying.enqueueDeliveries = async () => {
      throw new Error("killed");
    };
    await expect(processFanout(event, dying)).rejects.toThrow("killed");
    const asked: ChatAddress[] = [];
    await processFanout(event, fanoutDeps(asked));
    expect(new Set(asked.map((a) => a.id)).size).toBe(ids.length);
    for (const id of ids) expect(await outbox.size(c(id))).toBe(1);
  });
});

describe("an ingest whose processing died", () => {
  it("should be processed again by its retry, with the same event, and only then count as seen", async () => {
    const fanned: RumourEvent[] = [];
    let die = true;
    const deps = {
      dedupe: createArticleDedupe(redis, keys, { memoryDays: 30 }),
      nearDuplicates: createNearDuplicateIndex(redis, keys, { memoryDays: 30 }),
      understander: createUnderstander(loadGazetteer()),
      rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
      now: () => now,
      log,
      enqueueFanout: async (e: RumourEvent) => {
        if (die) throw new Error("killed after the rumour was written");
        fanned.push(e);
      },
    };
    const job = IngestJobSchema.parse({
      sourceId: "radar",
      outlet: "Radar",
      url: `https://example.test/calciomercato/kim-${randomUUID().slice(0, 6)}`,
      title: "Kim Min-Jae, contatti col Milan",
      description: "",
      text: "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae: il difensore sudcoreano piace ai rossoneri.",
      published: "2026-01-12T09:00:00Z",
      categories: [],
      backfill: false,
    });
    await expect(processIngest(job, deps)).rejects.toThrow("killed");
    die = false;
    const retry = await processIngest(job, deps);
    expect(retry.status).toBe("processed");
    expect(fanned.map((e) => e.player.key)).toEqual(["kim-min-jae"]);
    expect(fanned[0]?.changes.map((ch) => ch.kind)).toEqual(["new"]);
    expect((await processIngest(job, deps)).status).toBe("duplicate");
    expect(fanned).toHaveLength(1);
  });
});

describe("a deliver job whose worker died", () => {
  it("should take back the chat lock it left behind, while another job still waits for it", async () => {
    const lost = await outbox.lock(c("locked"), 30_000, "deliver-1");
    expect(lost).not.toBeNull();
    expect(await outbox.lock(c("locked"), 30_000, "deliver-2")).toBeNull();
    expect(await outbox.lock(c("locked"), 30_000, "deliver-1")).toBe(lost);
  });
});
