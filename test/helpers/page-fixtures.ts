import { createSourceTiers } from "../../src/rumours/credibility.js";
import type { Rumour, Sighting } from "../../src/rumours/types.js";

/** Sport Bild tier 1, Tuttosport tier 2, anything else tier 3. */
export const tiers = createSourceTiers({ tier1: ["Sport Bild"], tier2: ["Tuttosport"] });

/** Hostile feed text: markup, a mention, a quote breaking out of an attribute. */
export const HOSTILE = {
  title: "<script>alert(1)</script>",
  outlet: "@everyone",
  club: '"><img src=x onerror=alert(1)>',
  evidence: "</blockquote><script>alert(2)</script> & more",
  url: "javascript:alert(1)",
};

/** A rumour through its fields; `at(day)` is 12:00 UTC on that day of January 2026. */
export const at = (day: number, hour = 12) => new Date(Date.UTC(2026, 0, day, hour)).toISOString();

export function buildRumour(overrides: Partial<Rumour> = {}): Rumour {
  return {
    playerKey: "kim-min-jae",
    playerName: "Kim Min-Jae",
    playerClub: "Bayern Munich",
    club: "Milan",
    stage: "agreement",
    firstSeen: at(12, 8),
    lastSeen: at(13, 18),
    history: [
      {
        stage: "talks",
        at: at(12, 8),
        url: "https://radar.test/kim-1",
        evidence: "avviati i contatti",
        outlet: "Radar Milano",
      },
      {
        stage: "agreement",
        at: at(13, 18),
        url: "https://radar.test/kim-3",
        evidence: "trovato l'accordo",
        outlet: "Radar Milano",
      },
    ],
    outlets: ["Radar Milano", "Mercato Live"],
    cited: ["Sport Bild"],
    articles: [{ url: "https://radar.test/kim-3", title: "Svolta", outlet: "Radar Milano", published: null }],
    ...overrides,
  };
}

export function buildSighting(overrides: Partial<Sighting> = {}): Sighting {
  return {
    url: "https://radar.test/kim-1",
    title: "Contatti",
    outlet: "Radar Milano",
    at: at(12, 8),
    stage: "talks",
    cited: ["Sport Bild"],
    ...overrides,
  };
}

/** Kim's Milan story: talks on the 12th from two outlets, agreement on the 13th. */
export const kimSightings: Sighting[] = [
  buildSighting(),
  buildSighting({
    url: "https://radar.test/kim-2",
    outlet: "Mercato Live",
    at: at(12, 11),
    cited: ["Tuttosport"],
  }),
  buildSighting({ url: "https://radar.test/kim-3", stage: "agreement", at: at(13, 18), cited: [] }),
];
