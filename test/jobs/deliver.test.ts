import { DelayedError, UnrecoverableError } from "bullmq";
import { beforeEach, describe, expect, it } from "vitest";
import { processDeliver } from "../../jobs/deliver.js";
import { createOutbox } from "../../src/chat/outbox.js";
import { DeliveryError } from "../../src/chat/types.js";
import { silentLogger } from "../../src/log.js";
import type { ChatAddress } from "../../src/queues.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { buildRumourEvent } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const chatState = createChatStateStore(redis, keys);
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const outbox = createOutbox(redis, keys, log);
const adapter = createRecordingAdapter("telegram");
const requeued: ChatAddress[] = [];
const limits: number[] = [];
const deps = {
  adapter,
  outbox,
  chatState,
  subscriptions,
  log,
  now: () => new Date("2026-01-12T10:00:00Z"),
  enqueueDeliver: async (chat: ChatAddress) => void requeued.push(chat),
  enqueueDigestDelivery: async (chat: ChatAddress) => void requeued.push(chat),
  rateLimit: async (ms: number) => {
    limits.push(ms);
    return new Error("rate limited");
  },
  postpone: async (ms: number) => {
    limits.push(-ms);
    return new DelayedError();
  },
};
const chat = (id: string): ChatAddress => ({ platform: "telegram", id });
const queue = async (id: string, n = 1) => {
  for (let i = 0; i < n; i++)
    await outbox.put(chat(id), { alert: buildRumourEvent(), matched: ["watch:Kim Min-Jae"] });
};

beforeEach(() => adapter.clear());

describe("processDeliver", () => {
  it("should send what waits as one message and empty the outbox", async () => {
    await queue("100", 3);
    expect(await processDeliver({ chat: chat("100") }, deps)).toBe("sent");
    expect(adapter.sent).toHaveLength(1);
    expect(adapter.sent[0]?.items).toHaveLength(3);
    expect(await outbox.size(chat("100"))).toBe(0);
    expect(await processDeliver({ chat: chat("100") }, deps)).toBe("empty");
    expect(adapter.sent).toHaveLength(1);
  });

  it("should refuse a payload that breaks the contract, for good", async () => {
    await expect(processDeliver({ chat: { platform: "telegram" } }, deps)).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });

  it("should hold the queue for exactly the time a 429 asks, and keep the alert", async () => {
    await queue("110");
    adapter.setNextError(new DeliveryError("RATE_LIMITED", "429", { retryAfterMs: 7000 }));
    await expect(processDeliver({ chat: chat("110") }, deps)).rejects.toThrow("rate limited");
    expect(limits.at(-1)).toBe(7000);
    expect(await outbox.size(chat("110"))).toBe(1);
  });

  it("should postpone only this job when the chat's own limit asks to wait", async () => {
    await queue("120");
    adapter.setWait(900);
    await expect(processDeliver({ chat: chat("120") }, deps)).rejects.toBeInstanceOf(DelayedError);
    expect(limits.at(-1)).toBe(-900);
    expect(await processDeliver({ chat: chat("120") }, deps)).toBe("sent");
  });

  it("should postpone while another worker holds the chat", async () => {
    await queue("130");
    const token = await outbox.lock(chat("130"), 5000);
    await expect(processDeliver({ chat: chat("130") }, deps)).rejects.toBeInstanceOf(DelayedError);
    await outbox.unlock(chat("130"), token!);
  });

  it("should pause a chat that blocked the bot, keep its subscriptions, and send it nothing more", async () => {
    await subscriptions.watch(chat("200"), { key: "kim-min-jae", name: "Kim Min-Jae" });
    await queue("200");
    adapter.setNextError(new DeliveryError("CHAT_GONE", "Forbidden: bot was blocked by the user"));
    await expect(processDeliver({ chat: chat("200") }, deps)).rejects.toBeInstanceOf(UnrecoverableError);
    expect((await chatState.paused(chat("200")))?.reason).toContain("blocked");
    expect(await processDeliver({ chat: chat("200") }, deps)).toBe("paused-chat");
    expect(adapter.sent).toHaveLength(0);
    expect((await subscriptions.list(chat("200"))).players).toHaveLength(1);
  });

  it("should move a migrated chat's subscriptions and waiting alerts to the new id", async () => {
    await subscriptions.follow(chat("300"), "Milan");
    await queue("300", 2);
    adapter.setNextError(new DeliveryError("CHAT_MOVED", "upgraded to a supergroup", { movedTo: "-100300" }));
    expect(await processDeliver({ chat: chat("300") }, deps)).toBe("moved");
    expect(requeued.at(-1)).toEqual(chat("-100300"));
    expect(await subscriptions.followersOf("Milan")).toEqual([chat("-100300")]);
    expect(await outbox.size(chat("-100300"))).toBe(2);
    expect(await outbox.size(chat("300"))).toBe(0);
  });

  it("should let transient errors through for the queue's backoff, keeping the alert", async () => {
    await queue("400");
    adapter.setNextError(new DeliveryError("TRANSIENT", "502 Bad Gateway"));
    await expect(processDeliver({ chat: chat("400") }, deps)).rejects.toBeInstanceOf(DeliveryError);
    expect(await outbox.size(chat("400"))).toBe(1);
  });
});

