/**
 * Evidence from the extractor to what users read, and claims that never ring. The extractor is played by
 * hand-built facts (the real one is changing): these tests pin the pipeline, not its wording of a sentence.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext, Lang } from "../../commands/types.js";
import { processDigest } from "../../jobs/digest.js";
import { processIngest } from "../../jobs/ingest.js";
import { renderConsoleAlert, renderConsoleDigest } from "../../src/chat/console-chat.js";
import { digestSections } from "../../src/chat/digest-text.js";
import { renderAlertEmbed, renderDiscordDigest } from "../../src/chat/discord/render-discord.js";
import { alertRef } from "../../src/chat/telegram/alert-keyboard.js";
import { renderTelegramDigest } from "../../src/chat/telegram/render-telegram-digest.js";
import { createSourcesStore } from "../../src/chat/telegram/sources-store.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import {
  type ChatAddress,
  type Digest,
  IngestJobSchema,
  type OutboxItem,
  OutboxItemSchema,
  type RumourEvent,
} from "../../src/queues.js";
import { createArticleDedupe } from "../../src/rumours/article-dedupe.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createNearDuplicateIndex } from "../../src/rumours/near-duplicates.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../src/understand/index.js";
import type { Extraction, Link } from "../../src/understand/types.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const rumours = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const chatState = createChatStateStore(redis, keys);
const held = createHeldAlerts(redis, keys);
const sources = createSourcesStore(redis, keys);
const commandDeps = {
  subscriptions,
  rumours,
  gazetteer: loadGazetteer(),
  chatState,
  digestSchedule: createDigestSchedule(redis, keys),
  now: () => new Date("2026-01-12T10:00:00Z"),
};

/** The understander stand-in: each article's facts are given by the test. */
let nextFacts: Extraction;
const pushed: RumourEvent[] = [];
const ingestDeps = {
  dedupe: createArticleDedupe(redis, keys, { memoryDays: 30 }),
  nearDuplicates: createNearDuplicateIndex(redis, keys, { memoryDays: 30 }),
  understander: { extract: () => nextFacts },
  rumours,
  enqueueFanout: async (e: RumourEvent) => void pushed.push(e),
  now: (job: { published: string | null }) => new Date(job.published ?? 0),
  log,
};

/** One article from `outlet` on day `day` of January 2026, saying `links` about Artem Dovbyk. */
async function article(day: number, outlet: string, links: Link[]): Promise<RumourEvent[]> {
  nextFacts = {
    language: "it",
    players: [{ key: "artem-dovbyk", name: "Artem Dovbyk", provisional: false, club: "Roma", links }],
    clubs: links.map((l) => l.club),
    cited: [],
  };
  const before = pushed.length;
  const id = randomUUID();
  await processIngest(
    IngestJobSchema.parse({
      sourceId: outlet.toLowerCase(),
      outlet,
      url: `https://example.test/calciomercato/dovbyk-${id}`,
      title: `Dovbyk, le ultime ${id}`,
      description: `Calciomercato: Dovbyk ${id}`,
      text: `Calciomercato, trasferimento di Dovbyk: ${id} ${randomUUID()} ${randomUUID()}`,
      published: new Date(Date.UTC(2026, 0, day, 12)).toISOString(),
      categories: ["Calciomercato"],
      backfill: false,
    }),
    ingestDeps,
  );
  return pushed.slice(before);
}

const fan: ChatAddress = { platform: "console", id: `fan-${randomUUID().slice(0, 6)}` };
async function digestFor(chat: ChatAddress, due: string): Promise<Digest | null> {
  let got: Digest | null = null;
  await processDigest(
    { chat, due },
    {
      subscriptions,
      rumours,
      held,
      chatState,
      log,
      enqueueDigestDelivery: async (_c, d) => {
        got = d;
      },
    },
  );
  return got;
}
const latest = async (lang: Lang) => {
  const ctx: CommandContext = {
    platform: "console",
    chat: fan,
    chatKind: "private",
    userId: "u",
    isAdmin: true,
    lang,
    deps: commandDeps,
  };
  return (await runTextCommand("/latest Artem Dovbyk", ctx, log))?.text ?? "";
};
const itemOf = (e: RumourEvent): OutboxItem =>
  OutboxItemSchema.parse({ alert: e, matched: ["watch:Dovbyk"] });

