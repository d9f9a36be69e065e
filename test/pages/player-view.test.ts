import { describe, expect, it } from "vitest";
import { linkStatus, playerView, STALE_DAYS } from "../../src/pages/player-view.js";
import { at, buildRumour, buildSighting, kimSightings, tiers } from "../helpers/page-fixtures.js";

const now = Date.parse(at(14));

describe("playerView", () => {
  it("should give each day the stage at its end, its outlets and cited sources with their tier", () => {
    const view = playerView([buildRumour()], new Map([["Milan", kimSightings]]), tiers, now);
    const milan = view?.links[0];
    expect(view?.club).toBe("Bayern Munich");
    expect(milan?.days.map((d) => [d.stage, d.outlets, d.cited])).toEqual([
      [
        "talks",
        ["Radar Milano", "Mercato Live"],
        [
          { name: "Sport Bild", tier: 1 },
          { name: "Tuttosport", tier: 2 },
        ],
      ],
      ["agreement", ["Radar Milano"], []],
    ]);
    expect(milan?.days[1]?.moves).toEqual([
      {
        stage: "agreement",
        at: at(13, 18),
        evidence: "trovato l'accordo",
        outlet: "Radar Milano",
        url: "https://radar.test/kim-3",
        title: "Contatti",
      },
    ]);
    expect(milan?.status).toBe("alive");
  });

  it("should leave out articles kept from before the link's memory restarted", () => {
    const old = buildSighting({ url: "https://radar.test/old", at: at(1) });
    const view = playerView([buildRumour()], new Map([["Milan", [old, ...kimSightings]]]), tiers, now);
    expect(view?.links[0]?.sightings.map((s) => s.url)).not.toContain("https://radar.test/old");
    expect(view?.links[0]?.days).toHaveLength(2);
  });

  it("should show days from the history alone for rumours stored before articles were kept", () => {
    const view = playerView([buildRumour()], new Map(), tiers, now);
    expect(view?.links[0]?.days.map((d) => [d.stage, d.outlets])).toEqual([
      ["talks", []],
      ["agreement", []],
    ]);
  });

  it("should tell alive, stale and collapsed links apart", () => {
    const lastSeen = at(1);
    expect(linkStatus({ stage: "talks", lastSeen }, Date.parse(lastSeen) + 86_400_000)).toBe("alive");
    expect(
      linkStatus({ stage: "talks", lastSeen }, Date.parse(lastSeen) + (STALE_DAYS + 1) * 86_400_000),
    ).toBe("stale");
    expect(linkStatus({ stage: "collapsed", lastSeen }, Date.parse(lastSeen))).toBe("collapsed");
  });

  it("should be null for a player with no live rumour", () => {
    expect(playerView([], new Map(), tiers, now)).toBeNull();
  });
});
