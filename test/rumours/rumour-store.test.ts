import { describe, expect, it } from "vitest";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import type { PlayerFacts } from "../../src/understand/types.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });

const kim = (links: PlayerFacts["links"]): PlayerFacts => ({
  key: "kim-min-jae",
  name: "Kim Min-Jae",
  provisional: false,
  club: "Bayern Munich",
  links,
});
const article = (n: number, outlet = `outlet-${n}`) => ({
  url: `https://example.test/${n}`,
  title: `article ${n}`,
  outlet,
  published: null,
});
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));

describe("createRumourStore", () => {
  it("should push the first sighting of each link in one event, then stay quiet on repeats", async () => {
    const first = await store.observe({
      player: kim([
        { club: "Milan", stage: "talks" },
        { club: "Inter", stage: "interest" },
      ]),
      article: article(1),
      outlet: "outlet-1",
      cited: ["Sport Bild"],
      at: at(1),
    });
    expect(first?.changes.map((c) => [c.club, c.kind])).toEqual([
      ["Milan", "new"],
      ["Inter", "new"],
    ]);
    expect(first?.cited).toEqual(["Sport Bild"]);
    const repeat = await store.observe({
      player: kim([{ club: "Milan", stage: "talks" }]),
      article: article(2),
      outlet: "outlet-2",
      cited: [],
      at: at(2),
    });
    expect(repeat).toBeNull();
  });

  it("should push a stage move with the previous stage and count distinct outlets", async () => {
    const moved = await store.observe({
      player: kim([{ club: "Milan", stage: "agreement" }]),
      article: article(3),
      outlet: "outlet-3",
      cited: [],
      at: at(3),
    });
    expect(moved?.changes).toEqual([{ club: "Milan", stage: "agreement", previous: "talks", kind: "stage" }]);
    expect(moved?.outlets).toBe(3);
    expect(moved?.articles[0]?.url).toBe("https://example.test/3");
    expect(moved?.links).toEqual(
      expect.arrayContaining([
        { club: "Milan", stage: "agreement" },
        { club: "Inter", stage: "interest" },
      ]),
    );
  });

  it("should list a player's board and a club's board", async () => {
    const board = await store.board("kim-min-jae");
    expect(board.map((r) => r.club).sort()).toEqual(["Inter", "Milan"]);
    expect(board.find((r) => r.club === "Milan")?.history.map((h) => h.stage)).toEqual([
      "talks",
      "agreement",
    ]);
    const milan = await store.clubBoard("Milan", 10);
    expect(milan.map((r) => r.playerName)).toEqual(["Kim Min-Jae"]);
  });

  it("should expire rumours with a TTL no longer than the memory window", async () => {
    const ttl = await redis.pttl(keys.key("rumour", "kim-min-jae", "milan"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it("should treat a link as new again after the memory window", async () => {
    const again = await store.observe({
      player: kim([{ club: "Inter", stage: "interest" }]),
      article: article(4),
      outlet: "outlet-4",
      cited: [],
      at: at(45),
    });
    expect(again?.changes).toEqual([{ club: "Inter", stage: "interest", previous: null, kind: "new" }]);
  });
});

describe("concurrent observations", () => {
  it("should lose no update when many workers observe the same rumour at once", async () => {
    const player: PlayerFacts = {
      key: "race-test",
      name: "Race Test",
      provisional: true,
      club: null,
      links: [],
    };
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        store.observe({
          player: { ...player, links: [{ club: "Napoli", stage: i === 7 ? "agreement" : "talks" }] },
          article: article(100 + i),
          outlet: `outlet-${100 + i}`,
          cited: [],
          at: at(3),
        }),
      ),
    );
    const [r] = await store.board("race-test");
    expect(r?.outlets).toHaveLength(12);
    expect(r?.stage).toBe("agreement");
    // One "new" and at most one move to agreement: never the same stage twice.
    const kinds = results.flatMap((e) => e?.changes.map((c) => `${c.kind}:${c.stage}`) ?? []);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
