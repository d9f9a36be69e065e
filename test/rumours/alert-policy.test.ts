import { describe, expect, it } from "vitest";
import { decideLink, nextStage } from "../../src/rumours/alert-policy.js";

const DAY = 86_400_000;
const WINDOW = 30 * DAY;
const t0 = Date.parse("2026-01-10T12:00:00Z");

describe("decideLink", () => {
  it("should push a link seen for the first time", () => {
    expect(decideLink(null, "interest", t0, WINDOW)).toBe("new");
    expect(decideLink(null, "talks", t0, WINDOW)).toBe("new");
  });

  it("should name official, renewal and collapsed even when first seen", () => {
    expect(decideLink(null, "official", t0, WINDOW)).toBe("official");
    expect(decideLink(null, "renewal", t0, WINDOW)).toBe("renewal");
    expect(decideLink(null, "collapsed", t0, WINDOW)).toBe("collapsed");
  });

  it("should keep a repeat at the same stage for the digest", () => {
    expect(decideLink({ stage: "talks", lastSeenMs: t0 }, "talks", t0 + DAY, WINDOW)).toBeNull();
  });

  it("should push a forward move and keep a lower stage for the digest", () => {
    expect(decideLink({ stage: "talks", lastSeenMs: t0 }, "agreement", t0 + DAY, WINDOW)).toBe("stage");
    expect(decideLink({ stage: "agreement", lastSeenMs: t0 }, "official", t0 + DAY, WINDOW)).toBe("official");
    expect(decideLink({ stage: "agreement", lastSeenMs: t0 }, "interest", t0 + DAY, WINDOW)).toBeNull();
  });

  it("should push a collapse, and a collapsed link that comes back", () => {
    expect(decideLink({ stage: "agreement", lastSeenMs: t0 }, "collapsed", t0 + DAY, WINDOW)).toBe(
      "collapsed",
    );
    expect(decideLink({ stage: "collapsed", lastSeenMs: t0 }, "talks", t0 + DAY, WINDOW)).toBe("stage");
  });

  it("should treat a rumour quiet for longer than the window as new again", () => {
    expect(decideLink({ stage: "talks", lastSeenMs: t0 }, "talks", t0 + WINDOW + 1, WINDOW)).toBe("new");
  });
});

describe("nextStage", () => {
  it("should not let a lower stage pull a link back", () => {
    expect(nextStage({ stage: "agreement", lastSeenMs: t0 }, "interest", null)).toBe("agreement");
    expect(nextStage({ stage: "talks", lastSeenMs: t0 }, "agreement", "stage")).toBe("agreement");
  });
});
