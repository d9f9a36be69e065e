/**
 * The composition root's parts: config in, every store and service out. main.ts, the demo and the
 * end-to-end tests build the bot through here, so they run the same wiring.
 */
import { resolve } from "node:path";
import type { CommandDeps } from "../commands/types.js";
import { createFanoutLedger, type FanoutLedger } from "./chat/fanout-ledger.js";
import { createOutbox, type Outbox } from "./chat/outbox.js";
import type { ChatAdapter } from "./chat/types.js";
import type { Config } from "./config.js";
import { createDigestSchedule, type DigestSchedule } from "./digest/digest-schedule.js";
import { createHeldAlerts, type HeldAlerts } from "./digest/held-alerts.js";
import type { Logger } from "./log.js";
import { createHostLimiter } from "./news/host-limiter.js";
import { createPageCache } from "./news/page-cache.js";
import { createPageReader, type PageReader } from "./news/page-reader.js";
import { pollSource } from "./news/poll-source.js";
import { createRobotsStore } from "./news/robots.js";
import { createSourceStore, type SourceStore } from "./news/source-store.js";
import { loadSources, type Source } from "./news/sources.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { registerQueueGauges } from "./observability/queue-gauges.js";
import { registerSourceGauges } from "./observability/source-gauges.js";
import { projectRoot } from "./paths.js";
import { createQueues, type Queues, type WorkerDeps } from "./pipeline.js";
import { createKeys, createRedis, type Keys, type Redis, redisTarget } from "./redis.js";
import { createRedisErrorLog, type RedisErrorLog } from "./redis-outage.js";
import { type ArticleDedupe, createArticleDedupe } from "./rumours/article-dedupe.js";
import { loadSourceTiers } from "./rumours/credibility.js";
import { createNearDuplicateIndex, type NearDuplicateIndex } from "./rumours/near-duplicates.js";
import { createRumourStore, type RumourStore } from "./rumours/rumour-store.js";
import { type ChatStateStore, createChatStateStore } from "./subscriptions/chat-state-store.js";
import { createSubscriptionStore, type SubscriptionStore } from "./subscriptions/subscription-store.js";
import { createUnderstander, loadGazetteer } from "./understand/index.js";
import type { Understander } from "./understand/types.js";

export interface App {
  config: Config;
  log: Logger;
  redis: Redis;
  keys: Keys;
  queues: Queues;
  sources: Source[];
  sourceStore: SourceStore;
  understander: Understander;
  /** Reads the article pages behind feed items; null when PAGE_FETCH is off. */
  pages: PageReader | null;
  dedupe: ArticleDedupe;
  nearDuplicates: NearDuplicateIndex;
  rumours: RumourStore;
  subscriptions: SubscriptionStore;
  chatState: ChatStateStore;
  outbox: Outbox;
  /** What each fanout placed per chat, so a re-run places nothing twice. */
  ledger: FanoutLedger;
  held: HeldAlerts;
  digestSchedule: DigestSchedule;
  commandDeps: CommandDeps;
  /** One rate-limited log line per Redis failure cause, for every connection of the process. */
  redisErrors: RedisErrorLog;
  /** This app's Prometheus registry and the counters its jobs move (served on /metrics). */
  metrics: Metrics;
  close(): Promise<void>;
}

