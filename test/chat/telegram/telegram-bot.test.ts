import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { publishTelegramCommands, watchDeepLink } from "../../../src/chat/telegram/index.js";
import type { FakeChat, FakeUser } from "../../fakes/telegram-updates.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

let h: TelegramHarness;
beforeAll(async () => {
  h = await startTelegramHarness({ workers: false });
});
afterAll(async () => {
  await h.close();
});

const KIM = { key: "kim-min-jae", name: "Kim Min-Jae" };
const it_ = (id: number): FakeUser => ({ id, first_name: "Marco", language_code: "it" });
const en = (id: number): FakeUser => ({ id, first_name: "Sam", language_code: "en-GB" });
const dm = (id: number): FakeChat => ({ id, type: "private" });
const repliesTo = (id: number) => h.fake.sent.filter((m) => m.chatId === String(id)).map((m) => m.text);
/** Sends a message as a user and returns the bot's reply in that chat. */
const say = async (chat: FakeChat, from: FakeUser, text: string): Promise<string> => {
  const before = repliesTo(chat.id).length;
  h.fake.pushText({ chat, from, text });
  await waitFor(() => repliesTo(chat.id).length > before, 4000);
  return repliesTo(chat.id)[before]!;
};
const getChatMemberCalls = () => h.fake.calls.filter((c) => c.method === "getChatMember").length;
const watching = async (id: number) => (await h.app.subscriptions.list(tg(id))).players.map((p) => p.key);

