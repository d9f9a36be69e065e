import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext, Lang } from "../../commands/types.js";
import { renderConsoleAlert, renderConsoleDigest } from "../../src/chat/console-chat.js";
import { renderAlertEmbed, renderDiscordDigest } from "../../src/chat/discord/render-discord.js";
import { alertKeyboard, confirmKeyboard } from "../../src/chat/telegram/alert-keyboard.js";
import { renderAlertLines, sourcesText } from "../../src/chat/telegram/render-telegram.js";
import { renderTelegramDigest } from "../../src/chat/telegram/render-telegram-digest.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import type { Digest } from "../../src/queues.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../src/understand/index.js";
import { buildOutboxItem } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

/**
 * Walks every command, its bad input, and every alert and digest renderer in both languages, and fails
 * on a word of the other language: an Italian chat must never read English (issue #16).
 */
const ENGLISH_ONLY =
  /\b(the|you|your|and|with|from|this|that|don't|already|usage|watching|following|stopped|missing|invalid|input|expected|received|characters?|too big|too small|transfers|unknown|players?|clubs?|alerts?|held|digest|quiet hours|language|nothing|more|sources|outlets?|board|why|unconfirmed|reported|Munich|maximum|paused|filters?|only|yes|remove)\b/i;
const ITALIAN_ONLY =
  /\b(il|gli|della|segui|seguo|squadra|squadre|giocatore|giocatori|riepilogo|silenzio|lingua|avvisi|trattenut[oi]|testat[ae]|fonti|perché|sconosciuto|uso|manca|troppo|Monaco|nessun[oa]?|pausa|filtri|trattativa)\b/i;

const { redis, keys } = useTestRedis();
const log = silentLogger();
const deps = {
  subscriptions: createSubscriptionStore(redis, keys, { maxPerChat: 3 }),
  rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
  gazetteer: loadGazetteer(),
  chatState: createChatStateStore(redis, keys),
  digestSchedule: createDigestSchedule(redis, keys),
  held: createHeldAlerts(redis, keys),
  now: () => new Date("2026-01-12T10:00:00Z"),
};
const ctx = (lang: Lang, isAdmin = true): CommandContext => ({
  platform: "telegram",
  chat: { platform: "telegram", id: `walk-${lang}` },
  chatKind: isAdmin ? "private" : "group",
  userId: "u1",
  isAdmin,
  lang,
  deps,
});

/** Lines that reach every reply of every command: good input, bad input, and each refusal. */
const SCRIPT = [
  "/help",
  "/list",
  "/export",
  "/watch",
  "/watch 🙂🙂",
  "/watch <b>x</b>",
  "/watch x",
  "/watch Kim Min-jae",
  "/watch Kim Min-jae",
  "/watch Martinez",
  "/watch Tommaso Sconosciutissimo",
  "/follow Real Fantasia FC",
  "/follow Міlan",
  "/follow Bayern Monaco",
  "/follow Bayern Munich",
  "/follow Juventus",
  "/list",
  "/export",
  "/latest Kim Min-jae",
  "/latest Bayern Munich",
  "/filter",
  "/filter whatever",
  "/filter players talks ★★",
  "/filter squadre accordo 3",
  "/list",
  "/filter clubs off",
  "/filter off",
  "/pause 5 weeks",
  "/pause 2h",
  "/list",
  "/resume",
  "/resume",
  "/pause",
  "/list",
  "/resume",
  "/digest",
  "/digest Europe/Rome",
  "/digest 25:00",
  "/digest 08:30 Europe/Milano",
  "/digest 09:00 europe/rome",
  "/quiet",
  "/quiet late",
  "/quiet 23:00-07:00",
  "/digest off",
  "/quiet 23:00-07:00",
  "/quiet off",
  "/lang",
  "/lang fr",
  "/unwatch Nobody Here",
  "/unwatch Kim",
  "/unfollow Nowhere FC",
  "/unfollow Bayern Munich",
  "/import",
  "/import Players: Kim Min-jae; <b>x</b> · Clubs: Milan; Atlantide",
  "/unwatch all",
  "/unwatch all yes",
  "/unfollow all",
  "/unfollow all yes",
  "/unwatch all",
  "/transfer Kim",
  `/watch ${"x".repeat(400)}`,
];

async function walk(lang: Lang): Promise<string[]> {
  const replies: string[] = [];
  for (const line of SCRIPT) {
    const reply = await runTextCommand(line, ctx(lang), log);
    replies.push(`${line} → ${reply?.text ?? ""}`);
  }
  replies.push((await runTextCommand("/watch Kim", ctx(lang, false), log))?.text ?? "");
  return replies;
}

/** The replies, alerts and digests of one language, as text, for the checks below. */
function rendered(lang: Lang): string[] {
  const watch = buildOutboxItem({
    changes: [
      { club: "Milan", stage: "agreement", previous: "talks", kind: "stage" },
      { club: "Bayern Munich", stage: "renewal", previous: null, kind: "renewal" },
    ],
    links: [
      { club: "Milan", stage: "agreement" },
      { club: "Bayern Munich", stage: "renewal" },
      { club: "Inter", stage: "interest" },
    ],
    outlets: 3,
  });
  const follow = buildOutboxItem({}, ["follow:Bayern Munich"]);
  const article = { url: "https://example.test/a", title: "Kim", outlet: "Gazzetta", published: null };
  const digest: Digest = {
    since: "2026-01-11T08:00:00.000Z",
    until: "2026-01-12T08:00:00.000Z",
    players: [
      {
        name: "Kim Min-jae",
        club: "Bayern Munich",
        lines: [
          {
            name: "Milan",
            stage: "agreement",
            moves: ["talks", "agreement"],
            outlets: 1,
            article,
            held: "quiet",
            claims: [{ stage: "official", outlets: 2 }],
          },
          { name: "Inter", stage: "interest", moves: [], outlets: 2, article: null, held: "cap" },
        ],
      },
    ],
    clubs: [
      {
        club: "Bayern Munich",
        lines: [
          { name: "Fabbian", stage: "talks", moves: [], outlets: 1, article: null, held: "paused" },
          {
            name: "Fabbian",
            to: "Stuttgart",
            stage: "talks",
            moves: [],
            outlets: 1,
            article,
            held: "filtered",
          },
        ],
      },
    ],
  };
  const embeds = [watch, follow].map((i) => JSON.stringify(renderAlertEmbed(i, lang)));
  const keyboard = JSON.stringify([
    alertKeyboard([watch, follow], lang),
    confirmKeyboard("/unwatch all yes", lang),
  ]);
  return [
    renderConsoleAlert(watch, lang),
    renderConsoleDigest({ chat: { platform: "console", id: "x" }, digest }, lang),
    renderConsoleDigest(
      { chat: { platform: "console", id: "x" }, digest: { ...digest, kind: "held" } },
      lang,
    ),
    ...renderAlertLines(watch, lang),
    sourcesText(watch, lang),
    ...renderTelegramDigest(digest, lang),
    ...embeds,
    ...renderDiscordDigest(digest, lang).map((m) => JSON.stringify(m)),
    keyboard,
  ];
}

/** Feed text and names that are the same in any language, blanked before looking for words. */
const neutral = (s: string) =>
  s
    .replace(/https?:\/\/\S+/g, "")
    // What the user typed, quoted back.
    .replace(/"[^"]*"/g, "")
    .replace(/\/[a-z]+( all yes)?/g, "")
    .replace(
      /Kim Min-jae|Kim|Sconosciutissimo|Tommaso|Martinez|Fabbian|Fantasia|Nobody Here|Nowhere|Atlantide/gi,
      "",
    )
    .replace(/Europe\/\w+|America\/\w+/g, "");

describe("every word in the chat's language (issue 16)", () => {
  it("should answer every command, good or bad, only in Italian in an Italian chat", async () => {
    const replies = await walk("it");
    const english = replies.map(neutral).filter((r) => ENGLISH_ONLY.test(r.split(" → ").at(-1)!));
    expect(english).toEqual([]);
    expect(replies.join("\n")).toContain("Uso: /watch <giocatore> (giocatore: manca)");
    expect(replies.join("\n")).toContain("Uso: /lang <lingua> (lingua: it o en)");
  });

  it("should answer every command only in English in an English chat", async () => {
    const replies = await walk("en");
    const italian = replies.map(neutral).filter((r) => ITALIAN_ONLY.test(r.split(" → ").at(-1)!));
    expect(italian).toEqual([]);
    expect(replies.join("\n")).toContain("Usage: /lang <language> (language: it or en)");
  });

  it("should render alerts, digests and buttons of every platform in the chat's language", () => {
    expect(
      rendered("it")
        .map(neutral)
        .filter((t) => ENGLISH_ONLY.test(t)),
    ).toEqual([]);
    expect(
      rendered("en")
        .map(neutral)
        .filter((t) => ITALIAN_ONLY.test(t)),
    ).toEqual([]);
    expect(rendered("it").join("\n")).toContain("Bayern Monaco");
  });

  it("should have walked every command of the registry", () => {
    const walked = new Set(SCRIPT.map((l) => /^\/(\w+)/.exec(l)![1]));
    for (const c of commands) expect(walked.has(c.name), c.name).toBe(true);
  });
});
