import { describe, expect, it } from "vitest";
import { credibility, loadSourceTiers } from "../../src/rumours/credibility.js";

const tiers = loadSourceTiers();

describe("loadSourceTiers", () => {
  it("should rank sources by the kept list, whatever their spelling", () => {
    expect(tiers.tier("Fabrizio Romano")).toBe(1);
    expect(tiers.tier("la Gazzetta dello Sport")).toBe(1);
    expect(tiers.tier("SPORT BILD")).toBe(1);
    expect(tiers.tier("Alfredo Pedulla")).toBe(2);
    expect(tiers.tier("calciomercato.com")).toBe(2);
    expect(tiers.tier("zazoom.it")).toBe(3);
    expect(tiers.tier("AS Roma fan blog")).toBe(3);
  });
});

describe("credibility", () => {
  it("should be high with a tier-1 source, five outlets, or an official deal", () => {
    expect(credibility(tiers, { cited: ["Sport Bild"], outlets: ["blog"], official: false })).toBe("high");
    expect(credibility(tiers, { cited: [], outlets: ["a", "b", "c", "d", "e"], official: false })).toBe(
      "high",
    );
    expect(credibility(tiers, { cited: [], outlets: ["blog"], official: true })).toBe("high");
  });

  it("should be medium with a tier-2 source or three outlets, low otherwise", () => {
    expect(credibility(tiers, { cited: ["Nicolò Schira"], outlets: ["blog"], official: false })).toBe(
      "medium",
    );
    expect(credibility(tiers, { cited: [], outlets: ["a", "b", "c"], official: false })).toBe("medium");
    expect(credibility(tiers, { cited: [], outlets: ["a", "b"], official: false })).toBe("low");
  });
});
