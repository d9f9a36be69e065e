import { describe, expect, it } from "vitest";
import { toExtractJson } from "../../src/understand/extract-json.js";
import type { Extraction } from "../../src/understand/types.js";

const extraction: Extraction = {
  language: "it",
  players: [
    {
      key: "artem-dovbyk",
      name: "Artem Dovbyk",
      provisional: false,
      club: "Roma",
      links: [
        {
          club: "Milan",
          stage: "interest",
          claimed: "agreement",
          evidence: { text: "il Milan potrebbe chiudere per Dovbyk", certainty: "hedged" },
        },
        { club: "Juventus", stage: "talks", evidence: { text: "contatti avviati", certainty: "plain" } },
        { club: "Napoli", stage: "interest" },
      ],
    },
  ],
  clubs: ["Milan", "Juventus", "Napoli", "Roma"],
  cited: [],
};

describe("toExtractJson", () => {
  it("should print each link's evidence, null when none, and the claimed stage only when there is one", () => {
    const links = toExtractJson("a.txt", null, extraction).players[0]?.links;
    expect(links).toEqual([
      {
        club: "Milan",
        stage: "interest",
        claimed: "agreement",
        evidence: { text: "il Milan potrebbe chiudere per Dovbyk", certainty: "hedged" },
      },
      { club: "Juventus", stage: "talks", evidence: { text: "contatti avviati", certainty: "plain" } },
      { club: "Napoli", stage: "interest", evidence: null },
    ]);
  });
});
