import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.js";
import { parseTextArgs, runTextCommand } from "../../commands/run-command.js";
import type { CommandContext } from "../../commands/types.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../src/understand/index.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 4 });
const deps = {
  subscriptions,
  rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
  gazetteer: loadGazetteer(),
  chatState: createChatStateStore(redis, keys),
  digestSchedule: createDigestSchedule(redis, keys),
  held: createHeldAlerts(redis, keys),
  now: () => new Date("2026-01-12T10:00:00Z"),
};
const ctx = (id: string, over: Partial<CommandContext> = {}): CommandContext => ({
  platform: "telegram",
  chat: { platform: "telegram", id },
  chatKind: "private",
  userId: "u1",
  isAdmin: false,
  lang: "en",
  deps,
  ...over,
});
const run = async (line: string, c = ctx("1")) => (await runTextCommand(line, c, log))?.text ?? "";

describe("the command registry", () => {
  it("should have unique names, both languages and a schema for every command", () => {
    const names = commands.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of commands) {
      expect(c.name).toMatch(/^[a-z_]{1,32}$/);
      expect(c.description.it.length).toBeGreaterThan(3);
      expect(c.description.en.length).toBeGreaterThan(3);
      expect(typeof c.execute).toBe("function");
      for (const a of c.args) expect(a.description.it && a.description.en).toBeTruthy();
    }
    expect(names).toEqual(
      expect.arrayContaining(["help", "watch", "unwatch", "follow", "unfollow", "list", "latest"]),
    );
  });

  it("should split text arguments, the last taking the rest of the line", () => {
    const watch = commands.find((c) => c.name === "watch")!;
    expect(parseTextArgs(watch, "  Kim   Min-Jae ")).toEqual({ player: "Kim   Min-Jae" });
  });
});

