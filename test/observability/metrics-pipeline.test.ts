import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import { type App, createApp, workerDeps } from "../../src/app.js";
import { DeliveryError } from "../../src/chat/types.js";
import { createConfig } from "../../src/config.js";
import { type FeedServer, startFeedServer } from "../../src/demo/feed-server.js";
import { silentLogger } from "../../src/log.js";
import { type HealthServer, startHealthServer } from "../../src/observability/health-server.js";
import { createReadiness } from "../../src/observability/readiness.js";
import { startWorkers, type Workers } from "../../src/pipeline.js";
import { QueueName } from "../../src/queues.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { kimTalks, weekendFixtures } from "../fixtures/sample-items.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const log = silentLogger();
const adapter = createRecordingAdapter("console");

let feeds: FeedServer;
let app: App;
let workers: Workers;
let server: HealthServer;

/** One sample of /metrics, as `name{labels} value` → value. */
async function scrape(): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
  const out = new Map<string, number>();
  for (const line of text.split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    out.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return out;
}
const value = (m: Map<string, number>, series: string) => m.get(series) ?? 0;

beforeAll(async () => {
  feeds = await startFeedServer({ radar: [weekendFixtures] });
  app = createApp(
    createConfig({
      REDIS_URL: url,
      REDIS_PREFIX: prefix,
      ALLOW_PRIVATE_ADDRESSES: "true",
      BATCH_WINDOW_MS: "50",
      HOST_MIN_INTERVAL_MS: "0",
    }),
    log,
    { sources: [{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }] },
  );
  workers = startWorkers(app.queues, workerDeps(app, [adapter]));
  server = await startHealthServer({
    port: 0,
    host: "127.0.0.1",
    registry: app.metrics.registry,
    readiness: createReadiness(),
    log,
  });
  await runTextCommand(
    "/watch Kim Min-Jae",
    {
      platform: "console",
      chat: { platform: "console", id: "kim-fan" },
      chatKind: "private",
      userId: "kim-fan",
      isAdmin: true,
      lang: "en",
      deps: app.commandDeps,
    },
    log,
  );
}, 30_000);

afterAll(async () => {
  await workers.close();
  await server.close();
  await app.close();
  await feeds.close();
});

describe("metrics as an alert goes through the pipeline", () => {
  it("should count the poll, the item, the gate, the rumour event, the queued alert, the 429 and the send", {
    timeout: 30_000,
  }, async () => {
    const polled = async (n: number) =>
      waitFor(
        async () => value(await scrape(), 'mercato_polls_total{source="radar",outcome="ok"}') >= n,
        8000,
      );
    // The first fetch is a backfill: remembered, alerting no one.
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
    await polled(1);
    await waitFor(
      async () => value(await scrape(), 'mercato_items_ingested_total{result="not_mercato"}') >= 1,
    );
    const before = await scrape();

    // The platform answers the first send with a bot-wide 429; the delivery waits it out and sends.
    adapter.setNextError(
      new DeliveryError("RATE_LIMITED", "Too Many Requests", { retryAfterMs: 200, scope: "bot" }),
    );
    feeds.publish({ radar: [kimTalks, weekendFixtures] });
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
    // BullMQ holds the queue for the 429, then its worker wakes on its next poll of Redis (up to 5 s).
    await waitFor(() => adapter.sent.length === 1, 15_000);
    const after = await scrape();
    const moved = (series: string) => value(after, series) - value(before, series);

    expect(moved('mercato_polls_total{source="radar",outcome="ok"}')).toBe(1);
    expect(moved('mercato_items_ingested_total{result="processed"}')).toBe(1);
    expect(moved('mercato_gate_decisions_total{decision="pass"}')).toBe(1);
    expect(moved('mercato_rumour_events_total{kind="new"}')).toBeGreaterThanOrEqual(1);
    expect(moved('mercato_alerts_total{outcome="queued"}')).toBe(1);
    expect(moved('mercato_rate_limited_total{platform="console",scope="bot"}')).toBe(1);
    expect(moved('mercato_delivery_errors_total{platform="console",code="RATE_LIMITED"}')).toBe(1);
    expect(moved('mercato_deliveries_total{platform="console",outcome="sent"}')).toBe(1);
    expect(value(after, 'mercato_source_failures_in_row{source="radar"}')).toBe(0);
    expect(value(after, 'mercato_source_last_ok_timestamp_seconds{source="radar"}')).toBeGreaterThan(
      Date.now() / 1000 - 60,
    );
  });
});
