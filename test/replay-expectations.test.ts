import { describe, expect, it } from "vitest";
import { expectedAlerts, type LabelledLink, samePlayer } from "../src/replay-expectations.js";

const link = (
  file: string,
  date: string | null,
  stages: LabelledLink["stages"],
  club = "Milan",
): LabelledLink => ({
  file,
  date,
  player: "Kim Min-Jae",
  club,
  stages,
});

describe("expectedAlerts", () => {
  it("should expect the first link, forward moves and collapses to alert, and repeats to stay quiet", () => {
    const out = expectedAlerts([
      link("a", "2026-01-01", ["interest"]),
      link("b", "2026-01-02", ["interest"]),
      link("c", "2026-01-03", ["agreement"]),
      link("d", "2026-01-04", ["talks", "agreement"]),
      link("e", "2026-01-05", ["collapsed"]),
      link("f", "2026-01-06", ["interest"]),
      link("g", "2026-01-07", ["interest"], "Inter"),
    ]);
    expect(out.map((l) => `${l.file}:${l.expect}`)).toEqual([
      "a:alert",
      "b:quiet",
      "c:alert",
      "d:quiet",
      "e:alert",
      "f:either",
      "g:alert",
    ]);
  });

  it("should score an ambiguous label as either, and a link back after the memory window as new", () => {
    const out = expectedAlerts([
      link("a", "2026-01-01", ["interest"]),
      link("b", "2026-01-02", ["interest", "talks"]),
      link("c", "2026-03-01", ["talks"]),
    ]);
    expect(out.map((l) => l.expect)).toEqual(["alert", "either", "alert"]);
  });
});

describe("samePlayer", () => {
  it("should match names case- and accent-insensitively and a surname alone", () => {
    expect(samePlayer("Kim Min-jae", "Kim Min-Jae")).toBe(true);
    expect(samePlayer("Füllkrug", "Niclas Fullkrug")).toBe(true);
    expect(samePlayer("Marcus Thuram", "Khéphren Thuram")).toBe(false);
  });
});
