import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeChat, FakeUser } from "../../fakes/telegram-updates.js";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ workers: false });
});
afterAll(async () => {
  await h.close();
});

const it_ = (id: number): FakeUser => ({ id, first_name: "Marco", language_code: "it" });
const en = (id: number): FakeUser => ({ id, first_name: "Sam", language_code: "en-GB" });
const dm = (id: number): FakeChat => ({ id, type: "private" });
const sentTo = (id: number) => h.fake.sent.filter((m) => m.chatId === String(id));
const say = async (chat: FakeChat, from: FakeUser, text: string): Promise<string> => {
  const before = sentTo(chat.id).length;
  h.fake.pushText({ chat, from, text });
  await waitFor(() => sentTo(chat.id).length > before, 4000);
  return sentTo(chat.id)[before]!.text;
};

describe("the chat's language on Telegram (issue 16)", () => {
  it("should take a private chat's language from its user, and show it truly", async () => {
    expect(await say(dm(701), it_(701), "/list")).toContain("Lingua: italiano");
    expect(await say(dm(702), en(702), "/list")).toContain("Language: English");
    expect(await h.app.chatState.lang(tg(701))).toBe("it");
  });

  it("should let the first admin decide a group's language, not a member", async () => {
    const group: FakeChat = { id: -7001, type: "supergroup", title: "Curva Sud" };
    h.fake.setMember(-7001, 711, "administrator");
    // A member asks first: answered in his language, nothing decided.
    expect(await say(group, en(712), "/list")).toContain("Language: English");
    expect(await h.app.chatState.lang(tg(-7001))).toBeNull();
    expect(await say(group, it_(711), "/follow Bayern Munich")).toBe(
      "Squadra seguita: Bayern Monaco. Ti avviso di ogni trattativa nuova o che avanza.",
    );
    expect(await h.app.chatState.lang(tg(-7001))).toBe("it");
    expect(await say(group, en(712), "/list")).toContain("Lingua: italiano");
  });

  it("should ask with a button before removing every club, and remove them when it is tapped", async () => {
    await say(dm(721), en(721), "/follow Milan");
    await say(dm(721), en(721), "/follow Inter");
    expect(await say(dm(721), en(721), "/unfollow all")).toBe(
      "Stop following all 2 clubs? Send /unfollow all yes to confirm.",
    );
    const buttons = sentTo(721).at(-1)?.replyMarkup?.inline_keyboard[0];
    expect(buttons?.map((b) => b.text)).toEqual(["✅ Yes, remove all", "Cancel"]);
    const before = sentTo(721).length;
    h.fake.pushCallback({
      chat: dm(721),
      from: en(721),
      data: (buttons![0] as { callback_data: string }).callback_data,
    });
    await waitFor(() => sentTo(721).length > before, 4000);
    expect(sentTo(721).at(-1)?.text).toBe("Stopped following 2 clubs.");
    expect((await h.app.subscriptions.list(tg(721))).clubs).toEqual([]);
  });
});
