import { describe, expect, it } from "vitest";
import { ConfigError, createConfig } from "../src/config.js";

describe("createConfig", () => {
  it("should give working defaults for an empty environment", () => {
    const c = createConfig({});
    expect(c.REDIS_PREFIX).toBe("{mr}");
    expect(c.ROLES).toEqual(["bot", "worker", "scheduler"]);
    expect(c.MAX_SUBSCRIPTIONS_PER_CHAT).toBe(100);
  });

  it("should name every bad variable in one error", () => {
    try {
      createConfig({ REDIS_URL: "http://nope", POLL_INTERVAL_SECONDS: "often", REDIS_PREFIX: "mr" });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as ConfigError).message;
      expect(msg).toContain("REDIS_URL");
      expect(msg).toContain("POLL_INTERVAL_SECONDS");
      expect(msg).toContain("REDIS_PREFIX");
    }
  });

  it("should require the webhook secret only in webhook mode", () => {
    expect(() => createConfig({ TELEGRAM_WEBHOOK_URL: "https://bot.example/hook" })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET/,
    );
    expect(
      createConfig({
        TELEGRAM_WEBHOOK_URL: "https://bot.example/hook",
        TELEGRAM_WEBHOOK_SECRET: "s3cret-s3cret",
      }).TELEGRAM_WEBHOOK_SECRET,
    ).toBe("s3cret-s3cret");
  });

  it("should serve health on 0.0.0.0:9090 by default, off with HEALTH_PORT=0, and refuse a bad port", () => {
    expect(createConfig({})).toMatchObject({ HEALTH_PORT: 9090, HEALTH_HOST: "0.0.0.0" });
    expect(createConfig({ HEALTH_PORT: "0" }).HEALTH_PORT).toBe(0);
    expect(() => createConfig({ HEALTH_PORT: "70000" })).toThrow(/HEALTH_PORT/);
  });

  it("should treat empty strings as unset", () => {
    expect(createConfig({ TELEGRAM_BOT_TOKEN: "" }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it("should read REDIS_CLUSTER_NODES as host:port pairs and name a bad one", () => {
    expect(createConfig({}).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(createConfig({ REDIS_CLUSTER_NODES: "10.0.0.1:7000, redis-b:7001," }).REDIS_CLUSTER_NODES).toEqual(
      [
        { host: "10.0.0.1", port: 7000 },
        { host: "redis-b", port: 7001 },
      ],
    );
    for (const bad of ["10.0.0.1", "a:b", "h:70000", " , "])
      expect(() => createConfig({ REDIS_CLUSTER_NODES: bad }), bad).toThrow(/REDIS_CLUSTER_NODES/);
  });
});
