import { randomUUID } from "node:crypto";
import { type App, createApp, workerDeps } from "../../../src/app.js";
import {
  createTelegram,
  type Telegram,
  type TelegramLimitOptions,
} from "../../../src/chat/telegram/index.js";
import { createConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import type { Source } from "../../../src/news/sources.js";
import { createProducers, startWorkers, type Workers } from "../../../src/pipeline.js";
import type { ChatAddress } from "../../../src/queues.js";
import { deleteKeysByPrefix } from "../../../src/redis-cleanup.js";
import {
  type FakeTelegramApi,
  type FakeTelegramLimits,
  startFakeTelegramApi,
} from "../../fakes/fake-telegram-api.js";
import { buildRumourEvent } from "../../helpers/builders.js";

export interface TelegramHarness {
  fake: FakeTelegramApi;
  app: App;
  telegram: Telegram;
  workers: Workers | null;
  /** Puts a rumour about Kim Min-Jae through fanout, as ingest would. */
  publishKim(overrides?: Parameters<typeof buildRumourEvent>[0]): Promise<void>;
  close(): Promise<void>;
}

export const tg = (id: number | string): ChatAddress => ({ platform: "telegram", id: String(id) });

/**
 * The real app (createApp + workerDeps + startWorkers, as main wires it) with the Telegram bot pointed
 * at a fake Bot API on 127.0.0.1. Each harness has its own Redis prefix, deleted on close.
 */
export async function startTelegramHarness(
  o: {
    env?: Record<string, string>;
    fakeLimits?: Partial<FakeTelegramLimits> | null;
    limits?: Partial<TelegramLimitOptions>;
    sources?: Source[];
    workers?: boolean;
    start?: boolean;
    webhookPort?: number;
  } = {},
): Promise<TelegramHarness> {
  const fake = await startFakeTelegramApi({ limits: o.fakeLimits });
  const prefix = `{tg-${randomUUID().slice(0, 12)}}`;
  const config = createConfig({
    REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: "100",
    // Tests serve their feeds on 127.0.0.1.
    ALLOW_PRIVATE_ADDRESSES: "true",
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...o.env,
  });
  const app = createApp(config, silentLogger(), { sources: o.sources ?? [] });
  const telegram = createTelegram(app, {
    botInfo: fake.botInfo,
    limits: o.limits,
    pollingTimeoutS: 2,
    webhookPort: o.webhookPort ?? 0,
    webhookHost: "127.0.0.1",
  });
  if (o.start !== false) await telegram.start();
  const workers = o.workers === false ? null : startWorkers(app.queues, workerDeps(app, [telegram.adapter]));
  return {
    fake,
    app,
    telegram,
    workers,
    async publishKim(overrides = {}) {
      await createProducers(app.queues).enqueueFanout(buildRumourEvent(overrides));
    },
    async close() {
      await telegram.stop();
      await workers?.close();
      await fake.close();
      await deleteKeysByPrefix(app.redis, prefix);
      await app.close();
    },
  };
}
