import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { type HealthServer, startHealthServer } from "../../src/observability/health-server.js";
import { createReadiness, redisAnswers } from "../../src/observability/readiness.js";
import { QueueName } from "../../src/queues.js";
import { createRedis, type Redis } from "../../src/redis.js";
import { useTestRedis } from "../helpers/redis.js";

const { url, prefix, redis } = useTestRedis();
const log = silentLogger();

/** A port nothing listens on: bound, then closed at once. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address() as { port: number };
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const get = async (server: HealthServer, path: string) => {
  const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
  return { status: res.status, type: res.headers.get("content-type") ?? "", body: await res.text() };
};

let app: App;
let up: HealthServer;
let down: HealthServer;
let deadRedis: Redis;
let deadApp: App;
let deadAppServer: HealthServer;

beforeAll(async () => {
  app = createApp(createConfig({ REDIS_URL: url, REDIS_PREFIX: prefix }), log, { sources: [] });
  const readiness = createReadiness();
  readiness.add("redis", redisAnswers(redis));
  up = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    registry: app.metrics.registry,
    readiness,
    log,
  });

  const deadUrl = `redis://127.0.0.1:${await closedPort()}`;
  deadRedis = createRedis(deadUrl);
  deadRedis.on("error", () => {}); // refused, again and again: expected here
  const unready = createReadiness(500);
  unready.add("redis", redisAnswers(deadRedis));
  down = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    registry: app.metrics.registry,
    readiness: unready,
    log,
  });

  deadApp = createApp(createConfig({ REDIS_URL: deadUrl, REDIS_PREFIX: prefix }), log, {
    sources: [{ id: "radar", name: "Radar", url: "http://127.0.0.1:1/feed.xml", language: "it" }],
  });
  deadApp.redis.on("error", () => {});
  for (const q of deadApp.queues.all()) q.on("error", () => {});
  deadAppServer = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    registry: deadApp.metrics.registry,
    readiness: unready,
    log,
  });
}, 30_000); // two apps, each loading the gazetteer

afterAll(async () => {
  await Promise.all([up.close(), down.close(), deadAppServer.close()]);
  await app.close();
  await deadApp.close();
  deadRedis.disconnect();
});

describe("the health server", () => {
  it("should answer /healthz with 200", async () => {
    const r = await get(up, "/healthz");
    expect(r.status).toBe(200);
    expect(r.body).toBe("ok\n");
  });

  it("should answer /readyz with 200 and every check when Redis answers", async () => {
    const r = await get(up, "/readyz");
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ready: true, checks: { redis: "ok" } });
  });

  it("should answer /readyz with 503 within its timeout when Redis does not answer", async () => {
    const started = Date.now();
    const r = await get(down, "/readyz");
    expect(r.status).toBe(503);
    expect(JSON.parse(r.body).ready).toBe(false);
    expect(["failing", "timeout"]).toContain(JSON.parse(r.body).checks.redis);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("should answer 404 to any other path and 405 to a POST", async () => {
    expect((await get(up, "/")).status).toBe(404);
    const res = await fetch(`http://127.0.0.1:${up.port}/metrics`, { method: "POST" });
    expect(res.status).toBe(405);
  });

  it("should serve the named metrics in Prometheus text format, with event-loop lag", async () => {
    const r = await get(up, "/metrics");
    expect(r.status).toBe(200);
    expect(r.type).toContain("text/plain");
    for (const name of [
      "mercato_polls_total",
      "mercato_items_ingested_total",
      "mercato_gate_decisions_total",
      "mercato_rumour_events_total",
      "mercato_alerts_total",
      "mercato_deliveries_total",
      "mercato_delivery_errors_total",
      "mercato_rate_limited_total",
      "mercato_jobs_failed_total",
      "mercato_queue_jobs",
      "mercato_queue_oldest_job_age_seconds",
      "nodejs_eventloop_lag_seconds",
    ])
      expect(r.body).toContain(`# TYPE ${name} `);
    expect(r.body).toContain('mercato_queue_jobs{queue="deliver-telegram",state="waiting"} 0');
  });

  it("should report a queue's depth and how long its oldest job has waited", async () => {
    const q = app.queues.digestTick;
    await q.add(QueueName.DigestTick, {}, { timestamp: Date.now() - 90_000 });
    await q.add(QueueName.DigestTick, {}, { priority: 7, timestamp: Date.now() - 400_000 });
    const body = (await get(up, "/metrics")).body;
    expect(body).toContain('mercato_queue_jobs{queue="digest-tick",state="waiting"} 1');
    expect(body).toContain('mercato_queue_jobs{queue="digest-tick",state="prioritized"} 1');
    const age = Number(/mercato_queue_oldest_job_age_seconds\{queue="digest-tick"\} (\S+)/.exec(body)?.[1]);
    expect(age).toBeGreaterThanOrEqual(400);
    expect(age).toBeLessThan(410);
    expect(body).toContain('mercato_queue_oldest_job_age_seconds{queue="fanout"} 0');
  });

  it("should count a delayed job that is due and not yet run as waiting since it was due", async () => {
    const q = app.queues.digest;
    await q.add(QueueName.Digest, {}, { delay: 50 });
    await new Promise((r) => setTimeout(r, 1100));
    const body = (await get(up, "/metrics")).body;
    const age = Number(/mercato_queue_oldest_job_age_seconds\{queue="digest"\} (\S+)/.exec(body)?.[1]);
    expect(age).toBeGreaterThanOrEqual(1);
  });

  it("should answer /metrics without the Redis-read gauges, and quickly, when Redis is away", async () => {
    const started = Date.now();
    const r = await get(deadAppServer, "/metrics");
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(r.body).toContain("# TYPE mercato_queue_jobs gauge");
    expect(r.body).not.toContain("mercato_queue_jobs{");
    expect(r.body).not.toContain("mercato_source_failures_in_row{");
    expect(r.body).toContain("nodejs_eventloop_lag_seconds");
  });
});