describe("watch and follow", () => {
  it("should watch a known player under his canonical name", async () => {
    expect(await run("/watch kim min-jae")).toMatch(/Watching Kim Min-Jae/i);
    expect(await subscriptions.watchersOf("kim-min-jae")).toEqual([{ platform: "telegram", id: "1" }]);
  });

  it("should accept a player the bot does not know yet, and say so", async () => {
    const reply = await run("/watch Tommaso Sconosciutissimo");
    expect(reply).toMatch(/don't know/);
    expect((await subscriptions.list(ctx("1").chat)).players.map((p) => p.name)).toContain(
      "Tommaso Sconosciutissimo",
    );
  });

  it("should follow a club by any of its names and refuse one that does not exist", async () => {
    expect(await run("/follow rossoneri")).toContain("Milan");
    expect(await subscriptions.followersOf("Milan")).toHaveLength(1);
    expect(await run("/follow Real Fantasia FC")).toMatch(/don't know a club/);
  });

  it("should refuse bad input with a usage line and change nothing", async () => {
    const before = await subscriptions.list(ctx("1").chat);
    for (const bad of [
      "/watch",
      "/watch    ",
      `/watch ${"x".repeat(500)}`,
      "/watch ⚽️🔥⚽️",
      "/follow 🤡",
      "/follow ...",
    ]) {
      const reply = await run(bad);
      expect(reply.length).toBeGreaterThan(0);
      expect(reply.length).toBeLessThan(200);
    }
    expect(await subscriptions.list(ctx("1").chat)).toEqual(before);
  });

  it("should say when the chat is full", async () => {
    expect(await run("/follow Inter")).toContain("Inter");
    expect(await run("/follow Juventus")).toMatch(/already follows 4 players and clubs, the most it can/);
  });

  it("should let only admins change a group's subscriptions, and anyone list them", async () => {
    const member = ctx("-500", { chatKind: "group", isAdmin: false });
    expect(await run("/follow Milan", member)).toMatch(/Only admins/);
    expect(await subscriptions.followersOf("Milan")).toHaveLength(1);
    expect(await run("/follow Milan", { ...member, isAdmin: true })).toContain("Following Milan");
    expect(await run("/list", member)).toContain("Milan");
  });

  it("should unwatch by surname and unfollow by nickname", async () => {
    expect(await run("/unwatch Kim")).toMatch(/Stopped watching Kim Min-Jae/i);
    expect(await run("/unfollow rossoneri")).toContain("Stopped following Milan");
    expect(await run("/unfollow Milan")).toMatch(/don't follow/);
  });

  it("should reply in Italian to an Italian chat", async () => {
    expect(await run("/list", ctx("2", { lang: "it" }))).toMatch(/Non segui ancora nessuno/);
    expect(await run("/nonesiste", ctx("2", { lang: "it" }))).toMatch(/Comando sconosciuto/);
  });
});

describe("latest", () => {
  it("should show a player's board and a club's board, and say when there is nothing", async () => {
    expect(await run("/latest Kim Min-Jae")).toMatch(/No recent rumours about Kim Min-/);
    await deps.rumours.observe({
      player: {
        key: "kim-min-jae",
        name: "Kim Min-jae",
        provisional: false,
        club: "Bayern Munich",
        links: [{ club: "Milan", stage: "talks" }],
      },
      article: {
        url: "https://example.test/kim",
        title: "Kim, contatti col Milan",
        outlet: "Radar",
        published: null,
      },
      outlet: "Radar",
      cited: [],
      at: new Date(),
    });
    const player = await run("/latest kim min-jae");
    expect(player).toContain(
      "Milan: talks (1 outlet) — Radar: Kim, contatti col Milan https://example.test/kim",
    );
    expect(await run("/latest rossoneri")).toContain("Kim Min-jae: talks");
    expect(await run("/latest Inter")).toMatch(/No recent rumours about Inter/);
  });
});

describe("digest, quiet and lang", () => {
  const chat = () => ctx("900", { lang: "en" });

  it("should put a chat that follows something on the default digest at 09:00 Europe/Rome", async () => {
    await run("/follow Napoli", chat());
    expect((await deps.digestSchedule.next(chat().chat))?.toISOString()).toBe("2026-01-13T08:00:00.000Z");
    expect(await run("/list", chat())).toContain(
      "Digest: 09:00 Europe/Rome · Quiet hours: off · Language: English",
    );
  });

  it("should change the digest time and zone, refusing bad times and unknown zones", async () => {
    expect(await run("/digest 25:00", chat())).toMatch(/Write the time like this/);
    expect(await run("/digest 08:30 Europe/Milano", chat())).toMatch(
      /don't know the time zone "Europe\/Milano"/,
    );
    expect(await run("/digest 18:30 America/New_York", chat())).toMatch(
      /Digest every day at 18:30 \(America\/New_York\)/,
    );
    expect((await deps.digestSchedule.next(chat().chat))?.toISOString()).toBe("2026-01-12T23:30:00.000Z");
    expect(await run("/digest off", chat())).toMatch(/turned off/);
    expect(await deps.digestSchedule.next(chat().chat)).toBeNull();
  });

  it("should not send a second digest on a day that had one when the time changes", async () => {
    await deps.chatState.setLastDigestAt(chat().chat, new Date("2026-01-12T08:00:00Z"));
    await run("/digest 20:00 Europe/Rome", chat());
    expect((await deps.digestSchedule.next(chat().chat))?.toISOString()).toBe("2026-01-13T19:00:00.000Z");
  });

  it("should set and clear quiet hours, refusing bad ranges", async () => {
    expect(await run("/quiet 23:00-07:00", chat())).toMatch(/Quiet from 23:00 to 07:00/);
    expect(await deps.chatState.settings(chat().chat)).toMatchObject({
      quiet: { from: "23:00", to: "07:00" },
    });
    expect(await run("/quiet late", chat())).toMatch(/Write the hours like this/);
    expect(await run("/quiet off", chat())).toMatch(/Quiet hours off/);
  });

  it("should switch the chat's language and refuse others", async () => {
    expect(await run("/lang en", chat())).toMatch(/English/);
    expect((await deps.chatState.settings(chat().chat)).lang).toBe("en");
    expect(await run("/lang de", chat())).toMatch(/Usage: \/lang <language>/);
  });
});

describe("names in any script and invisible characters (issue 13, 7 and 8)", () => {
  it("should keep non-Latin names apart", async () => {
    const c = ctx("script-1");
    expect(await run("/watch Иван Петров", c)).toContain("Watching Иван Петров");
    expect(await run("/watch 李刚", c)).toContain("Watching 李刚");
    expect(await run("/unwatch Ωμέγα", c)).toContain("You don't watch");
    const { players } = await subscriptions.list(c.chat);
    expect(players.map((p) => p.name).sort()).toEqual(["李刚", "Иван Петров"].sort());
    expect(await run("/unwatch Петров", c)).toContain("Stopped watching Иван Петров");
  });

  it("should store names without control, bidi or zero-width characters", async () => {
    const c = ctx("script-2");
    await run("/watch \u001b[31mZed\u0000 Kid\u202e\u2066", c);
    await run("/watch Le\u200bao Junior", c);
    expect(await run("/watch Leao Junior", c)).toContain("You already watch Leao Junior");
    const { players } = await subscriptions.list(c.chat);
    expect(players.map((p) => p.name).sort()).toEqual(["Leao Junior", "Zed Kid"]);
  });
});
