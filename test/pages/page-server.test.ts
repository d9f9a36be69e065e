import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { type HealthServer, startHealthServer } from "../../src/observability/health-server.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { createReadiness } from "../../src/observability/readiness.js";
import { createPageRoutes } from "../../src/pages/page-routes.js";
import { createRumourStore } from "../../src/rumours/rumour-store.js";
import type { PlayerFacts } from "../../src/understand/types.js";
import { htmlProblems } from "../helpers/html-check.js";
import { HOSTILE, tiers } from "../helpers/page-fixtures.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const log = silentLogger();
const rumours = createRumourStore(redis, keys, { memoryDays: 30, tiers });
const day = (d: number, h = 12) => new Date(Date.UTC(2026, 0, d, h));
const now = () => day(14).getTime();

const kim = (links: PlayerFacts["links"]): PlayerFacts => ({
  key: "kim-min-jae",
  name: "Kim Min-Jae",
  provisional: false,
  club: "Bayern Munich",
  links,
});
const observe = (n: number, outlet: string, links: PlayerFacts["links"], at: Date, title = `article ${n}`) =>
  rumours.observe({
    player: kim(links),
    article: { url: `https://radar.test/kim-${n}`, title, outlet, published: null },
    outlet,
    cited: n === 1 ? ["Sport Bild"] : [],
    at,
  });

let server: HealthServer;
let strict: HealthServer;
let bare: HealthServer;
const start = (perMinute: number, pages = true) =>
  startHealthServer({
    port: 0,
    host: "127.0.0.1",
    registry: createMetrics().registry,
    readiness: createReadiness(),
    log,
    ...(pages ? { pages: createPageRoutes({ rumours, tiers, perMinute, now }) } : {}),
  });

beforeAll(async () => {
  await observe(1, "Radar Milano", [{ club: "Milan", stage: "talks" }], day(12, 8));
  await observe(2, "Mercato Live", [{ club: "Milan", stage: "talks" }], day(12, 11), HOSTILE.title);
  await observe(3, HOSTILE.outlet, [{ club: "Milan", stage: "agreement" }], day(13, 18));
  await observe(4, "Radar Milano", [{ club: "Inter", stage: "interest" }], day(12, 9));
  server = await start(100_000);
  strict = await start(15);
  bare = await start(60, false);
});

afterAll(async () => {
  await Promise.all([server.close(), strict.close(), bare.close()]);
});

const get = (s: HealthServer, path: string, headers: Record<string, string> = {}, method = "GET") =>
  fetch(`http://127.0.0.1:${s.port}${path}`, { headers, method });

describe("the rumour pages on the health server", () => {
  it("should serve a player's page with his timeline and his clubs' tables, escaped", async () => {
    const res = await get(server, "/p/kim-min-jae");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const body = await res.text();
    expect(htmlProblems(body)).toEqual([]);
    expect(body).toContain('<svg class="timeline"');
    expect(body).toContain('data-club="Milan"');
    expect(body).toContain("Radar Milano, Mercato Live");
    expect(body).not.toContain("<script>");
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("should answer 304 to a matching If-None-Match and a HEAD without a body", async () => {
    const first = await get(server, "/p/kim-min-jae?lang=it");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(server, "/p/kim-min-jae?lang=it", { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    const english = await get(server, "/p/kim-min-jae?lang=en", { "if-none-match": etag! });
    expect(english.status).toBe(200);
    const head = await get(server, "/p/kim-min-jae", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("should choose Italian from the browser's languages unless ?lang says otherwise", async () => {
    const it_ = await (await get(server, "/p/kim-min-jae", { "accept-language": "it-IT,it;q=0.9" })).text();
    expect(it_).toContain('<html lang="it">');
    const en = await (await get(server, "/p/kim-min-jae?lang=en", { "accept-language": "it-IT" })).text();
    expect(en).toContain('<html lang="en">');
  });

  it("should serve a club's page and the players in the news this week", async () => {
    const club = await get(server, "/c/milan");
    expect(club.status).toBe(200);
    const body = await club.text();
    expect(htmlProblems(body)).toEqual([]);
    expect(body).toContain('href="/p/kim-min-jae?lang=en"');
    const bayern = await (await get(server, "/c/bayern-munich")).text();
    expect(bayern).toContain("Kim Min-Jae</a> → Milan");
    const index = await (await get(server, "/")).text();
    expect(htmlProblems(index)).toEqual([]);
    expect(index).toContain("Kim Min-Jae</a> · 4 articles");
  });

  it("should answer 404 for an unknown player, a bad key and a path that is no page", async () => {
    expect((await get(server, "/p/nobody")).status).toBe(404);
    expect((await get(server, "/p/%3Cscript%3E")).status).toBe(404);
    expect((await get(server, "/p/%E0%A4%A")).status).toBe(404);
    expect((await get(server, "/c/nowhere")).status).toBe(404);
    expect((await get(server, "/wp-admin")).status).toBe(404);
    expect((await get(server, "/p/kim-min-jae", {}, "POST")).status).toBe(405);
  });

  it("should rate limit pages per client and leave the health endpoints alone", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await get(strict, "/p/nobody")).status);
    expect(statuses.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    const limited = await get(strict, "/p/kim-min-jae");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await get(strict, "/healthz")).status).toBe(200);
  });

  it("should serve no page when pages are off (no PUBLIC_URL)", async () => {
    expect((await get(bare, "/p/kim-min-jae")).status).toBe(404);
    expect((await get(bare, "/")).status).toBe(404);
    expect((await get(bare, "/healthz")).status).toBe(200);
  });
});

describe("PUBLIC_URL", () => {
  it("should be an http(s) URL, kept without its trailing slash", () => {
    expect(createConfig({ PUBLIC_URL: "https://radar.example.org/" }).PUBLIC_URL).toBe(
      "https://radar.example.org",
    );
    expect(createConfig({}).PUBLIC_URL).toBeUndefined();
    expect(() => createConfig({ PUBLIC_URL: "javascript:alert(1)" })).toThrow(/PUBLIC_URL/);
  });
});
