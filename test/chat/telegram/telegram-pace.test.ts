import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramLimits, TELEGRAM_BOT_PER_SECOND } from "../../../src/chat/telegram/index.js";
import { createSourcesStore } from "../../../src/chat/telegram/sources-store.js";
import { createTelegramAdapter } from "../../../src/chat/telegram/telegram-adapter.js";
import type { ChatAdapter } from "../../../src/chat/types.js";
import { createConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import { createRedis, type Redis } from "../../../src/redis.js";
import { createChatStateStore } from "../../../src/subscriptions/chat-state-store.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "../../fakes/fake-telegram-api.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { busiest, STALL_ALLOWANCE_MS } from "../../helpers/busiest.js";
import { useTestRedis } from "../../helpers/redis.js";
import { tg } from "./telegram-harness.js";

const { redis, keys, url } = useTestRedis();
let fake: FakeTelegramApi;
const others: Redis[] = [];
beforeAll(async () => {
  fake = await startFakeTelegramApi(); // Telegram's limits, 30/s for the bot among them
});
afterAll(async () => {
  await fake.close();
  for (const r of others) r.disconnect();
});

/**
 * An adapter as one worker process has it: its own Redis connection, its own grammY client. `departures`
 * gets the time each sendMessage leaves this process (a grammY transformer, before the HTTP request).
 */
const worker = (departures: number[], o: { paidBroadcast?: boolean } = {}): ChatAdapter => {
  const own = createRedis(url);
  others.push(own);
  const api = new Api(fake.token, { apiRoot: fake.apiRoot });
  api.config.use((prev, method, payload, signal) => {
    if (method === "sendMessage") departures.push(Date.now());
    return prev(method, payload, signal);
  });
  return createTelegramAdapter({
    api,
    redis: own,
    keys,
    chatState: createChatStateStore(own, keys),
    limits: createTelegramLimits(own, keys, o.paidBroadcast ? { botPerSecond: 1000 } : {}),
    sources: createSourcesStore(own, keys),
    log: silentLogger(),
    defaultLang: "en",
    ...(o.paidBroadcast ? { paidBroadcast: true } : {}),
  });
};

describe("the Telegram bot-wide pace", () => {
  it("should keep several senders in several processes to 30 messages in any second together", async () => {
    fake.clear();
    const departures: number[] = [];
    const adapters = [worker(departures), worker(departures)];
    // Each adapter runs 8 senders at once, each through its own chats: 96 messages, no chat twice.
    let next = 0;
    const sender = async (adapter: ChatAdapter) => {
      for (let id = next++; id < 96; id = next++) {
        for (;;) {
          try {
            await adapter.send({ chat: tg(900_000 + id), items: [buildOutboxItem()] });
            break;
          } catch (err) {
            // A pace booked further ahead than a send sleeps through: the deliver queue would wait.
            const wait = (err as { details?: { retryAfterMs?: number } }).details?.retryAfterMs ?? 100;
            await new Promise((r) => setTimeout(r, wait));
          }
        }
      }
    };
    await Promise.all(adapters.flatMap((a) => Array.from({ length: 8 }, () => sender(a))));
    expect(fake.sent).toHaveLength(96);
    expect(departures).toHaveLength(96);
    // The pace spaces departures on Redis's clock; a test process stalled by a busy machine can let two of
    // them leave up to a stall apart instead. Unpaced, all 96 would leave within a few hundred ms.
    expect(busiest(departures, 1000 - STALL_ALLOWANCE_MS)).toBeLessThanOrEqual(TELEGRAM_BOT_PER_SECOND);
    expect(fake.tooMany).toEqual([]);
  });

  it("should take a slot of the pace for every part of a split message", async () => {
    fake.clear();
    const departures: number[] = [];
    const adapter = worker(departures);
    // Long enough to be split at 4096 characters (as in render-telegram.test.ts).
    const long = "Lungo titolo di mercato ".repeat(6);
    const changes = Array.from({ length: 10 }, (_, i) => ({
      club: `Club ${i} ${long}`,
      stage: "talks" as const,
      previous: null,
      kind: "new" as const,
    }));
    const items = Array.from({ length: 5 }, () => buildOutboxItem({ changes }));
    await redis.del(keys.key("tg", "sent"));
    expect(await adapter.reserve!(tg(910_001))).toBe(0); // the chat's first slot, as the deliver job takes it
    await adapter.send({ chat: tg(910_001), items });
    const sent = fake.sent.filter((m) => m.chatId === "910001");
    expect(sent.length).toBeGreaterThan(1);
    // Every part's departure is in the pace's log of the last departures.
    expect(await redis.llen(keys.key("tg", "sent"))).toBe(sent.length);
    expect(departures).toHaveLength(sent.length);
  });

  it("should send with allow_paid_broadcast when paid broadcasts are on, and without it by default", async () => {
    fake.clear();
    await worker([], { paidBroadcast: true }).send({ chat: tg(920_001), items: [buildOutboxItem()] });
    await worker([]).send({ chat: tg(920_002), items: [buildOutboxItem()] });
    const payload = (chatId: string) =>
      fake.calls.find((c) => c.method === "sendMessage" && String(c.payload.chat_id) === chatId)?.payload;
    expect(payload("920001")?.allow_paid_broadcast).toBe(true);
    expect(payload("920002")).toBeDefined();
    expect(payload("920002")?.allow_paid_broadcast).toBeUndefined();
  });

  it("should read the paid broadcast setting from the environment: off by default, 1000/s when on", () => {
    const base = { TELEGRAM_BOT_TOKEN: fake.token };
    expect(createConfig(base).TELEGRAM_PAID_BROADCAST).toBe(false);
    const on = createConfig({ ...base, TELEGRAM_PAID_BROADCAST: "true" });
    expect(on.TELEGRAM_PAID_BROADCAST).toBe(true);
    expect(on.TELEGRAM_PAID_BROADCAST_PER_SECOND).toBe(1000);
    expect(() => createConfig({ ...base, TELEGRAM_PAID_BROADCAST_PER_SECOND: "5000" })).toThrow();
  });
});
