import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../src/pages/rate-limit.js";

describe("createRateLimiter", () => {
  it("should allow a burst, then refuse with the seconds to wait, then refill", () => {
    const limiter = createRateLimiter({ perMinute: 60, burst: 3 });
    expect([0, 0, 0].map(() => limiter.take("a", 0))).toEqual([0, 0, 0]);
    expect(limiter.take("a", 0)).toBe(1);
    expect(limiter.take("b", 0)).toBe(0); // per client
    expect(limiter.take("a", 1000)).toBe(0);
  });

  it("should forget the least recently seen client past its bound", () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1, maxClients: 2 });
    expect(limiter.take("a", 0)).toBe(0);
    expect(limiter.take("a", 0)).toBeGreaterThan(0);
    limiter.take("b", 0);
    limiter.take("c", 0); // "a" is forgotten: a full bucket again
    expect(limiter.take("a", 0)).toBe(0);
  });
});
