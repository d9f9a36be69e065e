import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness } from "./telegram-harness.js";

const SECRET = "webhook-secret-for-tests";
let h: TelegramHarness;
let endpoint = "";

beforeAll(async () => {
  h = await startTelegramHarness({
    workers: false,
    env: { TELEGRAM_WEBHOOK_URL: "https://bot.example.test/tg/hook", TELEGRAM_WEBHOOK_SECRET: SECRET },
  });
  endpoint = `http://127.0.0.1:${h.telegram.webhookPort()}/tg/hook`;
});
afterAll(async () => {
  await h.close();
});

const update = (updateId: number, text: string) => ({
  update_id: updateId,
  message: {
    message_id: updateId,
    date: Math.floor(Date.now() / 1000),
    chat: { id: 9001, type: "private" },
    from: { id: 9001, is_bot: false, first_name: "Web", language_code: "en" },
    text,
  },
});
const post = (body: unknown, headers: Record<string, string> = {}, url = endpoint, method = "POST") =>
  fetch(url, {
    method,
    headers: { "content-type": "application/json", ...headers },
    ...(method === "POST" ? { body: JSON.stringify(body) } : {}),
  });
const secret = { "X-Telegram-Bot-Api-Secret-Token": SECRET };

describe("the Telegram webhook", () => {
  it("should set the webhook with its secret instead of polling", () => {
    expect(h.fake.webhook).toEqual({ url: "https://bot.example.test/tg/hook", secret: SECRET });
    expect(h.fake.calls.some((c) => c.method === "getUpdates")).toBe(false);
  });

  it("should refuse a wrong or missing secret with 401, and every other request with 404", async () => {
    expect(
      (await post(update(1, "/help"), { "X-Telegram-Bot-Api-Secret-Token": "wrong-secret-value" })).status,
    ).toBe(401);
    expect((await post(update(2, "/help"))).status).toBe(401);
    expect((await post(update(3, "/help"), secret, endpoint.replace("/tg/hook", "/other"))).status).toBe(404);
    expect((await post(undefined, secret, endpoint, "GET")).status).toBe(404);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.fake.sent).toHaveLength(0);
  });

  it("should handle an update with the right secret, and a redelivered one only once", async () => {
    const body = update(77, "/list");
    expect((await post(body, secret)).status).toBe(200);
    expect((await post(body, secret)).status).toBe(200); // Telegram retrying: at least once
    await waitFor(() => h.fake.sent.length === 1, 3000);
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.sent).toHaveLength(1);
    expect(h.fake.sent[0]?.text).toMatch(/^Nothing followed yet/);
  });
});