describe("claims never ring", () => {
  it("should push talks, then keep a claimed agreement for the digest as reported by one outlet", async () => {
    await subscriptions.watch(fan, { key: "artem-dovbyk", name: "Artem Dovbyk" });
    await chatState.setLastDigestAt(fan, new Date("2026-01-01T08:00:00Z"));
    const talks = await article(2, "Tuttosport", [
      {
        club: "Milan",
        stage: "talks",
        evidence: { text: "contatti avviati con la Roma", certainty: "plain" },
      },
    ]);
    expect(talks.map((e) => e.changes.map((c) => c.kind))).toEqual([["new"]]);

    const claim = await article(3, "Blog Rossonero", [
      {
        club: "Milan",
        stage: "talks",
        claimed: "agreement",
        evidence: { text: "il Milan potrebbe chiudere a breve", certainty: "hedged" },
      },
    ]);
    expect(claim).toEqual([]);
    // Defence in depth: a hedged agreement left in `stage` does not ring either.
    expect(
      await article(3, "Altro Blog", [
        { club: "Milan", stage: "agreement", evidence: { text: "si parla di accordo", certainty: "hedged" } },
      ]),
    ).toEqual([]);

    const digest = await digestFor(fan, "2026-01-04T08:00:00.000Z");
    const line = digest?.players[0]?.lines.find((l) => l.name === "Milan");
    expect(line?.stage).toBe("talks");
    expect(line?.claims).toEqual([
      { stage: "agreement", outlets: 2, evidence: { text: "si parla di accordo", outlet: "Altro Blog" } },
    ]);
    expect(digestSections(digest!, "en").sections[0]?.lines[0]?.claims).toEqual([
      "agreement (unconfirmed): reported by 2 outlets «si parla di accordo» — Altro Blog",
    ]);

    // The next day one outlet claims it again: that digest counts only what came since.
    await article(4, "Blog Rossonero", [
      {
        club: "Milan",
        stage: "talks",
        claimed: "agreement",
        evidence: { text: "il Milan potrebbe chiudere", certainty: "hedged" },
      },
    ]);
    const next = await digestFor(fan, "2026-01-05T08:00:00.000Z");
    expect(renderConsoleDigest({ chat: fan, digest: next! }, "en")).toContain(
      "agreement (unconfirmed): reported by one outlet «il Milan potrebbe chiudere» — Blog Rossonero",
    );
    expect(renderTelegramDigest(next!, "it").join("\n")).toContain(
      "accordo (da confermare): riportato da una sola testata «il Milan potrebbe chiudere» — Blog Rossonero",
    );
    // /latest shows every claim still open, not only the day's.
    expect(await latest("en")).toContain("agreement (unconfirmed): reported by 2 outlets");
  });
});

describe("evidence users see", () => {
  let agreement: RumourEvent;

  it("should push a plain agreement with its words and outlet", async () => {
    const events = await article(6, "Gazzetta", [
      { club: "Milan", stage: "agreement", evidence: { text: "accordo raggiunto", certainty: "plain" } },
    ]);
    expect(events).toHaveLength(1);
    agreement = events[0]!;
    expect(agreement.changes).toEqual([
      {
        club: "Milan",
        stage: "agreement",
        previous: "talks",
        kind: "stage",
        evidence: { text: "accordo raggiunto", outlet: "Gazzetta" },
      },
    ]);
  });

  it("should quote it in the Sources view of every platform", async () => {
    const item = itemOf(agreement);
    await sources.save([item], "it");
    expect(await sources.get(alertRef(agreement.id))).toContain("Milan: «accordo raggiunto» — Gazzetta");
    const field = renderAlertEmbed(item, "en").fields?.find((f) => f.name === "Evidence");
    expect(field?.value).toContain("«accordo raggiunto» — Gazzetta");
    expect(renderConsoleAlert(item, "en")).toContain("Milan: «accordo raggiunto» — Gazzetta");
  });

  it("should quote it in /latest, in Italian and English, and leave the caught-up claims out", async () => {
    for (const lang of ["it", "en"] as const) {
      const text = await latest(lang);
      expect(text).toContain("«accordo raggiunto» — Gazzetta");
      expect(text).not.toMatch(/unconfirmed|da confermare/);
    }
    expect(await latest("it")).toMatch(/Milan: accordo \(\d testate\)/);
  });

  it("should still read an alert written before evidence existed", () => {
    const old = { ...agreement, changes: agreement.changes.map(({ evidence: _e, ...c }) => c) };
    expect(() => OutboxItemSchema.parse({ alert: old, matched: ["watch:Dovbyk"] })).not.toThrow();
    expect(renderConsoleAlert(itemOf(old), "en")).not.toContain("«");
  });
});

describe("hostile evidence", () => {
  const nasty = '<b>x</b> **y** @everyone <a href="javascript:alert(1)">z</a> [l](https://evil.test)';

  it("should be escaped where markup is parsed, and only shown as text where it is not", async () => {
    const events = await article(8, "Evil <i>Outlet</i>", [
      { club: "Inter", stage: "talks", evidence: { text: nasty, certainty: "plain" } },
      {
        club: "Juventus",
        stage: "interest",
        claimed: "medical",
        evidence: { text: nasty, certainty: "hedged" },
      },
    ]);
    const item = itemOf(events[0]!);

    const field = renderAlertEmbed(item, "en").fields?.find((f) => f.name === "Evidence")?.value ?? "";
    expect(field).not.toContain("@everyone");
    expect(field).toContain("@\u200beveryone");
    expect(field).toContain("\\*\\*y\\*\\*");
    expect(field).toContain("\\[l\\]\\(https://evil.test\\)");

    const digest = await digestFor(fan, "2026-01-09T08:00:00.000Z");
    const tg = renderTelegramDigest(digest!, "en").join("\n");
    expect(tg).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(tg).toContain("Evil &lt;i&gt;Outlet&lt;/i&gt;");
    expect(tg).not.toContain("<b>x</b>");
    expect(tg).not.toContain('javascript:alert(1)">');
    const dc = JSON.stringify(renderDiscordDigest(digest!, "en"));
    expect(dc).not.toMatch(/(?<!\\u200b)@everyone/);
    expect(dc).toContain("medical \\\\(unconfirmed\\\\): reported by one outlet");

    // The Sources popup and command replies are plain text on Telegram: the words arrive as written, inert.
    await sources.save([item], "en");
    const popup = (await sources.get(alertRef(item.alert.id))) ?? "";
    expect(popup.length).toBeLessThanOrEqual(200);
    expect(popup).toContain("«<b>x</b>");
    expect(await latest("en")).toContain("«<b>x</b> **y** @everyone");
  });
});