describe("a limit of the chat's own", () => {
  it("should hold only that chat's job, not the whole queue", async () => {
    await queue("500");
    adapter.setNextError(
      new DeliveryError("RATE_LIMITED", "429 on one channel", { retryAfterMs: 2500, scope: "chat" }),
    );
    await expect(processDeliver({ chat: chat("500") }, deps)).rejects.toBeInstanceOf(DelayedError);
    expect(limits.at(-1)).toBe(-2500);
    expect(await outbox.size(chat("500"))).toBe(1);
  });

  it("should send a batch's chats one message each, merging what waits, and leave each chat's trouble to it", async () => {
    requeued.length = 0;
    await queue("600", 2); // two alerts waiting: one message
    await queue("601");
    await queue("602"); // gone: paused, the rest go on
    await queue("603"); // its own limit says wait: a job of its own later
    await chatState.pause(chat("604"), "blocked", new Date()); // paused already: skipped
    await queue("604");
    const failing = createRecordingAdapter("telegram");
    const d = {
      ...deps,
      adapter: {
        ...failing,
        reserve: async (c: ChatAddress) => (c.id === "603" ? 700 : 0),
        send: async (m: Parameters<typeof failing.send>[0]) => {
          if (m.chat.id === "602") throw new DeliveryError("CHAT_GONE", "blocked by the user");
          await failing.send(m);
        },
      },
    };
    const ids = ["600", "601", "602", "603", "604", "605"];
    expect(await processDeliver({ platform: "telegram", chats: ids }, d)).toBe("sent");
    expect(failing.sent.map((m) => [m.chat.id, m.items.length]).sort()).toEqual([
      ["600", 2],
      ["601", 1],
    ]);
    expect(await chatState.paused(chat("602"))).not.toBeNull();
    expect(requeued).toEqual([chat("603")]);
    expect(await outbox.size(chat("603"))).toBe(1);
    // Run again (its re-run after a crash): nothing is sent twice.
    expect(await processDeliver({ platform: "telegram", chats: ids }, d)).toBe("empty");
    expect(failing.sent).toHaveLength(2);
  });

  it("should stop a batch before its next send once its run was taken over", async () => {
    await queue("700");
    const d = { ...deps, stillOwned: async () => false };
    await expect(processDeliver({ platform: "telegram", chats: ["700"] }, d)).rejects.toThrow("taken over");
    expect(adapter.sent).toEqual([]);
    expect(await outbox.size(chat("700"))).toBe(1);
  });

  it("should let a batch stopped by a bot-wide limit finish the sends under way before it gives up", async () => {
    for (const id of ["800", "801", "802", "803"]) await queue(id);
    let inFlight = 0;
    let most = 0;
    const slow = createRecordingAdapter("telegram");
    const d = {
      ...deps,
      adapter: {
        ...slow,
        send: async (m: Parameters<typeof slow.send>[0]) => {
          inFlight++;
          most = Math.max(most, inFlight);
          await new Promise((r) => setTimeout(r, m.chat.id === "800" ? 5 : 50));
          inFlight--;
          if (m.chat.id === "800")
            throw new DeliveryError("RATE_LIMITED", "too many", { retryAfterMs: 1000 });
          await slow.send(m);
        },
      },
    };
    await expect(
      processDeliver({ platform: "telegram", chats: ["800", "801", "802", "803"] }, d),
    ).rejects.toThrow("rate limited");
    expect(most).toBeGreaterThan(1);
    expect(inFlight).toBe(0); // nothing still sending when the job gave up
    // What was sent is recorded; what was not still waits for the re-run.
    expect(slow.sent.map((m) => m.chat.id).sort()).toEqual(["801", "802", "803"]);
    expect(await outbox.size(chat("800"))).toBe(1);
    expect(await outbox.size(chat("801"))).toBe(0);
  });
});
