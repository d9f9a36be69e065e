import { describe, expect, it } from "vitest";
import {
  crawlDelayMs,
  createRobotsStore,
  fetchRobots,
  type RobotsEntry,
  robotsAllows,
} from "../../src/news/robots.js";
import { useTestRedis } from "../helpers/redis.js";
import { useFeedServer } from "./feed-server.js";

const { redis, keys } = useTestRedis();
const server = await useFeedServer();
const UA = "MercatoRadar/0.1 (+https://example.org/bot)";
const rules = (text: string): RobotsEntry => ({ kind: "rules", text });
const serveRobots = (status: number, body = "") =>
  server.handle((req, res) =>
    req.url === "/robots.txt"
      ? res.writeHead(status, { "content-type": "text/plain" }).end(body)
      : res.writeHead(404).end(),
  );

describe("robotsAllows", () => {
  const entry = rules(
    "User-agent: *\nDisallow: /riservato/\nCrawl-delay: 3\n\nUser-agent: MercatoRadar\nDisallow: /premium/\n",
  );

  it("should follow the group of the bot's product token, else the * group", () => {
    expect(robotsAllows(entry, "https://a.it/premium/x", UA)).toBe(false);
    // The bot's own group replaces *: what * forbids is allowed to it.
    expect(robotsAllows(entry, "https://a.it/riservato/x", UA)).toBe(true);
    expect(robotsAllows(entry, "https://a.it/riservato/x", "OtherBot/2.0")).toBe(false);
    expect(robotsAllows(entry, "https://a.it/news/x", UA)).toBe(true);
  });

  it("should allow everything without a robots.txt and nothing when it was unreachable", () => {
    expect(robotsAllows({ kind: "allow-all" }, "https://a.it/x", UA)).toBe(true);
    expect(robotsAllows({ kind: "disallow-all", why: "HTTP 503" }, "https://a.it/x", UA)).toBe(false);
  });

  it("should read a Crawl-delay in ms", () => {
    expect(crawlDelayMs(entry, "https://a.it", "OtherBot/2.0")).toBe(3000);
    expect(crawlDelayMs(entry, "https://a.it", UA)).toBeNull();
  });
});

describe("fetchRobots", () => {
  it("should read the rules of a 200, sending the bot's user agent", async () => {
    serveRobots(200, "User-agent: *\nDisallow: /vietato\n");
    server.clear();
    expect(
      await fetchRobots(server.origin, { allowPrivateAddresses: true, userAgent: UA, timeoutMs: 2000 }),
    ).toEqual(rules("User-agent: *\nDisallow: /vietato\n"));
    expect(server.requests[0]?.headers["user-agent"]).toBe(UA);
  });

  it("should allow everything on a 404 and nothing on a 503 (RFC 9309)", async () => {
    serveRobots(404);
    expect(
      await fetchRobots(server.origin, { allowPrivateAddresses: true, userAgent: UA, timeoutMs: 2000 }),
    ).toEqual({
      kind: "allow-all",
    });
    serveRobots(503);
    expect(
      await fetchRobots(server.origin, { allowPrivateAddresses: true, userAgent: UA, timeoutMs: 2000 }),
    ).toEqual({
      kind: "disallow-all",
      why: "HTTP 503",
    });
  });

  it("should stay away from a site whose robots.txt does not answer in time", async () => {
    server.handle(() => {});
    const entry = await fetchRobots(server.origin, {
      allowPrivateAddresses: true,
      userAgent: UA,
      timeoutMs: 300,
    });
    expect(entry).toEqual({ kind: "disallow-all", why: "timeout" });
  });
});

describe("createRobotsStore", () => {
  it("should keep entries per origin with an expiry, shorter for an unreachable site", async () => {
    const store = createRobotsStore(redis, keys, { ttlMs: 86_400_000 });
    await store.set("https://a.it", rules("User-agent: *\nDisallow:\n"));
    await store.set("https://b.it", { kind: "disallow-all", why: "timeout" });
    expect(await store.get("https://a.it")).toEqual(rules("User-agent: *\nDisallow:\n"));
    expect(await store.get("https://c.it")).toBeNull();
    const ttlA = await redis.pttl(keys.key("robots", "https://a.it"));
    const ttlB = await redis.pttl(keys.key("robots", "https://b.it"));
    expect(ttlA).toBeGreaterThan(86_000_000);
    expect(ttlB).toBeLessThanOrEqual(15 * 60_000);
    expect(ttlB).toBeGreaterThan(0);
  });
});
