import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliveryStats } from "../../../src/chat/delivery-stats.js";
import { createProducers } from "../../../src/pipeline.js";
import { type ChatAddress, DeliverJobSchema, DigestSchema } from "../../../src/queues.js";
import { TelegramErrors } from "../../fakes/fake-telegram-api.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

// Telegram's group limit is 20 a minute; scaled down here (same code, same Redis script) to fit a test.
const GROUP = { groupMax: 2, groupWindowMs: 3000 };
let h: TelegramHarness;
let enqueueDeliver: ReturnType<typeof createProducers>["enqueueDeliver"];

beforeAll(async () => {
  h = await startTelegramHarness({ fakeLimits: GROUP, limits: GROUP });
  enqueueDeliver = createProducers(h.app.queues).enqueueDeliver;
});
afterAll(async () => {
  await h.close();
});

const KIM = { key: "kim-min-jae", name: "Kim Min-Jae" };
const watch = async (...chats: ChatAddress[]) => {
  for (const c of chats) await h.app.subscriptions.watch(c, KIM);
};
const to = (id: number | string) => h.fake.sent.filter((m) => m.chatId === String(id));
const callsTo = (id: number | string) =>
  h.fake.calls.filter((c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(id));
/** Puts `n` alerts straight into a chat's outbox and asks for one delivery (MAX_BATCH 5 per message). */
const queueAlerts = async (chat: ChatAddress, n: number) => {
  for (let i = 0; i < n; i++) await h.app.outbox.put(chat, buildOutboxItem());
  await enqueueDeliver(chat, 0);
};
const gaps = (times: number[]) => times.slice(1).map((t, i) => t - times[i]!);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("Telegram delivery rules", () => {
  it("should send at most 30 messages a second for the whole bot, without a 429", async () => {
    h.fake.clear();
    const chats = Array.from({ length: 75 }, (_, i) => tg(10_000 + i));
    await watch(...chats);
    await h.publishKim();
    await waitFor(() => h.fake.sent.length === 75, 8000);
    const times = h.fake.sent.map((m) => m.at);
    // Each message takes a slot of the bot's pace in Redis, which lets at most 30 leave in any 1,020 ms:
    // the 61st leaves at least 2,040 ms after the first (40 ms of that for transit jitter here).
    expect(times.at(-1)! - times[0]!).toBeGreaterThanOrEqual(2000);
    expect(h.fake.tooMany).toEqual([]);
    for (const c of chats) await h.app.subscriptions.unwatch(c, KIM.key);
  });

  it("should leave at least 1 s between two messages to one chat, without a 429", async () => {
    h.fake.clear();
    await queueAlerts(tg(20_001), 12);
    await waitFor(() => to(20_001).length === 3, 6000);
    for (const gap of gaps(to(20_001).map((m) => m.at))) expect(gap).toBeGreaterThanOrEqual(1000);
    expect(h.fake.tooMany).toEqual([]);
  });

  it("should send a group no more than its per-window cap, shared through Redis, without a 429", async () => {
    h.fake.clear();
    await queueAlerts(tg(-30_001), 15);
    await waitFor(() => to(-30_001).length === 3, 8000);
    const times = to(-30_001).map((m) => m.at);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(GROUP.groupWindowMs);
    expect(h.fake.tooMany).toEqual([]);
  });

  it("should wait exactly retry_after after a 429, then send, without spending an attempt", async () => {
    h.fake.clear();
    h.fake.setNextError("sendMessage", TelegramErrors.tooMany(1), { chatId: "40001" });
    await queueAlerts(tg(40_001), 1);
    await waitFor(() => to(40_001).length === 1, 5000);
    const [refused, accepted] = callsTo(40_001);
    expect(refused?.status).toBe(429);
    expect(accepted!.at - refused!.at).toBeGreaterThanOrEqual(1000);
    expect(accepted!.at - refused!.at).toBeLessThan(1600);
    const completed = async () =>
      (await h.app.queues.deliver.telegram.getCompleted(0, 50)).find((j) => {
        const d = DeliverJobSchema.parse(j.data);
        return "chat" in d && d.chat.id === "40001";
      });
    await waitFor(async () => (await completed()) !== undefined, 2000);
    const job = await completed();
    expect(job?.attemptsMade).toBe(1); // the send that worked; the 429 cost none
  });

  it.each([
    ["blocked by the user", 50_001, TelegramErrors.blocked],
    ["kicked", -50_002, TelegramErrors.kicked],
    ["user is deactivated", 50_003, TelegramErrors.deactivated],
    ["chat not found", -50_004, TelegramErrors.chatNotFound],
  ])("should pause a chat on %s: no retry, subscriptions kept", async (_what, id, error) => {
    h.fake.clear();
    await watch(tg(id));
    h.fake.setNextError("sendMessage", error, { chatId: String(id) });
    await queueAlerts(tg(id), 1);
    await waitFor(async () => (await h.app.chatState.paused(tg(id))) !== null, 4000);
    await sleep(1200); // a retry would have come by now
    expect(callsTo(id)).toHaveLength(1);
    expect((await h.app.subscriptions.list(tg(id))).players).toEqual([KIM]);
  });

  it("should send nothing to a paused chat until my_chat_member says the bot is back", async () => {
    h.fake.clear();
    const chat = { id: 50_001, type: "private" as const };
    await h.publishKim();
    await sleep(800);
    expect(callsTo(50_001)).toHaveLength(0);
    h.fake.pushMyChatMember({ chat, from: { id: 50_001 }, status: "member" });
    await waitFor(async () => (await h.app.chatState.paused(tg(50_001))) === null, 4000);
    await h.publishKim();
    await waitFor(() => to(50_001).length === 1, 4000);
  });

  it("should move a group upgraded to a supergroup and resend there", async () => {
    h.fake.clear();
    await watch(tg(-60_001));
    h.fake.setNextError("sendMessage", TelegramErrors.migrated(-1_000_060_001), { chatId: "-60001" });
    await queueAlerts(tg(-60_001), 1);
    await waitFor(() => to(-1_000_060_001).length === 1, 5000);
    expect(to(-60_001)).toHaveLength(0);
    expect((await h.app.subscriptions.watchersOf("kim-min-jae")).map((c) => c.id)).toContain("-1000060001");
    expect((await h.app.subscriptions.list(tg(-60_001))).players).toEqual([]);
  });

  it("should retry a 5xx with backoff and send once", async () => {
    h.fake.clear();
    h.fake.setNextError("sendMessage", TelegramErrors.server(502), { chatId: "70001" });
    await queueAlerts(tg(70_001), 1);
    await waitFor(() => to(70_001).length === 1, 5000);
    const [failed, ok] = callsTo(70_001);
    expect(failed?.status).toBe(502);
    expect(ok!.at - failed!.at).toBeGreaterThanOrEqual(400); // exponential backoff from 1 s, with jitter
    await sleep(300);
    expect(to(70_001)).toHaveLength(1);
  });

  it("should land in the failed set when 5xx outlasts the attempts, and count it", async () => {
    h.fake.clear();
    h.fake.setNextError("sendMessage", TelegramErrors.server(500), { chatId: "70002", times: 10 });
    const before = (await deliveryStats(h.app.queues.deliver.telegram)).failed;
    await h.app.outbox.put(tg(70_002), buildOutboxItem());
    // Two quick attempts instead of the queue's eight with backoff from 1 s.
    const queue = h.app.queues.deliver.telegram;
    await queue.add(
      queue.name,
      { chat: tg(70_002) },
      { attempts: 2, backoff: { type: "fixed", delay: 100 } },
    );
    await waitFor(async () => (await deliveryStats(queue)).failed === before + 1, 5000);
    const stats = await deliveryStats(queue);
    expect(stats.recentFailures[0]).toMatchObject({ chat: "telegram:70002", attempts: 2 });
    expect(stats.recentFailures[0]?.reason).toContain("500");
    expect(await h.app.outbox.size(tg(70_002))).toBe(1); // nothing lost
  });

  it("should send a digest as HTML within the same limits", async () => {
    h.fake.clear();
    const digest = DigestSchema.parse({
      since: "2026-01-12T08:00:00.000Z",
      until: "2026-01-13T08:00:00.000Z",
      players: [{ name: "Kim Min-Jae", club: "Bayern Munich", lines: [] }],
      clubs: [],
    });
    await createProducers(h.app.queues).enqueueDigestDelivery(tg(80_001), digest, digest.until);
    await waitFor(() => to(80_001).length === 1, 5000);
    expect(to(80_001)[0]).toMatchObject({ parseMode: "HTML", linkPreview: { is_disabled: true } });
    expect(to(80_001)[0]?.text).toContain("<b>Kim Min-Jae (Bayern Munich)</b>");
  });
});
