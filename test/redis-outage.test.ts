import { describe, expect, it } from "vitest";
import { isRedisUnavailable } from "../src/redis-outage.js";

describe("isRedisUnavailable", () => {
  it("should count a Redis Cluster that is down or unreachable as unavailable", () => {
    for (const message of [
      "CLUSTERDOWN The cluster is down",
      "TRYAGAIN Multiple keys request during rehashing of slot",
      "Failed to refresh slots cache.",
      "None of startup nodes is available",
      "Cluster isn't ready and enableOfflineQueue options is false",
    ])
      expect(isRedisUnavailable(new Error(message)), message).toBe(true);
    const all = Object.assign(new Error("Failed to refresh slots cache."), { name: "ClusterAllFailedError" });
    expect(isRedisUnavailable(all)).toBe(true);
  });

  it("should not count a bad command or a cross-slot script as an outage", () => {
    expect(isRedisUnavailable(new Error("CROSSSLOT Keys in request don't hash to the same slot"))).toBe(
      false,
    );
    expect(isRedisUnavailable(new Error("ERR wrong number of arguments"))).toBe(false);
  });
});
