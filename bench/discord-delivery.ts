/**
 * One alert to 10,000 Discord channels through the real pipeline (fanout → outboxes → deliver queue →
 * Discord adapter) against the fake Discord on loopback, which enforces Discord's global 50 requests/s
 * and answers 429 past it, with a CPU-bound process running beside it the whole time. Reports the rate achieved as a share of the limit and the 429s received.
 * Takes about 3.5 minutes at the limit; BENCH_DISCORD_CHANNELS runs a smaller one.
 */
import { createApp, workerDeps } from "../src/app.js";
import { DISCORD_GLOBAL_PER_SECOND } from "../src/chat/discord/discord-limits.js";
import { createDiscord } from "../src/chat/discord/index.js";
import { createConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { createProducers, startWorkers } from "../src/pipeline.js";
import { buildRumourEvent } from "../test/helpers/builders.js";
import { withBenchRedis } from "./bench-redis.js";
import { CPU_HOG_NOTE, withCpuHog } from "./cpu-hog.js";
import { startFakeDiscordProcess } from "./fake-discord-process.js";
import type { Bench } from "./types.js";

const N = Number(process.env.BENCH_DISCORD_CHANNELS ?? 10_000);

const bench: Bench = () =>
  withBenchRedis(({ prefix }) =>
    withCpuHog(async () => {
      const fake = await startFakeDiscordProcess({ globalPerSecond: DISCORD_GLOBAL_PER_SECOND });
      const config = createConfig({
        ...process.env,
        REDIS_PREFIX: prefix,
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_ROOT: fake.apiRoot,
        MAX_SUBSCRIPTIONS_PER_CHAT: "10",
      });
      const log = silentLogger();
      const app = createApp(config, log, { sources: [] });
      const discord = createDiscord({
        ...app,
        token: fake.token,
        applicationId: fake.applicationId,
        apiRoot: fake.apiRoot,
      });
      const workers = startWorkers(app.queues, workerDeps(app, [discord.adapter]));
      try {
        const event = buildRumourEvent();
        const channels = Array.from({ length: N }, (_, i) => String(300_000_000_000_000_000n + BigInt(i)));
        for (let i = 0; i < channels.length; i += 500) {
          await Promise.all(
            channels
              .slice(i, i + 500)
              .map((id) =>
                app.subscriptions.watch(
                  { platform: "discord", id },
                  { key: event.player.key, name: event.player.name },
                ),
              ),
          );
        }
        await createProducers(app.queues).enqueueFanout(event);
        let stats = await fake.stats();
        const deadline = Date.now() + (N / DISCORD_GLOBAL_PER_SECOND) * 1000 * 1.5 + 60_000;
        let lastReport = Date.now();
        while (stats.messages < N && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          stats = await fake.stats();
          if (Date.now() - lastReport > 15_000) {
            lastReport = Date.now();
            process.stderr.write(
              `  discord: ${stats.messages}/${N} sent, 429s ${stats.tooMany.global + stats.tooMany.route}\n`,
            );
          }
        }
        const seconds = (stats.lastAt - stats.firstAt) / 1000;
        const rate = (stats.messages - 1) / seconds;
        const tooMany = stats.tooMany.global + stats.tooMany.route;
        const distinct = stats.channels;
        return [
          {
            name: `discord delivery, 1 alert → ${N.toLocaleString("en")} channels`,
            value: `${((rate / DISCORD_GLOBAL_PER_SECOND) * 100).toFixed(1)} % of limit`,
            note: `${rate.toFixed(2)} req/s of ${DISCORD_GLOBAL_PER_SECOND}/s; ${distinct.toLocaleString("en")} channels got one message in ${seconds.toFixed(1)} s; one worker process, fake Discord on loopback; ${CPU_HOG_NOTE}`,
          },
          {
            name: "discord delivery, 429s received",
            value: String(tooMany),
            note: `global ${stats.tooMany.global}, per-route ${stats.tooMany.route}`,
          },
        ];
      } finally {
        await workers.close();
        await app.close();
        await fake.close();
      }
    }),
  );

export default bench;
