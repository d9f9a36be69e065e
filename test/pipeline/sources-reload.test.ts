import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Job } from "bullmq";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp, workerDeps } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { type FeedServer, startFeedServer } from "../../src/demo/feed-server.js";
import { createActiveSourcesStore } from "../../src/news/active-sources.js";
import type { PollOutcome } from "../../src/news/poll-source.js";
import type { Source } from "../../src/news/sources.js";
import type { SourcesWatch } from "../../src/news/sources-watch.js";
import { startWorkers, type Workers } from "../../src/pipeline.js";
import { startSourceSchedules } from "../../src/sources-reload.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { frattesiJuve, kimTalks } from "../fixtures/sample-items.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

// The scheduler role re-reads its sources file while the bot runs; the workers, started with the old
// list, poll the new source all the same.

const { url, prefix } = useTestRedis();
const file = join(mkdtempSync(join(tmpdir(), "sources-reload-")), "sources.json");
const lines: { level: number; msg: string; [k: string]: unknown }[] = [];
const log = pino({ level: "debug" }, { write: (l: string) => void lines.push(JSON.parse(l)) });

let feeds: FeedServer;
let app: App;
let workers: Workers;
let watch: SourcesWatch;
const polled: { sourceId: string; outcome: PollOutcome }[] = [];
let a: Source;
let b: Source;

const writeSources = (list: unknown) => writeFileSync(file, `${JSON.stringify(list, null, 2)}\n`);
const schedulerIds = async () => (await app.queues.poll.getJobSchedulers(0, -1)).map((s) => s.key).sort();

beforeAll(async () => {
  feeds = await startFeedServer({ "radar-a": [frattesiJuve], "radar-b": [kimTalks] });
  a = { id: "radar-a", name: "Radar A", url: feeds.url("radar-a"), language: "it" };
  b = { id: "radar-b", name: "Radar B", url: feeds.url("radar-b"), language: "it" };
  writeSources([a]);
  const config = createConfig({
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    SOURCES_FILE: file,
    ALLOW_PRIVATE_ADDRESSES: "true",
    HOST_MIN_INTERVAL_MS: "0",
    PAGE_FETCH: "false",
  });
  app = createApp(config, log);
  workers = startWorkers(app.queues, workerDeps(app, [createRecordingAdapter("console")]));
  workers.workers[0]!.on("completed", (job: Job, outcome: PollOutcome) =>
    polled.push({ sourceId: job.data.sourceId, outcome }),
  );
  watch = await startSourceSchedules(app, { path: file, debounceMs: 50 });
});

afterAll(async () => {
  watch.close();
  await workers.close();
  await app.close();
  await feeds.close();
});

describe("reloading the sources file while the bot runs", () => {
  it("should poll a source added to the file, without a restart", { timeout: 20_000 }, async () => {
    await waitFor(() => polled.some((p) => p.sourceId === "radar-a"), 8000);
    expect(await schedulerIds()).toEqual(["poll-radar-a"]);

    writeSources([a, b]);

    await waitFor(() => polled.some((p) => p.sourceId === "radar-b"), 8000);
    const first = polled.find((p) => p.sourceId === "radar-b")!.outcome;
    expect(first).toMatchObject({ status: "ok", backfill: true });
    expect(first.items.length).toBe(1);
    expect((await app.sourceStore.getHealth("radar-b")).lastOkAt).not.toBeNull();
    expect(await schedulerIds()).toEqual(["poll-radar-a", "poll-radar-b"]);
    expect((await createActiveSourcesStore(app.redis, app.keys).load())?.sources.map((s) => s.id)).toEqual([
      "radar-a",
      "radar-b",
    ]);
    expect(lines.find((l) => l.msg === "sources reloaded")).toMatchObject({
      added: ["radar-b"],
      removed: [],
      changed: [],
      sources: 2,
    });
  });

  it("should keep the current sources when the file is broken, saying what is wrong", async () => {
    writeSources([a, b, { id: "radar-c", name: "Radar C", url: "not a url", language: "it" }]);
    await waitFor(() => lines.some((l) => l.msg.startsWith("sources file not applied")), 5000);
    const error = lines.find((l) => l.msg.startsWith("sources file not applied"))!;
    expect(error.level).toBe(50);
    expect(error.msg).toContain("keeping the 2 current sources");
    expect(error.msg).toContain("2 (radar-c).url");

    writeFileSync(file, '[\n  { "id": "radar-a",\n');
    await waitFor(() => lines.filter((l) => l.msg.startsWith("sources file not applied")).length >= 2, 5000);
    expect(lines.filter((l) => l.msg.startsWith("sources file not applied")).at(-1)!.msg).toMatch(/line \d+/);

    expect(await schedulerIds()).toEqual(["poll-radar-a", "poll-radar-b"]);
    expect(watch.current().map((s) => s.id)).toEqual(["radar-a", "radar-b"]);
  });

  it("should remove the scheduler of a source taken out of the file", async () => {
    writeSources([b]);
    await waitFor(async () => (await schedulerIds()).join() === "poll-radar-b", 5000);
    expect(lines.filter((l) => l.msg === "sources reloaded").at(-1)).toMatchObject({ removed: ["radar-a"] });
  });
});
