import { describe, expect, it } from "vitest";
import {
  followingDigestAt,
  isQuiet,
  isTimeZone,
  localDate,
  nextDigestAt,
  parseLocalTime,
} from "../../src/digest/schedule.js";

const iso = (d: Date) => d.toISOString();

/** Walks a daily schedule from `start` for `days` digests, as the tick would, and returns the instants. */
function walk(time: string, zone: string, start: string, days: number): Date[] {
  let due = nextDigestAt(time, zone, new Date(start));
  const out = [due];
  for (let i = 1; i < days; i++) {
    due = followingDigestAt(time, zone, due, due);
    out.push(due);
  }
  return out;
}

describe("parseLocalTime and isTimeZone", () => {
  it("should accept times of day in the forms fans type, and refuse the rest", () => {
    expect(parseLocalTime("9:00")).toBe("09:00");
    expect(parseLocalTime("21.30")).toBe("21:30");
    expect(parseLocalTime("24:00")).toBeNull();
    expect(parseLocalTime("9")).toBeNull();
    expect(parseLocalTime("nine")).toBeNull();
  });

  it("should know IANA zones and refuse invented ones", () => {
    expect(isTimeZone("Europe/Rome")).toBe(true);
    expect(isTimeZone("America/New_York")).toBe(true);
    expect(isTimeZone("Europe/Milano")).toBe(false);
  });
});

describe("nextDigestAt", () => {
  it("should give today's time when it is still ahead, else tomorrow's", () => {
    expect(iso(nextDigestAt("09:00", "Europe/Rome", new Date("2026-01-10T07:00:00Z")))).toBe(
      "2026-01-10T08:00:00.000Z",
    );
    expect(iso(nextDigestAt("09:00", "Europe/Rome", new Date("2026-01-10T08:00:00Z")))).toBe(
      "2026-01-11T08:00:00.000Z",
    );
  });
});

describe("daylight-saving days of 2026", () => {
  const cases = [
    { zone: "Europe/Rome", spring: "2026-03-29", autumn: "2026-10-25" },
    { zone: "America/New_York", spring: "2026-03-08", autumn: "2026-11-01" },
  ];
  for (const { zone, spring, autumn } of cases) {
    for (const time of ["09:00", "02:30", "01:30"]) {
      it(`should send exactly one ${time} digest a day across both changes in ${zone}`, () => {
        for (const day of [spring, autumn]) {
          const start = new Date(Date.parse(`${day}T00:00:00Z`) - 3 * 86_400_000);
          const digests = walk(time, zone, start.toISOString(), 7);
          const dates = digests.map((d) => localDate(d, zone));
          expect(new Set(dates).size).toBe(7); // none twice
          for (let i = 1; i < dates.length; i++) {
            const gap = (Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)) / 86_400_000;
            expect(gap).toBe(1); // none skipped
          }
          expect(dates).toContain(day);
        }
      });
    }
  }

  it("should move a digest at a skipped time to the next valid minute (Rome, 29 March)", () => {
    const d = nextDigestAt("02:30", "Europe/Rome", new Date("2026-03-28T12:00:00Z"));
    expect(iso(d)).toBe("2026-03-29T01:30:00.000Z"); // 03:30 CEST
  });

  it("should send one of the two 01:30s when the clock falls back, not both (New York, 1 November)", () => {
    const d = nextDigestAt("01:30", "America/New_York", new Date("2026-10-31T12:00:00Z"));
    expect(["2026-11-01T05:30:00.000Z", "2026-11-01T06:30:00.000Z"]).toContain(iso(d));
    // Even when the tick runs between the two 01:30s, the next digest is the next day's.
    const between = new Date("2026-11-01T05:45:00Z");
    expect(iso(followingDigestAt("01:30", "America/New_York", d, between))).toBe("2026-11-02T06:30:00.000Z");
  });
});

describe("followingDigestAt", () => {
  it("should catch up once after days down, not once per missed day", () => {
    const due = new Date("2026-01-10T08:00:00Z");
    const now = new Date("2026-01-14T12:00:00Z");
    expect(iso(followingDigestAt("09:00", "Europe/Rome", due, now))).toBe("2026-01-15T08:00:00.000Z");
  });
});

describe("isQuiet", () => {
  it("should handle quiet hours that wrap midnight, in the chat's zone", () => {
    const q = { from: "23:00", to: "07:00" };
    expect(isQuiet(new Date("2026-01-10T22:30:00Z"), q, "Europe/Rome")).toBe(true); // 23:30 local
    expect(isQuiet(new Date("2026-01-10T05:59:00Z"), q, "Europe/Rome")).toBe(true); // 06:59
    expect(isQuiet(new Date("2026-01-10T06:00:00Z"), q, "Europe/Rome")).toBe(false); // 07:00
    expect(isQuiet(new Date("2026-01-10T12:00:00Z"), { from: "13:00", to: "14:00" }, "Europe/Rome")).toBe(
      true,
    );
  });
});
