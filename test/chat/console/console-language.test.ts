import { describe, expect, it } from "vitest";
import { createConsoleChat } from "../../../src/chat/console-chat.js";
import { createDigestSchedule } from "../../../src/digest/digest-schedule.js";
import { silentLogger } from "../../../src/log.js";
import { loadSourceTiers } from "../../../src/rumours/credibility.js";
import { createRumourStore } from "../../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../../src/subscriptions/subscription-store.js";
import { loadGazetteer } from "../../../src/understand/index.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { useTestRedis } from "../../helpers/redis.js";

const { redis, keys } = useTestRedis();
const deps = {
  subscriptions: createSubscriptionStore(redis, keys, { maxPerChat: 100 }),
  rumours: createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() }),
  gazetteer: loadGazetteer(),
  chatState: createChatStateStore(redis, keys),
  digestSchedule: createDigestSchedule(redis, keys),
  now: () => new Date("2026-01-12T10:00:00Z"),
};

describe("the terminal chat's language (issue 16)", () => {
  it("should start in Italian everywhere, say so in /list, and switch everything with /lang", async () => {
    const printed: string[] = [];
    const chat = createConsoleChat({ deps, log: silentLogger(), out: { write: (t) => printed.push(t) } });
    await chat.handleLine("/list");
    expect(printed.at(-1)).toContain("Lingua: italiano");
    await chat.handleLine("/watch");
    expect(printed.at(-1)).toBe("Uso: /watch <giocatore> (giocatore: manca)");
    await chat.handleLine("/follow Bayern Munich");
    expect(printed.at(-1)).toMatch(/^Squadra seguita: Bayern Monaco\./);
    await chat.adapter.send({
      chat: { platform: "console", id: "local" },
      items: [buildOutboxItem({}, ["follow:Bayern Munich"])],
    });
    expect(printed.at(-1)).toContain("nuova: Milan (trattativa)");
    expect(printed.at(-1)).toContain("(Bayern Monaco)");
    await chat.handleLine("/lang en");
    expect(printed.at(-1)).toBe("From now on I'll write in English.");
    await chat.handleLine("/list");
    expect(printed.at(-1)).toContain("Language: English");
    await chat.adapter.send({
      chat: { platform: "console", id: "local" },
      items: [buildOutboxItem({}, ["follow:Bayern Munich"])],
    });
    expect(printed.at(-1)).toContain("new: Milan (talks)");
  });
});
