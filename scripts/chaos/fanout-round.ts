/**
 * One chaos round: N console chats watch a player, a few articles about him go through the real ingest,
 * fanout and deliver workers (each its own process), while workers are killed with SIGKILL or Redis
 * goes away. The sink's counts say what each chat received.
 */
import { randomUUID } from "node:crypto";
import { alertRef, chatRange, outboxKeys, SEP } from "../../src/chat/outbox.js";
import { createProducers, createQueues } from "../../src/pipeline.js";
import type { IngestJob } from "../../src/queues.js";
import { createKeys, createRedis } from "../../src/redis.js";
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { type Role, startWorkers } from "./procs.js";
import type { Sink } from "./sink.js";

export interface RoundOptions {
  name: string;
  redisUrl: string;
  sink: Sink;
  chats: number;
  articles: number;
  /** The first this many articles get one SIGKILL of each role, a random pause (ms) into its work. */
  killArticles: number;
  killPauseMs: [number, number];
  /** Stops Redis once deliveries have begun, for this long, then starts it again. */
  outage?: { ms: number; stop(): Promise<void>; start(): Promise<void> };
  /** After the faults, the round gives up waiting for the rest after this long. */
  timeoutMs: number;
  logDir: string;
}

export interface RoundFigures {
  expected: number;
  lost: number;
  duplicated: number;
  stale: number;
  stallMs: number;
  kills: { role: Role; activeJobs: number }[];
  ms: number;
  /** The jobs still there when the round gave up waiting; empty when it finished. */
  left: string;
}

