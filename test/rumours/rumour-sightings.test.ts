import { describe, expect, it } from "vitest";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore, MAX_SIGHTINGS } from "../../src/rumours/rumour-store.js";
import type { PlayerFacts } from "../../src/understand/types.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });

const player = (key: string, club: string, links: PlayerFacts["links"]): PlayerFacts => ({
  key,
  name: key,
  provisional: false,
  club,
  links,
});
const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 0, day, hour));
const observe = (key: string, n: number, links: PlayerFacts["links"], day = n, cited: string[] = []) =>
  store.observe({
    player: player(key, "Napoli", links),
    article: {
      url: `https://example.test/${key}/${n}`,
      title: `title ${n}`,
      outlet: `outlet-${n}`,
      published: null,
    },
    outlet: `outlet-${n}`,
    cited,
    at: at(day),
  });

describe("the articles kept per link (sightings)", () => {
  it("should keep each article once with the stage it stated, oldest first, even when retried", async () => {
    await observe("osimhen", 1, [{ club: "Chelsea", stage: "interest" }], 1, ["Sky Sport"]);
    await observe("osimhen", 2, [{ club: "Chelsea", stage: "talks" }], 2);
    // A retried ingest of article 2, and article 1 again: nothing written twice.
    await observe("osimhen", 2, [{ club: "Chelsea", stage: "talks" }], 2);
    await observe("osimhen", 1, [{ club: "Chelsea", stage: "interest" }], 1, ["Sky Sport"]);
    const seen = await store.sightings("osimhen", "Chelsea");
    expect(seen.map((s) => [s.url, s.stage, s.outlet])).toEqual([
      ["https://example.test/osimhen/1", "interest", "outlet-1"],
      ["https://example.test/osimhen/2", "talks", "outlet-2"],
    ]);
    expect(seen[0]?.cited).toEqual(["Sky Sport"]);
    const [rumour] = await store.board("osimhen");
    expect(rumour?.history.map((h) => h.url)).toEqual([
      "https://example.test/osimhen/1",
      "https://example.test/osimhen/2",
    ]);
  });

  it("should keep at most MAX_SIGHTINGS articles per link, the latest, with a TTL", async () => {
    for (let n = 0; n < MAX_SIGHTINGS + 5; n++) {
      await store.observe({
        player: player("lookman", "Atalanta", [{ club: "Inter", stage: "interest" }]),
        article: { url: `https://example.test/l/${n}`, title: "t", outlet: "o", published: null },
        outlet: "o",
        cited: [],
        at: new Date(at(1).getTime() + n * 60_000),
      });
    }
    const seen = await store.sightings("lookman", "Inter");
    expect(seen).toHaveLength(MAX_SIGHTINGS);
    expect(seen[0]?.url).toBe("https://example.test/l/5");
    expect(await redis.hlen(keys.key("rumour", "seenv", "lookman", "inter"))).toBe(MAX_SIGHTINGS);
    const ttl = await redis.pttl(keys.key("rumour", "seen", "lookman", "inter"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30 * 86_400_000);
  });

  it("should list a club's outgoing rumours: its own players linked elsewhere", async () => {
    const out = await store.outgoing("Napoli", 10);
    expect(out.map((r) => [r.playerKey, r.club])).toEqual([["osimhen", "Chelsea"]]);
    expect(await store.outgoing("Chelsea", 10)).toEqual([]);
  });

  it("should rank the players in the news by their articles since a moment", async () => {
    // One article about two clubs counts once.
    await observe(
      "kvara",
      1,
      [
        { club: "PSG", stage: "talks" },
        { club: "Arsenal", stage: "interest" },
      ],
      20,
    );
    const top = await store.inTheNews(at(1).getTime(), 10);
    expect(top[0]).toEqual({ key: "lookman", name: "lookman", articles: MAX_SIGHTINGS });
    expect(top.map((p) => p.key)).toEqual(["lookman", "osimhen", "kvara"]);
    const week = await store.inTheNews(at(15).getTime(), 10);
    expect(week).toEqual([{ key: "kvara", name: "kvara", articles: 1 }]);
  });
});