describe("the Telegram bot", () => {
  it("should register the command menus in Italian and English with setMyCommands", async () => {
    // Published beside the start, not before it: wait for the last of the six.
    await waitFor(() => h.fake.commands.has("all_private_chats/it"), 5000);
    const names = commands.map((c) => c.name);
    expect(h.fake.commands.get("default/it")?.map((c) => c.command)).toEqual(names);
    expect(h.fake.commands.get("default/it")?.find((c) => c.command === "watch")?.description).toBe(
      "Ricevi gli avvisi su un giocatore",
    );
    expect(h.fake.commands.get("default/en")?.find((c) => c.command === "watch")?.description).toBe(
      "Get alerts about a player",
    );
    expect(h.fake.commands.get("all_private_chats/en")?.map((c) => c.command)).toContain("channel");
    expect(h.fake.commands.get("default/default")?.map((c) => c.command)).not.toContain("channel");
  });

  it("should publish the menus on their own, for a deploy step", async () => {
    h.fake.commands.clear();
    await publishTelegramCommands(h.app.config);
    expect([...h.fake.commands.keys()].sort()).toEqual([
      "all_private_chats/default",
      "all_private_chats/en",
      "all_private_chats/it",
      "default/default",
      "default/en",
      "default/it",
    ]);
  });

  it("should say in two lines what it does and how to begin, in the user's language", async () => {
    const it = await say(dm(101), it_(101), "/start");
    expect(it.split("\n")).toHaveLength(2);
    expect(it).toContain("/watch Kim Min-jae");
    expect(it).toMatch(/^Mercato Radar ti avvisa/);
    const english = await say(dm(102), en(102), "/start");
    expect(english).toMatch(/^Mercato Radar alerts you/);
  });

  it("should watch the player of a shared deep link", async () => {
    const link = watchDeepLink("mercato_radar_test_bot", "Kim Min-Jae");
    expect(link).toBe("https://t.me/mercato_radar_test_bot?start=watch_Kim_Min-Jae");
    const reply = await say(dm(103), it_(103), `/start ${new URL(link).searchParams.get("start")}`);
    expect(reply).toMatch(/^Seguo Kim Min-Jae/i);
    expect(await watching(103)).toEqual(["kim-min-jae"]);
  });

  it("should answer bad input clearly and briefly", async () => {
    expect(await say(dm(104), en(104), "/watch")).toBe("Usage: /watch <player> (player: missing)");
    expect(await say(dm(104), en(104), "/watch 🙂🙂")).toBe("Usage: /watch <player> (player: needs letters)");
    expect(await say(dm(105), en(105), "/transfer Kim")).toBe("Unknown command. /help lists them.");
    expect(await say(dm(106), en(106), "hello")).toBe("Send /help for the commands.");
  });

  it("should let only a group's admins change its subscriptions, checking getChatMember once a minute", async () => {
    const group: FakeChat = { id: -2001, type: "supergroup", title: "Curva" };
    h.fake.setMember(-2001, 201, "administrator");
    const calls = getChatMemberCalls();
    expect(await say(group, en(202), "/watch Kim Min-Jae")).toBe(
      "Only admins can change this chat's alerts.",
    );
    expect(await watching(-2001)).toEqual([]);
    expect(await say(group, en(201), "/watch Kim Min-Jae")).toMatch(/^Watching Kim Min-Jae/i);
    expect(await say(group, en(201), "/unwatch Kim")).toMatch(/^Stopped watching/);
    expect(getChatMemberCalls() - calls).toBe(2); // one per user, then the cache answers
  });

  it("should let a group member who is not an admin run /list, without asking Telegram", async () => {
    const group: FakeChat = { id: -2002, type: "group", title: "Bar Sport" };
    await h.app.subscriptions.watch(tg(-2002), KIM);
    const calls = getChatMemberCalls();
    expect(await say(group, en(203), "/list")).toMatch(/Kim Min-Jae/);
    expect(getChatMemberCalls()).toBe(calls);
  });

  it("should treat an anonymous admin writing as the group as an admin", async () => {
    const group: FakeChat = { id: -2003, type: "supergroup", title: "Ultras" };
    h.fake.pushText({ chat: group, from: { id: 1087968824 }, text: "/follow Milan", senderChat: group });
    await waitFor(() => repliesTo(-2003).length === 1, 4000);
    expect((await h.app.subscriptions.list(tg(-2003))).clubs).toEqual(["Milan"]);
  });

  it("should ignore commands addressed to another bot", async () => {
    const group: FakeChat = { id: -2004, type: "group", title: "Misto" };
    h.fake.pushText({ chat: group, from: en(204), text: "/list@some_other_bot" });
    expect(await say(group, en(204), "/list@mercato_radar_test_bot")).toMatch(/^Nothing followed yet/);
    expect(repliesTo(-2004)).toHaveLength(1);
  });

  it("should let a channel's admin manage it from a private chat when the bot may post there", async () => {
    h.fake.addChat({ id: -1003001, type: "channel", title: "Mercato News", username: "mercato_news" });
    h.fake.setMember(-1003001, 301, "creator");
    h.fake.setMember(-1003001, 302, "member");
    h.fake.setMember(-1003001, 123456789, "administrator", { can_post_messages: true });
    expect(await say(dm(302), en(302), "/channel @mercato_news")).toBe(
      "Only admins of @mercato_news can do that.",
    );
    expect(await say(dm(301), en(301), "/channel @mercato_news")).toMatch(
      /^Now \/watch, \/follow and \/list act on @mercato_news/,
    );
    expect(await say(dm(301), en(301), "/watch Kim Min-Jae")).toMatch(
      /^📢 @mercato_news: Watching Kim Min-Jae/i,
    );
    expect(await watching(-1003001)).toEqual(["kim-min-jae"]);
    expect(await watching(301)).toEqual([]);
    expect(await say(dm(301), en(301), "/channel off")).toBe("Commands act on this chat again.");
    expect(await say(dm(301), en(301), "/list")).toMatch(/^Nothing followed yet/);
  });

  it("should refuse a channel where the bot is not an admin who can post", async () => {
    h.fake.addChat({ id: -1003002, type: "channel", title: "Altro", username: "altro_canale" });
    h.fake.setMember(-1003002, 303, "creator");
    expect(await say(dm(303), en(303), "/channel @altro_canale")).toBe(
      "Make me an admin of @altro_canale allowed to post messages, then try again.",
    );
    expect(await say(dm(303), en(303), "/channel @nessuno_qui")).toMatch(
      /^I can't see the channel @nessuno_qui/,
    );
  });

  it("should show an alert's sources when its Sources button is tapped", async () => {
    await h.telegram.adapter.send({ chat: tg(401), items: [buildOutboxItem({ cited: ["Sport Bild"] })] });
    const data = h.fake.sent.at(-1)?.replyMarkup?.inline_keyboard[0]?.at(-1)?.callback_data;
    expect(data).toMatch(/^s:/);
    h.fake.pushCallback({ chat: dm(401), from: en(401), data: data! });
    await waitFor(
      () => h.fake.calls.some((c) => c.method === "answerCallbackQuery" && c.payload.show_alert),
      4000,
    );
    const answer = h.fake.calls.find((c) => c.method === "answerCallbackQuery" && c.payload.show_alert);
    expect(answer?.payload.text).toContain("Cited sources: Sport Bild");
  });

  it("should quote the words that moved each link, with their outlet, in the Sources popup", async () => {
    const item = buildOutboxItem({
      changes: [
        {
          club: "Milan",
          stage: "agreement",
          previous: "talks",
          kind: "stage",
          evidence: { text: "accordo raggiunto", outlet: "Gazzetta" },
        },
      ],
    });
    await h.telegram.adapter.send({ chat: tg(402), items: [item] });
    const data = h.fake.sent.at(-1)?.replyMarkup?.inline_keyboard[0]?.at(-1)?.callback_data;
    h.fake.pushCallback({ chat: dm(402), from: it_(402), data: data! });
    const popup = () =>
      h.fake.calls.find(
        (c) => c.method === "answerCallbackQuery" && String(c.payload.text ?? "").includes("«"),
      );
    await waitFor(() => popup() !== undefined, 4000);
    expect(popup()?.payload.text).toContain("Milan: «accordo raggiunto» — Gazzetta");
  });

  it("should let only admins use a group alert's Unwatch button", async () => {
    const group: FakeChat = { id: -2005, type: "supergroup", title: "Tifosi" };
    await h.app.subscriptions.watch(tg(-2005), KIM);
    h.fake.setMember(-2005, 501, "administrator");
    h.fake.pushCallback({ chat: group, from: en(502), data: "u:kim-min-jae" });
    await waitFor(() => h.fake.calls.some((c) => c.method === "answerCallbackQuery"), 4000);
    expect(await watching(-2005)).toEqual(["kim-min-jae"]);
    h.fake.pushCallback({ chat: group, from: en(501), data: "u:kim-min-jae" });
    await waitFor(async () => (await watching(-2005)).length === 0, 4000);
  });

  it("should pause a chat when the bot is kicked and resume it when the bot is back", async () => {
    const group: FakeChat = { id: -2006, type: "group", title: "Ex" };
    h.fake.pushMyChatMember({ chat: group, from: en(601), status: "kicked" });
    await waitFor(async () => (await h.app.chatState.paused(tg(-2006)))?.reason === "bot kicked", 4000);
    h.fake.pushMyChatMember({ chat: group, from: en(601), status: "administrator" });
    await waitFor(async () => (await h.app.chatState.paused(tg(-2006))) === null, 4000);
  });

  it("should move a group's subscriptions when it becomes a supergroup", async () => {
    await h.app.subscriptions.watch(tg(-2007), KIM);
    h.fake.pushMigrate({ chat: { id: -2007, type: "group" }, from: en(701), to: -1002007 });
    await waitFor(async () => (await watching(-1002007)).length === 1, 4000);
    expect(await watching(-2007)).toEqual([]);
  });
});