/** How long a kill waits for its role to have work before it strikes anyway. */
const KILL_WAIT_MS = 5000;
const CLUBS = ["il Milan", "l'Inter", "la Juventus", "il Napoli", "la Roma", "l'Atalanta"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([a, b]: [number, number]) => a + Math.floor(Math.random() * (b - a));

/** An article about Kim Min-Jae and a new club, with filler words of its own so no two look alike. */
export function article(i: number): IngestJob {
  const filler = Array.from({ length: 60 }, () => randomUUID().slice(0, 6).replace(/\d/g, "x")).join(" ");
  return {
    sourceId: "chaos",
    outlet: `Chaos ${i}`,
    url: `https://chaos.test/calciomercato/kim-${i}-${randomUUID().slice(0, 8)}`,
    title: `Kim Min-Jae, contatti con ${CLUBS[i % CLUBS.length]}`,
    description: "",
    text: `Contatti avviati tra ${CLUBS[i % CLUBS.length]} e il Bayern Monaco per Kim Min-Jae. ${filler}.`,
    published: new Date().toISOString(),
    categories: [],
    backfill: false,
  };
}

export async function runRound(o: RoundOptions): Promise<RoundFigures> {
  const prefix = `{chaos-${randomUUID().slice(0, 8)}}`;
  const keys = createKeys(prefix);
  const redis = createRedis(o.redisUrl, { maxRetriesPerRequest: null });
  redis.on("error", () => {}); // the outage scenario stops Redis under it
  const subs = createSubscriptionStore(redis, keys, { maxPerChat: 100 });
  const chats = Array.from({ length: o.chats }, (_, i) => ({ platform: "console" as const, id: `c${i}` }));
  for (let i = 0; i < chats.length; i += 500)
    await Promise.all(
      chats.slice(i, i + 500).map((c) => subs.watch(c, { key: "kim-min-jae", name: "Kim Min-Jae" })),
    );
  o.sink.reset();
  const workers = await startWorkers(
    {
      ...process.env,
      REDIS_URL: o.redisUrl,
      REDIS_PREFIX: prefix,
      REDIS_AUTOSTART: "false",
      PAGE_FETCH: "false",
      BATCH_WINDOW_MS: "200",
      MAX_PUSHES_PER_HOUR: "100",
      LOG_LEVEL: "warn",
      CHAOS_SINK: o.sink.url,
    },
    o.logDir,
  );
  const queues = createQueues(redis, prefix);
  for (const q of queues.all()) q.on("error", () => {}); // the outage scenario stops Redis under them
  const producers = createProducers(queues);
  const queueOf = { ingest: queues.ingest, fanout: queues.fanout, deliver: queues.deliver.console };
  const t0 = Date.now();
  const kills: RoundFigures["kills"] = [];
  // Each article is one kill point per role, in pipeline order: ingest while it reads the article,
  // fanout while it places chats, deliver while it sends; each at a random moment into the work. The
  // killed worker is started again at once; its job runs again when its lock expires.
  const restarts = new Map<Role, Promise<void>>();
  const killDuring = async (role: Role, busy: () => Promise<boolean>) => {
    await restarts.get(role); // kill a worker that runs, not one still starting
    const deadline = Date.now() + KILL_WAIT_MS;
    while (!(await busy()) && Date.now() < deadline) await sleep(5);
    await sleep(between(role === "ingest" ? [0, 40] : o.killPauseMs));
    kills.push({ role, activeJobs: await queueOf[role].getActiveCount() });
    await workers.kill(role);
    restarts.set(role, workers.restart(role));
  };
  const enqueuedAt: number[] = [];
  for (let i = 0; i < o.articles; i++) {
    await producers.enqueueIngest([article(i)]);
    enqueuedAt.push(Date.now());
    if (i >= o.killArticles) continue;
    // An ingest takes tens of ms: strike a few ms after the article is queued rather than poll for it.
    await killDuring("ingest", async () => true);
    await killDuring("fanout", async () => (await queues.fanout.getActiveCount()) > 0);
    const sent = o.sink.counts.size;
    await killDuring("deliver", async () => o.sink.counts.size > sent);
  }
  await Promise.all(restarts.values());
  if (o.outage) {
    const seen = o.sink.arrivals.length;
    const since = Date.now();
    while (o.sink.arrivals.length === seen && Date.now() - since < KILL_WAIT_MS) await sleep(20);
    await o.outage.stop();
    await sleep(o.outage.ms);
    await o.outage.start();
  }
  const expected = o.chats * o.articles;
  const counts = () =>
    Promise.all(
      Object.entries(queueOf).map(async ([role, q]) => ({
        role,
        c: await q.getJobCounts("waiting", "active", "delayed", "prioritized", "failed"),
      })),
    );
  const idle = async () =>
    (await counts()).every(({ c }) => !c.waiting && !c.active && !c.delayed && !c.prioritized);
  const pending = async () =>
    (await counts()).map(({ role, c }) => `${role} ${JSON.stringify(c)}`).join(", ");
  let timedOut = true;
  const settle = Date.now();
  while (Date.now() - settle < o.timeoutMs) {
    if (o.sink.counts.size >= expected && (await idle())) {
      timedOut = false;
      break;
    }
    await sleep(250);
  }
  const left = timedOut ? await pending() : "";
  await sleep(1000); // late duplicates still count
  const ms = Date.now() - t0;
  await workers.stopAll();

  let duplicated = 0;
  for (const n of o.sink.counts.values()) if (n > 1) duplicated++;
  const lost = Math.max(0, expected - o.sink.counts.size);
  // Stale: an alert the chat already received that still waits in its outbox.
  let stale = 0;
  // The sink counts by alert id, outboxes hold alert refs: compare refs.
  const sentRefs = new Set(
    [...o.sink.counts.keys()].map((k) => {
      const [chat, id] = k.split("\t");
      return `${chat}\t${alertRef(id!)}`;
    }),
  );
  const orders = redis.pipeline();
  for (const c of chats) orders.zrangebylex(outboxKeys(keys).pending(c.platform), ...chatRange(c.id));
  const results = (await orders.exec()) ?? [];
  results.forEach(([, members], i) => {
    for (const m of (members as string[]) ?? [])
      if (sentRefs.has(`${chats[i]!.id}\t${m.split(SEP)[2]}`)) stale++;
  });
  // A stall: time without a new message while alerts were due (articles given, not yet all received).
  const due = (t: number) => o.chats * enqueuedAt.filter((e) => e <= t).length;
  const points = [
    { at: enqueuedAt[0] ?? t0, pairs: 0 },
    ...o.sink.arrivals,
    { at: t0 + ms, pairs: o.sink.counts.size },
  ];
  let stallMs = 0;
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    if (from.pairs < due(from.at)) stallMs = Math.max(stallMs, points[i]!.at - from.at);
  }
  await queues.close();
  await deleteKeysByPrefix(redis, prefix);
  redis.disconnect();
  return { expected, lost, duplicated, stale, stallMs, kills, ms, left };
}
