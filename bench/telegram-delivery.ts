/**
 * One alert to 10,000 Telegram chats through the real pipeline (fanout → outboxes → deliver queue →
 * Telegram adapter, which paces every message through the bot-wide pace in Redis) against the fake Bot
 * API on loopback, which enforces 30 messages/s for the bot (and 1/s per chat) and answers 429 past it,
 * with a CPU-bound process running beside it the whole time. Reports the rate achieved as a share of the
 * limit and the 429s received. Takes about 6 minutes; BENCH_TELEGRAM_CHATS runs a smaller one.
 */
import { createApp, workerDeps } from "../src/app.js";
import { createTelegram } from "../src/chat/telegram/index.js";
import { createConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { createProducers, startWorkers } from "../src/pipeline.js";
import { FAKE_TELEGRAM_LIMITS, startFakeTelegramApi } from "../test/fakes/fake-telegram-api.js";
import { buildRumourEvent } from "../test/helpers/builders.js";
import { withBenchRedis } from "./bench-redis.js";
import { CPU_HOG_NOTE, withCpuHog } from "./cpu-hog.js";
import type { Bench } from "./types.js";

const N = Number(process.env.BENCH_TELEGRAM_CHATS ?? 10_000);
/** Telegram's limit, as the fake enforces it. */
const LIMIT = FAKE_TELEGRAM_LIMITS.botPerSecond;

const bench: Bench = () =>
  withBenchRedis(({ prefix }) =>
    withCpuHog(async () => {
      const fake = await startFakeTelegramApi(); // Telegram's limits: 30/s for the bot, 1/s per chat
      const config = createConfig({
        ...process.env,
        REDIS_PREFIX: prefix,
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        TELEGRAM_WEBHOOK_URL: "",
      });
      const log = silentLogger();
      const app = createApp(config, log, { sources: [] });
      // Sending only, as in a worker process: no polling loop.
      const telegram = createTelegram(app, { botInfo: fake.botInfo });
      const workers = startWorkers(app.queues, workerDeps(app, [telegram.adapter]));
      try {
        const event = buildRumourEvent();
        const player = { key: event.player.key, name: event.player.name };
        for (let i = 0; i < N; i += 500) {
          const ids = Array.from({ length: Math.min(500, N - i) }, (_, k) => String(700_000_000 + i + k));
          await Promise.all(ids.map((id) => app.subscriptions.watch({ platform: "telegram", id }, player)));
        }
        const t0 = Date.now();
        await createProducers(app.queues).enqueueFanout(event);
        const deadline = t0 + ((N / LIMIT) * 1.5 + 60) * 1000;
        let lastReport = t0;
        while (fake.sent.length < N) {
          if (Date.now() > deadline)
            throw new Error(`telegram bench: only ${fake.sent.length} of ${N} sent in time`);
          if (Date.now() - lastReport > 30_000) {
            lastReport = Date.now();
            process.stderr.write(
              `  telegram-delivery: ${fake.sent.length}/${N} sent, ${fake.tooMany.length} × 429\n`,
            );
          }
          await new Promise((r) => setTimeout(r, 100));
        }
        const first = fake.sent[0]!.at;
        const last = fake.sent.at(-1)!.at;
        const rate = (N - 1) / ((last - first) / 1000);
        const refused = fake.calls.filter((c) => c.status === 429).length;
        const chats = new Set(fake.sent.map((m) => m.chatId)).size;
        return [
          {
            name: `telegram delivery, one alert to ${N.toLocaleString("en-US")} chats`,
            value: `${((rate / LIMIT) * 100).toFixed(1)} % of limit`,
            note: `${rate.toFixed(2)} msg/s against ${LIMIT}/s from first to last send; ${chats} chats got one message each; ${((last - t0) / 1000).toFixed(0)} s from fanout to the last send; ${CPU_HOG_NOTE}`,
          },
          {
            name: "telegram delivery, 429s received",
            value: String(refused),
            note: "the fake Bot API answers 429 past 30 msg/s for the bot (token bucket) or 1 msg/s per chat",
          },
        ];
      } finally {
        await workers.close();
        await telegram.stop();
        await fake.close();
        await app.close();
      }
    }),
  );

export default bench;
