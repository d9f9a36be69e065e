import { describe, expect, it } from "vitest";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { recentPlayersByPrefix } from "../../src/rumours/recent-players.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });
const seen = (key: string, name: string, n: number) =>
  store.observe({
    player: { key, name, provisional: true, club: null, links: [{ club: "Milan", stage: "interest" }] },
    article: { url: `https://example.test/${n}`, title: "t", outlet: "o", published: null },
    outlet: "o",
    cited: [],
    at: new Date(Date.UTC(2026, 0, 10, n)),
  });

describe("recentPlayersByPrefix", () => {
  it("should find players in the news by the start of any word of their name, once each", async () => {
    await seen("francesco-camarda", "Francesco Camarda", 1);
    await seen("francesco-camarda", "Francesco Camarda", 2);
    await seen("mattia-liberali", "Mattia Liberali", 3);
    expect(await recentPlayersByPrefix(redis, keys, "cama", 10)).toEqual([
      { key: "francesco-camarda", name: "Francesco Camarda" },
    ]);
    expect((await recentPlayersByPrefix(redis, keys, "Fra", 10)).map((p) => p.key)).toEqual([
      "francesco-camarda",
    ]);
    expect(await recentPlayersByPrefix(redis, keys, "zzz", 10)).toEqual([]);
  });

  it("should keep the index bounded and expiring", async () => {
    expect(await redis.pttl(keys.key("rumour", "recent"))).toBeGreaterThan(0);
  });
});
