import { afterAll, describe, expect, it } from "vitest";
import type { RedisHandle } from "../../../src/redis-server.js";
import { privateRedis } from "../../helpers/private-redis.js";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.js";

let server: RedisHandle | null = null;
let h: TelegramHarness | null = null;
afterAll(async () => {
  await h?.close();
  await server?.stop();
});

describe("Telegram commands while Redis is away (issue 13, 4)", () => {
  it("should answer 'temporarily unavailable' in the sender's language, then work again", {
    timeout: 60_000,
  }, async () => {
    const redis = await privateRedis();
    server = await redis.start();
    h = await startTelegramHarness({ workers: false, env: { REDIS_URL: redis.url } });
    const fake = h.fake;
    const user = { id: 8001, language_code: "it" };
    fake.pushText({ chat: { id: 8001, type: "private" }, from: user, text: "/follow Milan" });
    await waitFor(() => fake.sent.some((m) => /Milan/.test(m.text)), 10_000);

    await server.stop();
    server = null;
    fake.pushText({ chat: { id: 8001, type: "private" }, from: user, text: "/watch Rafael Leão" });
    fake.pushText({ chat: { id: 8002, type: "private" }, from: { id: 8002 }, text: "/list" });
    await waitFor(() => fake.sent.some((m) => m.chatId === "8001" && /non disponibile/.test(m.text)), 30_000);
    await waitFor(
      () => fake.sent.some((m) => m.chatId === "8002" && /temporarily unavailable/.test(m.text)),
      30_000,
    );

    // An alert's Unwatch button too: an answer instead of a spinner.
    fake.pushCallback({ chat: { id: 8001, type: "private" }, from: user, data: "u:rafael-leao" });
    await waitFor(
      () =>
        fake.calls.some(
          (c) => c.method === "answerCallbackQuery" && /non disponibile/.test(String(c.payload.text)),
        ),
      30_000,
    );

    server = await redis.start();
    fake.pushText({ chat: { id: 8001, type: "private" }, from: user, text: "/list" });
    await waitFor(
      () => fake.sent.filter((m) => m.chatId === "8001" && /Milan/.test(m.text)).length >= 2,
      20_000,
    );
    expect(fake.sent.filter((m) => m.chatId === "8001")).toHaveLength(3);
  });
});
