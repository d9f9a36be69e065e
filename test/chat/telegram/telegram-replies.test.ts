import { afterEach, describe, expect, it } from "vitest";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

let h: TelegramHarness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

describe("command replies within Telegram's limits (issue 13, 5)", () => {
  it("should answer 60 chats that send /start at once, all of them, without breaking 30/s", {
    timeout: 30_000,
  }, async () => {
    h = await startTelegramHarness({ workers: false });
    const fake = h.fake;
    for (let i = 1; i <= 60; i++)
      fake.pushText({ chat: { id: 5000 + i, type: "private" }, from: { id: 5000 + i }, text: "/start" });
    await waitFor(() => new Set(fake.sent.map((m) => m.chatId)).size === 60, 20_000);
    expect(fake.sent).toHaveLength(60);
    expect(fake.tooMany).toEqual([]);
  });

  it("should answer every command of a busy group, waiting for the group's window", {
    timeout: 30_000,
  }, async () => {
    // The group cap made small (3 per 5 s, and 0.1 s between two, on both sides) so the test sees the
    // window turn: the 4th reply has to wait over 4 s.
    const window = { groupMax: 3, groupWindowMs: 5000, chatGapMs: 100 };
    h = await startTelegramHarness({ workers: false, fakeLimits: window, limits: window });
    const fake = h.fake;
    const group = { id: -100777, type: "supergroup" as const, title: "Curva" };
    for (let i = 0; i < 5; i++) fake.pushText({ chat: group, from: { id: 42 }, text: "/help" });
    await waitFor(() => fake.sent.filter((m) => m.chatId === "-100777").length === 5, 20_000);
    const sends = fake.sent.filter((m) => m.chatId === "-100777").map((m) => m.at);
    expect(sends[3]! - sends[0]!).toBeGreaterThanOrEqual(5000);
    expect(fake.tooMany).toEqual([]);
  });

  it("should retry a reply Telegram refused with 429, after retry_after", { timeout: 20_000 }, async () => {
    h = await startTelegramHarness({ workers: false });
    const fake = h.fake;
    fake.setNextError(
      "sendMessage",
      { error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } },
      { chatId: "6001" },
    );
    fake.pushText({ chat: { id: 6001, type: "private" }, from: { id: 6001 }, text: "/help" });
    await waitFor(() => fake.sent.some((m) => m.chatId === "6001"), 10_000);
  });
});

describe("long replies (issue 13, 6)", () => {
  it("should split a /list of 100 long names at 4096 characters, keeping every name and the settings", {
    timeout: 30_000,
  }, async () => {
    h = await startTelegramHarness({ workers: false, env: { MAX_SUBSCRIPTIONS_PER_CHAT: "200" } });
    const chat = tg(7001);
    const names = Array.from(
      { length: 100 },
      (_, i) => `Giocatore Con Un Nome Davvero Molto Lungo Numero ${String(i).padStart(3, "0")}`,
    );
    for (const [i, name] of names.entries())
      await h.app.subscriptions.watch(chat, { key: `long-${i}`, name });
    h.fake.pushText({ chat: { id: 7001, type: "private" }, from: { id: 7001 }, text: "/list" });
    await waitFor(
      () => h!.fake.sent.some((m) => m.chatId === "7001" && /Digest|Riepilogo/.test(m.text)),
      15_000,
    );
    const parts = h.fake.sent.filter((m) => m.chatId === "7001");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.text.length).toBeLessThanOrEqual(4096);
    const all = parts.map((p) => p.text).join("\n");
    for (const n of names) expect(all).toContain(n);
  });
});
