/**
 * The link to the player's rumour page in every chat (#17): a Telegram button, a Discord embed field, a
 * terminal line, and /latest; present only with PUBLIC_URL.
 */
import { describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext } from "../../commands/types.js";
import { renderConsoleAlert } from "../../src/chat/console-chat.js";
import { renderAlertEmbed, renderDiscordMessages } from "../../src/chat/discord/render-discord.js";
import { alertKeyboard } from "../../src/chat/telegram/alert-keyboard.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { silentLogger } from "../../src/log.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../src/understand/index.js";
import { buildOutboxItem } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

const PUBLIC = "https://radar.example.org";
const KIM = `${PUBLIC}/p/kim-min-jae`;
const urlButtons = (kb: ReturnType<typeof alertKeyboard>) =>
  (kb?.inline_keyboard ?? []).flat().flatMap((b) => ("url" in b ? [{ text: b.text, url: b.url }] : []));

describe("the Telegram Timeline button", () => {
  it("should open the player's page in the chat's language, beside Sources", () => {
    expect(urlButtons(alertKeyboard([buildOutboxItem()], "it", PUBLIC))).toEqual([
      { text: "🗓 Cronologia", url: `${KIM}?lang=it` },
    ]);
    expect(urlButtons(alertKeyboard([buildOutboxItem()], "en", PUBLIC))).toEqual([
      { text: "🗓 Timeline", url: `${KIM}?lang=en` },
    ]);
  });

  it("should be there once per player, and absent without PUBLIC_URL or on a local address", () => {
    const two = alertKeyboard([buildOutboxItem(), buildOutboxItem()], "en", PUBLIC);
    expect(urlButtons(two)).toHaveLength(1);
    expect(urlButtons(alertKeyboard([buildOutboxItem()], "en"))).toEqual([]);
    // Telegram refuses such buttons with a 400 that would fail the whole alert.
    expect(urlButtons(alertKeyboard([buildOutboxItem()], "en", "http://127.0.0.1:9090"))).toEqual([]);
    expect(urlButtons(alertKeyboard([buildOutboxItem()], "en", "http://localhost:9090"))).toEqual([]);
  });
});

describe("the Discord Timeline link", () => {
  it("should add a field linking the player's page, the name escaped", () => {
    const embed = renderAlertEmbed(buildOutboxItem(), "it", PUBLIC);
    expect(embed.fields?.at(-1)).toEqual({
      name: "Cronologia",
      value: `[Kim Min\\-Jae \\(Bayern Monaco\\)](${KIM}?lang=it)`,
      inline: false,
    });
    const [message] = renderDiscordMessages([buildOutboxItem()], "en", PUBLIC);
    expect(message?.embeds?.[0]?.fields?.map((f) => f.name)).toContain("Timeline");
    expect(renderAlertEmbed(buildOutboxItem(), "en").fields?.map((f) => f.name)).not.toContain("Timeline");
  });

  it("should keep within Discord's 25 fields with a board of 30 clubs", () => {
    const links = Array.from({ length: 30 }, (_, i) => ({ club: `Club ${i}`, stage: "talks" as const }));
    const embed = renderAlertEmbed(buildOutboxItem({ links }), "en", PUBLIC);
    expect(embed.fields!.length).toBeLessThanOrEqual(25);
    expect(embed.fields?.at(-1)?.name).toBe("Timeline");
  });
});

describe("the terminal's Timeline line", () => {
  it("should print the page's URL last, only with PUBLIC_URL", () => {
    expect(renderConsoleAlert(buildOutboxItem(), "en", PUBLIC).split("\n").at(-1)).toBe(
      `   🗓 Timeline: ${KIM}?lang=en`,
    );
    expect(renderConsoleAlert(buildOutboxItem(), "it")).not.toContain("🗓");
  });
});

describe("/latest", () => {
  const { redis, keys } = useTestRedis();
  const deps = {
    subscriptions: createSubscriptionStore(redis, keys, { maxPerChat: 4 }),
    rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
    gazetteer: loadGazetteer(),
    chatState: createChatStateStore(redis, keys),
    digestSchedule: createDigestSchedule(redis, keys),
    now: () => new Date(),
  };
  const ctx = (publicUrl?: string, lang: "it" | "en" = "en"): CommandContext => ({
    platform: "console",
    chat: { platform: "console", id: "local" },
    chatKind: "private",
    userId: "u1",
    isAdmin: true,
    lang,
    deps: { ...deps, publicUrl },
  });
  const run = async (line: string, c: CommandContext) =>
    (await runTextCommand(line, c, silentLogger()))?.text;

  it("should link the player's page and the club's page", async () => {
    await deps.rumours.observe({
      player: {
        key: "kim-min-jae",
        name: "Kim Min-jae",
        provisional: false,
        club: "Bayern Munich",
        links: [{ club: "Milan", stage: "talks" }],
      },
      article: { url: "https://example.test/kim", title: "Kim, contatti", outlet: "Radar", published: null },
      outlet: "Radar",
      cited: [],
      at: new Date(),
    });
    expect((await run("/latest Kim Min-Jae", ctx(PUBLIC, "it")))?.split("\n").at(-1)).toBe(
      `🗓 Cronologia: ${KIM}?lang=it`,
    );
    expect((await run("/latest Milan", ctx(PUBLIC)))?.split("\n").at(-1)).toBe(
      `🗓 Page: ${PUBLIC}/c/milan?lang=en`,
    );
    expect(await run("/latest Kim Min-Jae", ctx())).not.toContain("🗓");
  });
}, 30_000);
