import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext } from "../../commands/types.js";
import { type App, createApp, workerDeps } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { type FeedServer, startFeedServer } from "../../src/demo/feed-server.js";
import { silentLogger } from "../../src/log.js";
import type { PollOutcome } from "../../src/news/poll-source.js";
import type { Source } from "../../src/news/sources.js";
import { startWorkers, type Workers } from "../../src/pipeline.js";
import { type ChatAddress, QueueName } from "../../src/queues.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { frattesiJuve, kimRepeat, kimTalks, weekendFixtures } from "../fixtures/sample-items.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const log = silentLogger();

let feeds: FeedServer;
let app: App;
let workers: Workers;
const adapter = createRecordingAdapter("console");
const polled: PollOutcome[] = [];
const chat = (id: string): ChatAddress => ({ platform: "console", id });
let hanging: ReturnType<typeof createServer>;
let hangingUrl = "";

const ctx = (id: string): CommandContext => ({
  platform: "console",
  chat: chat(id),
  chatKind: "private",
  userId: id,
  isAdmin: true,
  lang: "en",
  deps: app.commandDeps,
});
const sentTo = (id: string) => adapter.sent.filter((m) => m.chat.id === id).flatMap((m) => m.items);
const pollAll = async (ids: string[]) => {
  const before = polled.length;
  for (const id of ids) await app.queues.poll.add(QueueName.Poll, { sourceId: id });
  await waitFor(() => polled.length >= before + ids.length, 8000);
};

beforeAll(async () => {
  feeds = await startFeedServer({ "radar-a": [frattesiJuve], "radar-b": [weekendFixtures] });
  // A source that accepts the connection and never answers.
  hanging = createServer(() => {});
  await new Promise<void>((r) => hanging.listen(0, "127.0.0.1", r));
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/feed.xml`;
  const sources: Source[] = [
    { id: "radar-a", name: "Radar A", url: feeds.url("radar-a"), language: "it" },
    { id: "radar-b", name: "Radar B", url: feeds.url("radar-b"), language: "it" },
    { id: "stuck", name: "Stuck", url: hangingUrl, language: "it" },
  ];
  const config = createConfig({
    REDIS_URL: url,
    // The feed server is on 127.0.0.1.
    ALLOW_PRIVATE_ADDRESSES: "true",
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: "100",
    FETCH_TIMEOUT_MS: "4000",
    // The feed server is our own: no politeness interval between its article pages (404s here).
    HOST_MIN_INTERVAL_MS: "0",
  });
  app = createApp(config, log, { sources });
  workers = startWorkers(app.queues, workerDeps(app, [adapter]));
  workers.workers[0]!.on("completed", (_job, result: PollOutcome) => polled.push(result));
  await runTextCommand("/watch Kim Min-Jae", ctx("kim-fan"), log);
  await runTextCommand("/follow Milan", ctx("milan-fan"), log);
  await runTextCommand("/follow Napoli", ctx("napoli-fan"), log);
});

afterAll(async () => {
  await workers.close();
  await app.close();
  await feeds.close();
  hanging.closeAllConnections();
  hanging.close();
});

describe("the pipeline from feed to chat", () => {
  it("should remember a source's first fetch without alerting", async () => {
    await pollAll(["radar-a", "radar-b"]);
    expect(polled.every((p) => p.backfill)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(adapter.sent).toHaveLength(0);
  });

  it("should alert the watchers and followers of a new rumour once each, and nobody else", async () => {
    feeds.publish({ "radar-a": [kimTalks, frattesiJuve], "radar-b": [weekendFixtures] });
    await pollAll(["radar-a", "radar-b"]);
    await waitFor(() => sentTo("kim-fan").length > 0 && sentTo("milan-fan").length > 0, 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo("kim-fan").map((i) => i.alert.player.key)).toEqual(["kim-min-jae"]);
    expect(sentTo("milan-fan").map((i) => i.matched)).toEqual([["follow:Milan"]]);
    expect(sentTo("napoli-fan")).toEqual([]);
  });

  it("should not alert again when a second outlet repeats the rumour", async () => {
    feeds.publish({ "radar-a": [kimTalks, frattesiJuve], "radar-b": [kimRepeat] });
    await pollAll(["radar-a", "radar-b"]);
    // radar-b's first fetch is a backfill; publish again so the repeat arrives as news.
    feeds.publish({
      "radar-a": [kimTalks, frattesiJuve],
      "radar-b": [{ ...kimRepeat, id: "kim-repeat-2" }, kimRepeat],
    });
    await pollAll(["radar-b"]);
    await new Promise((r) => setTimeout(r, 500));
    expect(sentTo("kim-fan")).toHaveLength(1);
    expect(polled.at(-1)?.items.length).toBeGreaterThan(0);
  });

  it("should answer a 304 when the feed has not changed, parsing nothing", async () => {
    await pollAll(["radar-a"]);
    expect(polled.at(-1)?.status).toBe("not-modified");
    // The last request for the feed: article pages of earlier items may still be asked for after it.
    expect(feeds.requests.filter((r) => r.path === "/radar-a.xml").at(-1)).toEqual({
      path: "/radar-a.xml",
      status: 304,
    });
  });

  it("should not let a source that never answers delay the others", { timeout: 15_000 }, async () => {
    const started = Date.now();
    await app.queues.poll.add(QueueName.Poll, { sourceId: "stuck" });
    feeds.publish({
      "radar-a": [
        {
          ...kimTalks,
          id: "kim-agreement",
          title: "Kim-Milan, c'è l'accordo con il Bayern Monaco",
          text: "Il Milan ha trovato l'accordo con il Bayern Monaco per Kim Min-Jae: prestito con obbligo di riscatto, il difensore ha detto sì.",
        },
        kimTalks,
        frattesiJuve,
      ],
      "radar-b": [],
    });
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar-a" });
    await waitFor(() => sentTo("kim-fan").length === 2, 3500);
    expect(Date.now() - started).toBeLessThan(3500);
    const health = await app.sourceStore.listHealth(["stuck"]);
    expect(health[0]?.failuresInRow ?? 0).toBe(0); // still waiting on it
    await waitFor(async () => (await app.sourceStore.listHealth(["stuck"]))[0]!.failuresInRow === 1, 6000);
    expect((await app.sourceStore.listHealth(["stuck"]))[0]?.lastError?.code).toBe("NEWS_FETCH_TIMEOUT");
  });
});
