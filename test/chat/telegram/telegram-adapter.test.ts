import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegram } from "../../../src/chat/telegram/index.js";
import { DeliveryError, type DeliveryErrorCode } from "../../../src/chat/types.js";
import { type ApiErrorBody, TelegramErrors } from "../../fakes/fake-telegram-api.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ workers: false, start: false, fakeLimits: null });
});
afterAll(async () => {
  await h.close();
});

const message = (id: number) => ({
  chat: tg(id),
  items: [buildOutboxItem()],
});
const failure = async (send: Promise<void>): Promise<DeliveryError> => {
  const err = await send.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
};

describe("the Telegram adapter's error classification", () => {
  it.each<[string, ApiErrorBody, DeliveryErrorCode]>([
    ["429", TelegramErrors.tooMany(7), "RATE_LIMITED"],
    ["blocked", TelegramErrors.blocked, "CHAT_GONE"],
    ["kicked", TelegramErrors.kicked, "CHAT_GONE"],
    ["deactivated", TelegramErrors.deactivated, "CHAT_GONE"],
    ["chat not found", TelegramErrors.chatNotFound, "CHAT_GONE"],
    ["migrated", TelegramErrors.migrated(-1001234), "CHAT_MOVED"],
    ["502", TelegramErrors.server(502), "TRANSIENT"],
    ["500", TelegramErrors.server(500), "TRANSIENT"],
    ["a bad payload", { error_code: 400, description: "Bad Request: can't parse entities" }, "BAD_REQUEST"],
  ])("should classify %s", async (_name, error, code) => {
    h.fake.setNextError("sendMessage", error);
    const err = await failure(h.telegram.adapter.send(message(1)));
    expect(err.code).toBe(code);
    if (code === "RATE_LIMITED") expect(err.details.retryAfterMs).toBe(7000);
    if (code === "CHAT_MOVED") expect(err.details.movedTo).toBe("-1001234");
  });

  it("should classify a network error as transient, without the token in the message", async () => {
    const offline = createTelegram(
      { ...h.app, config: { ...h.app.config, TELEGRAM_API_ROOT: "http://127.0.0.1:9" } },
      { botInfo: h.fake.botInfo },
    );
    const err = await failure(offline.adapter.send(message(2)));
    expect(err.code).toBe("TRANSIENT");
    expect(err.message).not.toContain(h.fake.token.split(":")[1]);
  });
});
