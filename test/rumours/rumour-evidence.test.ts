import { describe, expect, it } from "vitest";
import { RumourEventSchema } from "../../src/queues.js";
import { loadSourceTiers } from "../../src/rumours/credibility.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import type { Link, PlayerFacts } from "../../src/understand/types.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });

const dovbyk = (links: Link[]): PlayerFacts => ({
  key: "artem-dovbyk",
  name: "Artem Dovbyk",
  provisional: false,
  club: "Roma",
  links,
});
const at = (day: number) => new Date(Date.UTC(2026, 0, day, 12));
const observe = (n: number, outlet: string, links: Link[]) =>
  store.observe({
    player: dovbyk(links),
    article: { url: `https://example.test/dovbyk-${n}`, title: `Dovbyk ${n}`, outlet, published: null },
    outlet,
    cited: [],
    at: at(n),
  });
const milan = async () => (await store.board("artem-dovbyk")).find((r) => r.club === "Milan");

describe("evidence and claims in the rumour store", () => {
  it("should carry a stage move's words and outlet into the event and the history", async () => {
    const first = await observe(1, "Tuttosport", [
      {
        club: "Milan",
        stage: "talks",
        evidence: { text: "contatti avviati con la Roma", certainty: "plain" },
      },
    ]);
    expect(first?.changes[0]?.evidence).toEqual({
      text: "contatti avviati con la Roma",
      outlet: "Tuttosport",
    });
    expect(RumourEventSchema.parse(first)).toEqual(first);
    expect((await milan())?.history).toEqual([
      {
        stage: "talks",
        at: at(1).toISOString(),
        url: "https://example.test/dovbyk-1",
        evidence: "contatti avviati con la Roma",
        outlet: "Tuttosport",
      },
    ]);
  });

  it("should not push a claimed agreement, and keep it as a claim of its outlet", async () => {
    const claimed = await observe(2, "Calciomercato.it", [
      {
        club: "Milan",
        stage: "talks",
        claimed: "agreement",
        evidence: { text: "il Milan potrebbe chiudere a breve", certainty: "hedged" },
      },
    ]);
    expect(claimed).toBeNull();
    const r = await milan();
    expect(r?.stage).toBe("talks");
    expect(r?.claims).toEqual([
      {
        stage: "agreement",
        outlet: "Calciomercato.it",
        at: at(2).toISOString(),
        text: "il Milan potrebbe chiudere a breve",
      },
    ]);
  });

  it("should not push a hedged agreement the extractor left as the stage", async () => {
    const hedged = await observe(3, "Blog", [
      { club: "Milan", stage: "agreement", evidence: { text: "si parla di accordo", certainty: "hedged" } },
    ]);
    expect(hedged).toBeNull();
    const r = await milan();
    expect(r?.stage).toBe("talks");
    expect(r?.claims?.map((c) => c.outlet)).toEqual(["Calciomercato.it", "Blog"]);
  });

  it("should push the plain agreement with its words, and drop the claims it caught up with", async () => {
    const plain = await observe(4, "Gazzetta", [
      { club: "Milan", stage: "agreement", evidence: { text: "accordo raggiunto", certainty: "plain" } },
    ]);
    expect(plain?.changes).toEqual([
      {
        club: "Milan",
        stage: "agreement",
        previous: "talks",
        kind: "stage",
        evidence: { text: "accordo raggiunto", outlet: "Gazzetta" },
      },
    ]);
    const r = await milan();
    expect(r?.history.at(-1)).toMatchObject({
      stage: "agreement",
      evidence: "accordo raggiunto",
      outlet: "Gazzetta",
    });
    expect(r?.claims).toBeUndefined();
  });

  it("should bound the words kept", async () => {
    const e = await observe(5, "Long", [
      { club: "Inter", stage: "talks", evidence: { text: "parole ".repeat(200), certainty: "plain" } },
    ]);
    expect(e?.changes[0]?.evidence?.text.length).toBeLessThanOrEqual(240);
  });
});
