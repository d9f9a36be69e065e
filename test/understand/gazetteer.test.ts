import { describe, expect, it } from "vitest";
import { createGazetteer, loadGazetteer, nameVariants } from "../../src/understand/gazetteer.js";

describe("loadGazetteer", () => {
  const g = loadGazetteer();

  it("should find a club by any alias, case- and accent-insensitively", () => {
    expect(g.club("bayern monaco")?.name).toBe("Bayern Munich");
    expect(g.club("Bayern München")?.name).toBe("Bayern Munich");
    expect(g.club("rossoneri")?.name).toBe("Milan");
    expect(g.club("Siviglia")?.name).toBe("Sevilla");
    expect(g.club("Nott'ham Forest")?.name).toBe("Nottingham Forest");
  });

  it("should find players by full name in either order and by surname", () => {
    expect(g.players("Min-jae Kim")[0]?.key).toBe("kim-min-jae");
    expect(g.players("kim min jae")[0]?.club).toBe("Bayern Munich");
    expect(g.players("Fullkrug")[0]?.name).toBe("Niclas Füllkrug");
  });

  it("should suggest players and clubs by prefix", () => {
    expect(g.suggestPlayers("zirk", 5).map((p) => p.name)).toContain("Joshua Zirkzee");
    expect(g.suggestClubs("Wolver", 5).map((c) => c.name)).toContain("Wolverhampton Wanderers");
  });

  it("should hold one entry per person across the two lists, and keep twins apart", () => {
    const g = loadGazetteer();
    // "Manu Koné" and the wide list's "Kouadio Emmanuel Boris Koné": one surname, club and year of birth.
    expect(
      g
        .players("Koné")
        .filter((p) => p.club === "Roma")
        .map((p) => p.name),
    ).toEqual(["Manu Koné"]);
    // Toni and Guille Fernández, twins at Barcelona born the same year, stay two players.
    const twins = g.players("Fernández").filter((p) => p.club === "Barcelona" && p.born === 2008);
    expect(twins.length).toBeGreaterThanOrEqual(2);
  });

  it("should return the same instance on every call", () => {
    expect(loadGazetteer()).toBe(g);
  });
});

describe("createGazetteer", () => {
  it("should work on small hand-made data", () => {
    const g = createGazetteer({
      clubs: [{ name: "Genoa", aliases: ["Grifone"], country: "ITA" }],
      players: [
        { key: "mario-rossi", name: "Mario Rossi", club: "Genoa", position: "DF", nation: "ITA", born: 2004 },
      ],
      people: [],
      places: [],
      weak: [],
      cityClubs: [],
    });
    expect(g.club("grifone")?.name).toBe("Genoa");
    expect(g.players("Rossi Mario")[0]?.key).toBe("mario-rossi");
  });
});

describe("nameVariants", () => {
  it("should give both orders of a hyphenated name", () => {
    const v = nameVariants("Kim Min-jae").map((w) => w.join(" "));
    expect(v).toContain("kim min jae");
    expect(v).toContain("min jae kim");
  });
});