export function createApp(config: Config, log: Logger, overrides: { sources?: Source[] } = {}): App {
  const redis = createRedis(redisTarget(config));
  const redisErrors = createRedisErrorLog(log);
  redisErrors.watch(redis, "app");
  const keys = createKeys(config.REDIS_PREFIX);
  const gazetteer = loadGazetteer();
  const subscriptions = createSubscriptionStore(redis, keys, {
    maxPerChat: config.MAX_SUBSCRIPTIONS_PER_CHAT,
  });
  const rumours = createRumourStore(redis, keys, {
    memoryDays: config.RUMOUR_MEMORY_DAYS,
    tiers: loadSourceTiers(),
  });
  const queues = createQueues(redis, config.REDIS_PREFIX);
  for (const q of queues.all()) redisErrors.watch(q, q.name);
  const chatState = createChatStateStore(redis, keys);
  const digestSchedule = createDigestSchedule(redis, keys);
  const held = createHeldAlerts(redis, keys);
  const sources = overrides.sources ?? loadSources(resolve(projectRoot, config.SOURCES_FILE));
  const sourceStore = createSourceStore(redis, keys);
  const metrics = createMetrics();
  registerQueueGauges(metrics.registry, redis, () => queues.all());
  registerSourceGauges(
    metrics.registry,
    sourceStore,
    sources.map((s) => s.id),
  );
  return {
    config,
    log,
    redis,
    keys,
    queues,
    sources,
    sourceStore,
    understander: createUnderstander(gazetteer),
    pages: config.PAGE_FETCH ? createPages(config, redis, keys) : null,
    dedupe: createArticleDedupe(redis, keys, { memoryDays: config.RUMOUR_MEMORY_DAYS }),
    nearDuplicates: createNearDuplicateIndex(redis, keys, { memoryDays: config.RUMOUR_MEMORY_DAYS }),
    rumours,
    subscriptions,
    chatState,
    outbox: createOutbox(redis, keys, log),
    ledger: createFanoutLedger(redis, keys),
    held,
    digestSchedule,
    commandDeps: {
      subscriptions,
      rumours,
      gazetteer,
      chatState,
      digestSchedule,
      held,
      now: () => new Date(),
      publicUrl: config.PUBLIC_URL,
    },
    redisErrors,
    metrics,
    async close() {
      await queues.close();
      redis.disconnect();
    },
  };
}

/** The page reader and its Redis-held parts: page cache, robots.txt cache, per-host limiter. */
function createPages(c: Config, redis: Redis, keys: Keys): PageReader {
  return createPageReader({
    cache: createPageCache(redis, keys, {
      ttlMs: c.PAGE_CACHE_TTL_SECONDS * 1000,
      failureTtlMs: 15 * 60_000,
    }),
    robots: createRobotsStore(redis, keys, { ttlMs: c.ROBOTS_CACHE_TTL_SECONDS * 1000 }),
    // A lease outlives the longest exchange it covers: robots.txt and the page, each within the timeout.
    limiter: createHostLimiter(redis, keys, {
      concurrency: c.HOST_CONCURRENCY,
      minIntervalMs: c.HOST_MIN_INTERVAL_MS,
      leaseMs: 2 * c.PAGE_TIMEOUT_MS + 5000,
    }),
    userAgent: c.USER_AGENT,
    timeoutMs: c.PAGE_TIMEOUT_MS,
    maxBytes: c.PAGE_MAX_BYTES,
    minIntervalMs: c.HOST_MIN_INTERVAL_MS,
    allowPrivateAddresses: c.ALLOW_PRIVATE_ADDRESSES,
  });
}

/** What the workers of this app need, with the chat adapters this process can send through. */
export function workerDeps(
  app: App,
  adapters: ChatAdapter[],
  now: () => Date = () => new Date(),
): WorkerDeps {
  const c = app.config;
  const { metrics } = app;
  return {
    redis: redisTarget(c),
    prefix: c.REDIS_PREFIX,
    log: app.log,
    redisErrors: app.redisErrors,
    metrics,
    poll: {
      metrics,
      sources: new Map(app.sources.map((s) => [s.id, s])),
      poll: (source, signal) =>
        pollSource(source, {
          store: app.sourceStore,
          now,
          signal,
          defaultIntervalSeconds: c.POLL_INTERVAL_SECONDS,
          fetch: {
            timeoutMs: c.FETCH_TIMEOUT_MS,
            maxBytes: c.FETCH_MAX_BYTES,
            userAgent: c.USER_AGENT,
            allowPrivateAddresses: c.ALLOW_PRIVATE_ADDRESSES,
          },
        }),
    },
    ingest: {
      dedupe: app.dedupe,
      nearDuplicates: app.nearDuplicates,
      understander: app.understander,
      rumours: app.rumours,
      pages: app.pages,
      now,
      metrics,
    },
    fanout: {
      subscriptions: app.subscriptions,
      chatState: app.chatState,
      ledger: app.ledger,
      digestSchedule: app.digestSchedule,
      batchWindowMs: c.BATCH_WINDOW_MS,
      maxPushesPerHour: c.MAX_PUSHES_PER_HOUR,
      now,
      metrics,
    },
    deliver: {
      chatState: app.chatState,
      subscriptions: app.subscriptions,
      outbox: app.outbox,
      now,
      metrics,
    },
    digestTick: { schedule: app.digestSchedule, chatState: app.chatState, now },
    digest: {
      subscriptions: app.subscriptions,
      rumours: app.rumours,
      held: app.held,
      chatState: app.chatState,
    },
    adapters,
  };
}
