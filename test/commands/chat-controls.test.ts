import { describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext, Lang } from "../../commands/types.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../src/understand/index.js";
import { buildOutboxItem } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const deps = {
  subscriptions: createSubscriptionStore(redis, keys, { maxPerChat: 100 }),
  rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
  gazetteer: loadGazetteer(),
  chatState: createChatStateStore(redis, keys),
  digestSchedule: createDigestSchedule(redis, keys),
  held: createHeldAlerts(redis, keys),
  now: () => new Date("2026-01-12T10:00:00Z"), // 11:00 in Rome
};
const ctx = (id: string, lang: Lang): CommandContext => ({
  platform: "telegram",
  chat: { platform: "telegram", id },
  chatKind: "private",
  userId: "u1",
  isAdmin: true,
  lang,
  deps,
});
const run = async (c: CommandContext, line: string) => (await runTextCommand(line, c, log))?.text ?? "";

describe("the chat controls of issue 16", () => {
  for (const lang of ["it", "en"] as const) {
    it(`should export a list that /import takes in another chat (${lang})`, async () => {
      const from = ctx(`export-${lang}`, lang);
      const to = ctx(`import-${lang}`, lang === "it" ? "en" : "it");
      await run(from, "/watch Kim Min-jae");
      await run(from, "/watch Tommaso Sconosciutissimo");
      await run(from, "/follow Bayern Monaco");
      await run(from, "/follow Milan");
      const exported = (await run(from, "/export")).split("\n").at(-1)!;
      expect(exported).toMatch(/^\/import (Players|Giocatori): /);
      expect(await run(to, exported)).toMatch(/(Imported|Importati) 2 .* 2 /);
      expect(await deps.subscriptions.list(to.chat)).toEqual(await deps.subscriptions.list(from.chat));
    });
  }

  it("should show the filters in /list and say how to write one", async () => {
    const c = ctx("filters", "en");
    expect(await run(c, "/filter clubs agreement ★★")).toBe(
      "Followed clubs: only agreement and beyond, ★★ and up ring. The rest still goes into the digest.",
    );
    expect(await run(c, "/list")).toContain("Filters: Followed clubs agreement and beyond, ★★ and up");
    expect(await run(c, "/filter")).toBe("Usage: /filter <what> (what: missing)");
  });

  it("should pause until a time in the chat's zone and, without a digest, release at its end", async () => {
    const c = ctx("pause", "it");
    await run(c, "/digest off");
    expect(await run(c, "/pause 2h")).toBe(
      "Avvisi in pausa fino a lun 12 gen 13:00. Quello che arriva nel frattempo ti arriva alla fine della pausa. /resume la termina prima.",
    );
    expect((await deps.digestSchedule.next(c.chat))?.toISOString()).toBe("2026-01-12T12:00:00.000Z");
    await deps.held.hold(c.chat, { item: buildOutboxItem(), reason: "paused" });
    expect(await run(c, "/resume")).toBe("Avvisi di nuovo attivi. Quanto trattenuto arriva tra un momento.");
    expect((await deps.digestSchedule.next(c.chat))?.toISOString()).toBe("2026-01-12T10:00:00.000Z");
  });

  it("should say where held alerts go when quiet hours meet a digest that is off", async () => {
    const c = ctx("quiet-off", "en");
    await run(c, "/quiet 23:00-07:00");
    expect(await run(c, "/digest off")).toBe(
      "Daily digest turned off. Alerts held during quiet hours will arrive when the quiet hours end.",
    );
    expect(await run(c, "/quiet 22:00-07:00")).toBe(
      "Quiet from 22:00 to 07:00 (Europe/Rome): the digest is off, so alerts in those hours arrive together at 07:00.",
    );
  });

  it("should fix the small things fans noticed", async () => {
    const c = ctx("small", "en");
    expect(await run(c, "/digest 09:00 europe/rome")).toMatch(/\(Europe\/Rome\)/);
    expect(await run(c, "/digest Europe/Rome")).toBe(
      "Write the time like this: /digest 09:00 Europe/Rome, or /digest off.",
    );
    expect(await run(c, "/follow Міlan")).toMatch(/^Following Milan/);
    expect(await run(c, "/watch <b>x</b>")).toBe(
      "Usage: /watch <player> (player: plain text only, no tags or links)",
    );
    expect(await run(c, "/lang")).toBe("Usage: /lang <language> (language: it or en)");
    expect(await run(c, "/watch kim min-jae")).toMatch(/^Watching Kim Min-jae \(Bayern Munich\)/);
  });

  it("should name the cap when a chat is full, in both languages", async () => {
    const small = { ...deps, subscriptions: createSubscriptionStore(redis, keys, { maxPerChat: 1 }) };
    const c = { ...ctx("full", "it"), deps: small };
    await run(c, "/follow Milan");
    expect(await run(c, "/follow Inter")).toMatch(
      /^Questa chat segue già 1 tra giocatori e squadre, il massimo/,
    );
    expect(await run({ ...c, lang: "en" }, "/follow Inter")).toMatch(/already follows 1 players and clubs/);
  });
});
