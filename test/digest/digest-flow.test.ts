import { describe, expect, it } from "vitest";
import { processDigest } from "../../jobs/digest.js";
import { processDigestTick } from "../../jobs/digest-tick.js";
import { createDigestSchedule } from "../../src/digest/digest-schedule.js";
import { createHeldAlerts } from "../../src/digest/held-alerts.js";
import { planDigest } from "../../src/digest/plan-digest.js";
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
const chat: ChatAddress = { platform: "console", id: "fan" };
const quietChat: ChatAddress = { platform: "console", id: "nothing-happens" };

let clock = new Date("2026-01-11T12:00:00Z");
const queued: DigestJob[] = [];
const delivered: { chat: ChatAddress; digest: Digest }[] = [];
const tick = () =>
  processDigestTick(
    {},
    { schedule, chatState, log, now: () => clock, enqueueDigest: async (j) => void queued.push(j) },
  );
const digest = (job: DigestJob) =>
  processDigest(job, {
    subscriptions,
    rumours,
    held,
    chatState,
    log,
    enqueueDigestDelivery: async (c, d) => void delivered.push({ chat: c, digest: d }),
  });
const kim = (links: PlayerFacts["links"]): PlayerFacts => ({
  key: "kim-min-jae",
  name: "Kim Min-jae",
  provisional: false,
  club: "Bayern Munich",
  links,
});
const seen = (n: number, links: PlayerFacts["links"], at: string) =>
  rumours.observe({
    player: kim(links),
    article: { url: `https://example.test/${n}`, title: `Kim ${n}`, outlet: `outlet-${n}`, published: null },
    outlet: `outlet-${n}`,
    cited: [],
    at: new Date(at),
  });

describe("the digest tick and the digest job", () => {
  it("should enqueue a chat's digest once when due, then plan the next day's", async () => {
    await subscriptions.watch(chat, { key: "kim-min-jae", name: "Kim Min-jae" });
    await subscriptions.follow(chat, "Milan");
    await planDigest(chat, { chatState, digestSchedule: schedule }, clock, "ensure");
    await subscriptions.follow(quietChat, "Cremonese");
    await planDigest(quietChat, { chatState, digestSchedule: schedule }, clock, "ensure");
    expect((await tick()).due).toBe(0);
    clock = new Date("2026-01-12T08:00:30Z"); // 09:00:30 in Rome
    expect((await tick()).due).toBe(2);
    expect(queued.map((j) => [j.chat.id, j.due])).toEqual([
      ["fan", "2026-01-12T08:00:00.000Z"],
      ["nothing-happens", "2026-01-12T08:00:00.000Z"],
    ]);
    expect((await tick()).due).toBe(0);
    expect((await schedule.next(chat))?.toISOString()).toBe("2026-01-13T08:00:00.000Z");
  });

  it("should compose the news since the last digest: stage moves, club follows and held pushes", async () => {
    await seen(1, [{ club: "Milan", stage: "talks" }], "2026-01-11T15:00:00Z");
    await seen(2, [{ club: "Milan", stage: "agreement" }], "2026-01-11T18:00:00Z");
    await seen(3, [{ club: "Milan", stage: "agreement" }], "2026-01-11T20:00:00Z");
    await held.hold(chat, {
      item: {
        alert: buildRumourEvent({
          changes: [{ club: "Milan", stage: "agreement", previous: "talks", kind: "stage" }],
        }),
        matched: ["watch:Kim Min-jae"],
      },
      reason: "quiet",
    });
    expect(await digest(queued[0]!)).toBe("sent");
    const d = delivered[0]!.digest;
    expect(d.players).toEqual([
      {
        name: "Kim Min-jae",
        club: "Bayern Munich",
        lines: [
          expect.objectContaining({
            name: "Milan",
            stage: "agreement",
            moves: ["talks", "agreement"],
            outlets: 3,
            held: "quiet",
          }),
        ],
      },
    ]);
    // Kim is watched: he has his own section, and Milan's does not list him again.
    expect(d.clubs).toEqual([]);
    expect((await held.list(chat)).alerts).toEqual([]);
    expect((await chatState.lastDigestAt(chat))?.toISOString()).toBe("2026-01-12T08:00:00.000Z");
  });

  it("should send nothing when nothing happened", async () => {
    expect(await digest(queued[1]!)).toBe("empty");
    expect(delivered).toHaveLength(1);
  });

  it("should leave out what the last digest already told", async () => {
    clock = new Date("2026-01-13T08:00:10Z");
    await tick();
    expect(await digest(queued.at(-2)!)).toBe("empty");
    await seen(4, [{ club: "Milan", stage: "medical" }], "2026-01-12T19:00:00Z");
    await chatState.setLastDigestAt(chat, new Date("2026-01-12T08:00:00Z"));
    expect(await digest(queued.at(-2)!)).toBe("sent");
    expect(delivered.at(-1)!.digest.players[0]!.lines[0]).toMatchObject({
      stage: "medical",
      moves: ["medical"],
      held: null,
    });
  });

  it("should catch up a digest missed while the bot was down once, not once per missed day", async () => {
    clock = new Date("2026-01-17T12:00:00Z"); // four days later
    const before = queued.length;
    expect((await tick()).due).toBe(2);
    expect(queued.length - before).toBe(2);
    expect((await schedule.next(chat))?.toISOString()).toBe("2026-01-18T08:00:00.000Z");
  });
});
