import { describe, expect, it } from "vitest";
import { processDigest } from "../../jobs/digest.js";
import { processDigestTick } from "../../jobs/digest-tick.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { silentLogger } from "../../src/log.js";
import type { ChatAddress, Digest, DigestJob } from "../../src/queues.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import type { PlayerFacts } from "../../src/understand/types.js";
import { buildRumourEvent } from "../helpers/builders.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const chatState = createChatStateStore(redis, keys);
const schedule = createDigestSchedule(redis, keys);
const subscriptions = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
const rumours = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });
const held = createHeldAlerts(redis, keys);
const delivered: { chat: ChatAddress; digest: Digest }[] = [];
const digest = (job: DigestJob) =>
  processDigest(job, {
    subscriptions,
    rumours,
    held,
    chatState,
    log,
    enqueueDigestDelivery: async (c, d) => void delivered.push({ chat: c, digest: d }),
  });
const c = (id: string): ChatAddress => ({ platform: "console", id });
const fabbian = (links: PlayerFacts["links"]): PlayerFacts => ({
  key: "giovanni-fabbian",
  name: "Giovanni Fabbian",
  provisional: false,
  club: "Bologna",
  links,
});
let n = 0;
const seen = (player: PlayerFacts, at: string) =>
  rumours.observe({
    player,
    article: {
      url: `https://example.test/${++n}`,
      title: `News ${n}`,
      outlet: `outlet-${n}`,
      published: null,
    },
    outlet: `outlet-${n}`,
    cited: [],
    at: new Date(at),
  });

describe("the digest's entries (issue 16)", () => {
  it("should list a player once however many followed clubs link him", async () => {
    await seen(
      fabbian([
        { club: "Bologna", stage: "renewal" },
        { club: "Fiorentina", stage: "talks" },
      ]),
      "2026-01-11T15:00:00Z",
    );
    await subscriptions.follow(c("two-clubs"), "Bologna");
    await subscriptions.follow(c("two-clubs"), "Fiorentina");
    expect(await digest({ chat: c("two-clubs"), due: "2026-01-12T08:00:00.000Z" })).toBe("sent");
    const d = delivered.at(-1)!.digest;
    const fabbianLines = d.clubs.flatMap((s) => s.lines.filter((l) => l.name === "Giovanni Fabbian"));
    expect(d.clubs).toHaveLength(1);
    expect(fabbianLines.map((l) => [l.stage, l.to ?? d.clubs[0]!.club])).toEqual([
      ["renewal", "Bologna"],
      ["talks", "Fiorentina"],
    ]);
  });

  it("should leave out news from before the chat followed anything", async () => {
    await seen(fabbian([{ club: "Torino", stage: "interest" }]), "2026-01-11T10:00:00Z");
    await subscriptions.follow(c("newcomer"), "Torino");
    await chatState.markSubscribed(c("newcomer"), new Date("2026-01-11T12:00:00Z"));
    expect(await digest({ chat: c("newcomer"), due: "2026-01-12T08:00:00.000Z" })).toBe("empty");
    await seen(fabbian([{ club: "Torino", stage: "talks" }]), "2026-01-12T09:00:00Z");
    expect(await digest({ chat: c("newcomer"), due: "2026-01-13T08:00:00.000Z" })).toBe("sent");
    expect(delivered.at(-1)!.digest.clubs[0]!.lines[0]).toMatchObject({ stage: "talks" });
  });

  it("should send a chat without a digest only what its quiet hours held, when they end", async () => {
    const owl = c("owl");
    await subscriptions.follow(owl, "Bologna");
    await chatState.setDigest(owl, null);
    const alert = buildRumourEvent({
      player: { key: "giovanni-fabbian", name: "Giovanni Fabbian", club: "Bologna", provisional: false },
      changes: [{ club: "Fiorentina", stage: "talks", previous: null, kind: "new" }],
    });
    await held.hold(owl, { item: { alert, matched: ["follow:Bologna"] }, reason: "quiet" });
    await held.hold(owl, { item: { alert, matched: ["follow:Bologna"] }, reason: "filtered" });
    await schedule.earliest([{ chat: owl, at: new Date("2026-01-13T06:00:00Z") }]);
    const jobs: DigestJob[] = [];
    await processDigestTick(
      {},
      {
        schedule,
        chatState,
        log,
        now: () => new Date("2026-01-13T06:00:10Z"),
        enqueueDigest: async (j) => void jobs.push(j),
      },
    );
    const job = jobs.find((j) => j.chat.id === "owl")!;
    expect(await schedule.next(owl)).toBeNull(); // digest off: no daily slot afterwards
    expect(await digest(job)).toBe("sent");
    const d = delivered.at(-1)!.digest;
    expect(d.kind).toBe("held");
    // The boards are not read (Bologna's Fabbian renewal is not in it), the filtered copy stays out.
    expect(d.clubs).toEqual([
      {
        club: "Bologna",
        lines: [expect.objectContaining({ name: "Giovanni Fabbian", to: "Fiorentina", held: "quiet" })],
      },
    ]);
    expect(await held.count(owl)).toBe(0);
  });
});
