import { DelayedError, UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { processDeliver } from "../../jobs/deliver.js";
import { DeliveryError } from "../../src/chat/types.js";
import { silentLogger } from "../../src/log.js";
import type { DeliverJob } from "../../src/queues.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { useTestRedis } from "../helpers/redis.js";
import { buildRumourEvent } from "../helpers/builders.js";

const { redis, keys } = useTestRedis();
const chatState = createChatStateStore(redis, keys);
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const adapter = createRecordingAdapter("telegram");
const requeued: DeliverJob[] = [];
const limits: number[] = [];
const deps = {
  adapter,
  chatState,
  subscriptions,
  log: silentLogger(),
  now: () => new Date("2026-01-12T10:00:00Z"),
  enqueueDeliver: async (j: DeliverJob) => void requeued.push(j),
  rateLimit: async (ms: number) => {
    limits.push(ms);
    return new Error("rate limited");
  },
  postpone: async (ms: number) => {
    limits.push(-ms);
    return new DelayedError();
  },
};
const job = (id = "100"): DeliverJob => ({
  chat: { platform: "telegram", id },
  alert: buildRumourEvent(),
  matched: ["watch:Kim Min-Jae"],
});

describe("processDeliver", () => {
  it("should send through the adapter", async () => {
    expect(await processDeliver(job(), deps)).toBe("sent");
    expect(adapter.sent).toHaveLength(1);
  });

  it("should refuse a payload that breaks the contract, for good", async () => {
    await expect(processDeliver({ chat: { platform: "telegram" } }, deps)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it("should hold the queue for exactly the time a 429 asks", async () => {
    adapter.setNextError(new DeliveryError("RATE_LIMITED", "429", { retryAfterMs: 7000 }));
    await expect(processDeliver(job(), deps)).rejects.toThrow("rate limited");
    expect(limits.at(-1)).toBe(7000);
  });

  it("should postpone only this job when the chat's own limit asks to wait", async () => {
    adapter.setWait(900);
    await expect(processDeliver(job(), deps)).rejects.toBeInstanceOf(DelayedError);
    expect(limits.at(-1)).toBe(-900);
  });

  it("should pause a chat that blocked the bot, keep its subscriptions, and send it nothing more", async () => {
    await subscriptions.watch({ platform: "telegram", id: "200" }, { key: "kim-min-jae", name: "Kim Min-Jae" });
    adapter.setNextError(new DeliveryError("CHAT_GONE", "Forbidden: bot was blocked by the user"));
    await expect(processDeliver(job("200"), deps)).rejects.toBeInstanceOf(UnrecoverableError);
    expect((await chatState.paused({ platform: "telegram", id: "200" }))?.reason).toContain("blocked");
    adapter.clear();
    expect(await processDeliver(job("200"), deps)).toBe("paused-chat");
    expect(adapter.sent).toHaveLength(0);
    expect((await subscriptions.list({ platform: "telegram", id: "200" })).players).toHaveLength(1);
  });

  it("should move a migrated chat's subscriptions and resend to the new id", async () => {
    await subscriptions.follow({ platform: "telegram", id: "300" }, "Milan");
    adapter.setNextError(new DeliveryError("CHAT_MOVED", "upgraded to a supergroup", { movedTo: "-100300" }));
    expect(await processDeliver(job("300"), deps)).toBe("moved");
    expect(requeued.at(-1)?.chat).toEqual({ platform: "telegram", id: "-100300" });
    expect(await subscriptions.followersOf("Milan")).toEqual([{ platform: "telegram", id: "-100300" }]);
  });

  it("should let transient errors through for the queue's backoff", async () => {
    adapter.setNextError(new DeliveryError("TRANSIENT", "502 Bad Gateway"));
    await expect(processDeliver(job(), deps)).rejects.toBeInstanceOf(DeliveryError);
  });
});
