import { describe, expect, it } from "vitest";
import { backoffMs, MAX_BACKOFF_MS } from "../../src/news/backoff.js";

const FIVE_MIN = 300_000;

describe("backoffMs", () => {
  it("should be zero without failures", () => {
    expect(backoffMs(0, FIVE_MIN)).toBe(0);
  });

  it("should double the interval with each failure", () => {
    expect([1, 2, 3].map((n) => backoffMs(n, FIVE_MIN, () => 0))).toEqual([600_000, 1_200_000, 2_400_000]);
  });

  it("should stop at six hours, however many failures", () => {
    expect(backoffMs(7, FIVE_MIN, () => 0)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(10_000, FIVE_MIN, () => 0)).toBe(MAX_BACKOFF_MS);
  });

  it("should shorten by at most 20 % of jitter", () => {
    expect(backoffMs(1, FIVE_MIN, () => 0.999_999)).toBeGreaterThanOrEqual(480_000);
    expect(backoffMs(1, FIVE_MIN, () => 0.5)).toBe(540_000);
  });
});
