import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedServer, type SampleItem, startFeedServer } from "../../../src/demo/feed-server.js";
import { QueueName } from "../../../src/queues.js";
import { waitFor } from "../../helpers/wait-for.js";
import { startTelegramHarness, type TelegramHarness, tg } from "./telegram-harness.js";

// Articles written for this test; the title carries markup-like characters a feed may hold.
const now = Date.now();
const old: SampleItem = {
  id: "old",
  title: "Juventus, idea Frattesi per gennaio",
  date: new Date(now - 86_400_000).toISOString(),
  text: "La Juventus ha chiesto informazioni all'Inter per Davide Frattesi, centrocampista che piace ai bianconeri.",
};
const kim: SampleItem = {
  id: "kim",
  title: `Milan & Bayern: contatti per Kim Min-Jae, "prezzo < 30 mln"`,
  date: new Date(now - 60_000).toISOString(),
  text: "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae: il difensore sudcoreano piace ai rossoneri per gennaio.",
};

const fan = { id: 5001, first_name: "Giulia", language_code: "it" };
const chat = { id: 5001, type: "private" as const };
let feeds: FeedServer;
let h: TelegramHarness;
const polls: unknown[] = [];

beforeAll(async () => {
  feeds = await startFeedServer({ radar: [old] });
  h = await startTelegramHarness({
    sources: [{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }],
  });
  h.workers!.workers[0]!.on("completed", (_job, result) => polls.push(result));
});

afterAll(async () => {
  await h.close();
  await feeds.close();
});

const poll = async () => {
  const before = polls.length;
  await h.app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
  await waitFor(() => polls.length > before, 5000);
};

describe("Telegram end to end", () => {
  it("should send one HTML alert to a fan who sent /watch Kim Min-Jae when a feed publishes a Kim article", async () => {
    h.fake.pushText({ chat, from: fan, text: "/watch Kim Min-Jae" });
    await waitFor(() => h.fake.sent.some((m) => m.chatId === "5001"), 5000);
    expect(h.fake.sent[0]?.text).toMatch(/^Seguo Kim Min-Jae/i);
    expect((await h.app.subscriptions.watchersOf("kim-min-jae")).map((c) => c.id)).toEqual(["5001"]);

    await poll(); // first fetch: remembered, never alerted
    h.fake.clear();
    feeds.publish({ radar: [kim, old] });
    await poll();
    await waitFor(() => h.fake.sent.length > 0, 5000);
    await new Promise((r) => setTimeout(r, 500)); // nothing else may follow

    const toFan = h.fake.calls.filter(
      (c) => c.method === "sendMessage" && String(c.payload.chat_id) === "5001",
    );
    expect(toFan).toHaveLength(1);
    const [message] = h.fake.sent;
    expect(message?.chatId).toBe("5001");
    expect(message?.parseMode).toBe("HTML");
    // Accepted by the fake's HTML check, with the feed's markup escaped, never raw.
    expect(message?.text).toContain(
      "Milan &amp; Bayern: contatti per Kim Min-Jae, &quot;prezzo &lt; 30 mln&quot;",
    );
    expect(message?.text).toMatch(/^🔔 <b>Kim Min-Jae \(Bayern Monaco\)<\/b>\n/i);
    expect(message?.linkPreview?.url).toBe(`${feeds.base}/radar/kim`);
    const buttons = message?.replyMarkup?.inline_keyboard.flat().map((b) => b.callback_data);
    expect(buttons).toEqual(["u:kim-min-jae", expect.stringMatching(/^s:/)]);
  });

  it("should stop alerting after the fan taps Unwatch under the alert", async () => {
    h.fake.clear();
    h.fake.pushCallback({ chat, from: fan, data: "u:kim-min-jae" });
    await waitFor(() => h.fake.calls.some((c) => c.method === "answerCallbackQuery"), 5000);
    const answer = h.fake.calls.find((c) => c.method === "answerCallbackQuery");
    expect(answer?.payload.text).toMatch(/^Non seguo più Kim Min-Jae\.$/i);
    expect(await h.app.subscriptions.watchersOf("kim-min-jae")).toEqual([]);
    expect(await h.app.chatState.lang(tg(5001))).toBe("it");
  });
});
