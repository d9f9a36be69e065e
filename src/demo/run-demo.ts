/**
 * `npm run demo`: the whole bot offline, in a few seconds. Two sample feeds (written for the project) are
 * served on a loopback port; the terminal chat watches Kim Min-Jae and follows Milan; the real queues and
 * workers poll, ingest, fan out and deliver; the alerts print here. Kim Min-Jae's rumour page is served
 * on another loopback port and its URL printed; the demo holds it open until Enter (or the end of its
 * standard input), then cleans up and exits.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Registry } from "prom-client";
import { createApp, workerDeps } from "../app.js";
import { CONSOLE_CHAT, createConsoleChat } from "../chat/console-chat.js";
import type { Config } from "../config.js";
import type { Logger } from "../log.js";
import type { PollOutcome } from "../news/poll-source.js";
import type { Source } from "../news/sources.js";
import { startHealthServer } from "../observability/health-server.js";
import { createReadiness } from "../observability/readiness.js";
import { createPageRoutes, type PageRoutes } from "../pages/page-routes.js";
import { dataPath } from "../paths.js";
import type { Queues } from "../pipeline.js";
import { startWorkers } from "../pipeline.js";
import { QueueName } from "../queues.js";
import { deleteKeysByPrefix } from "../redis-cleanup.js";
import { loadSourceTiers } from "../rumours/credibility.js";
import { type SampleItem, startFeedServer } from "./feed-server.js";

type Round = { feeds: Record<string, SampleItem[]> };
const loadRound = (n: number) =>
  JSON.parse(readFileSync(dataPath("demo", `round-${n}.json`), "utf8")) as Round;

/** Resolves on the first line of standard input, or when it ends (at once when there is none). */
function enterOrEnd(): Promise<void> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin });
    const done = () => {
      rl.close();
      resolve();
    };
    rl.once("line", done);
    rl.once("close", done);
  });
}

/** Waits until no job is waiting, delayed or running in any queue. */
async function drained(queues: Queues, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const counts = await Promise.all(
      queues.all().map((q) => q.getJobCounts("waiting", "active", "delayed", "prioritized")),
    );
    if (counts.every((c) => Object.values(c).every((n) => n === 0))) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error("demo: the queues did not drain in time");
}

export async function runDemo(baseConfig: Config, log: Logger): Promise<void> {
  const started = Date.now();
  const say = (s: string) => process.stdout.write(`${s}\n`);
  const round1 = loadRound(1);
  const round2 = loadRound(2);
  const server = await startFeedServer(round1.feeds);
  const prefix = `{demo-${randomUUID().slice(0, 8)}}`;
  // The pages on a port of their own (0: any free one), so a running bot's health port is left alone.
  // The server starts first, so PUBLIC_URL is known when the chats are built; the routes need the
  // app's rumour store and are plugged in once it exists.
  let routes: PageRoutes | null = null;
  const pages = await startHealthServer({
    port: Number(process.env.DEMO_PAGES_PORT ?? 0),
    host: "127.0.0.1",
    registry: new Registry(),
    readiness: createReadiness(),
    log,
    pages: { handle: async (req) => (routes ? routes.handle(req) : null) },
  });
  // The feed server is the demo's own, on loopback: no politeness interval between its article pages,
  // and its private address allowed.
  const config: Config = {
    ...baseConfig,
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: 1000,
    HOST_MIN_INTERVAL_MS: 0,
    ALLOW_PRIVATE_ADDRESSES: true,
    PUBLIC_URL: `http://127.0.0.1:${pages.port}`,
  };
  const sources: Source[] = Object.keys(round1.feeds).map((name) => ({
    id: name,
    name,
    url: server.url(name),
    language: "it",
  }));
  const app = createApp(config, log, { sources });
  routes = createPageRoutes({ rumours: app.rumours, tiers: loadSourceTiers(), perMinute: 600 });
  const chat = createConsoleChat({ deps: app.commandDeps, log, lang: "en", publicUrl: config.PUBLIC_URL });
  const workers = startWorkers(app.queues, workerDeps(app, [chat.adapter]));
  const polled: PollOutcome[] = [];
  workers.workers[0]!.on("completed", (_job, result: PollOutcome) => polled.push(result));

  const pollAll = async () => {
    polled.length = 0;
    for (const s of sources) await app.queues.poll.add(QueueName.Poll, { sourceId: s.id });
    await drained(app.queues);
  };

  try {
    say(`Mercato Radar demo: ${sources.length} sample feeds on ${server.base}, Redis key prefix ${prefix}\n`);
    for (const line of ["/watch Kim Min-Jae", "/follow Milan"]) {
      say(`> ${line}`);
      await chat.handleLine(line);
    }

    await pollAll();
    const remembered = polled.reduce((n, p) => n + p.items.length, 0);
    say(
      `\n· poll 1: first fetch of each feed, ${remembered} items remembered and not alerted (no backfill flood)`,
    );

    server.publish(
      Object.fromEntries(
        sources.map((s) => [s.id, [...(round2.feeds[s.id] ?? []), ...(round1.feeds[s.id] ?? [])]]),
      ),
    );
    const fresh = Object.values(round2.feeds).flat().length;
    say(
      `· the feeds publish ${fresh} new items: a Kim rumour, the same rumour from a second outlet, the same`,
    );
    say("  article again under a tracking URL, a match report, and the deal moving to an agreement, which");
    say("  only the article page tells (its title and teaser name neither the player nor the deal)\n");
    await pollAll();

    await pollAll();
    const notModified = polled.filter((p) => p.status === "not-modified").length;
    say(
      `\n· poll 3: ${notModified} of ${sources.length} feeds answered 304 Not Modified, nothing parsed again\n`,
    );
    say("> /list");
    await chat.handleLine("/list");

    // The digest is due at 09:00 Rome time; the demo moves it to now and lets the tick find it.
    say("\n· 09:00 next morning: the daily digest, with the news that did not ring (the repeat from a");
    say("  second outlet counts as one more outlet)\n");
    await app.digestSchedule.set(CONSOLE_CHAT, new Date());
    await app.queues.digestTick.add(QueueName.DigestTick, {});
    await drained(app.queues);
    say(`\nDemo done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    say(`\nKim Min-Jae's rumour page: ${config.PUBLIC_URL}/p/kim-min-jae (Italiano: add ?lang=it)`);
    say(`Milan's page: ${config.PUBLIC_URL}/c/milan · in the news: ${config.PUBLIC_URL}/`);
    say("Serving it until you press Enter.");
    await enterOrEnd();
  } finally {
    await pages.close();
    await workers.close();
    await server.close();
    await deleteKeysByPrefix(app.redis, prefix);
    await app.close();
  }
}
