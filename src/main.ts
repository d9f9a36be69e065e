/**
 * `npm start`: the composition root. Reads the config, makes sure Redis answers, and starts the roles
 * asked for in ROLES (chat bots, workers, scheduler). With no Telegram and no Discord token the terminal
 * is the chat. Shuts down cleanly on SIGINT and SIGTERM.
 */
import { existsSync } from "node:fs";
import { createApp, workerDeps } from "./app.js";
import { CONSOLE_CHAT, createConsoleChat } from "./chat/console-chat.js";
import type { ChatAdapter } from "./chat/types.js";
import { ConfigError, createConfig } from "./config.js";
import { createLogger } from "./log.js";
import { scheduleDigestTick, scheduleSources, startWorkers } from "./pipeline.js";
import { ensureRedis, RedisUnavailableError } from "./redis-server.js";

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = createConfig(process.env);
  const log = createLogger(config.LOG_LEVEL);
  const redisServer = await ensureRedis(config.REDIS_URL, {
    autostart: config.REDIS_AUTOSTART,
    dataDir: config.DATA_DIR,
    persist: true,
  });
  if (redisServer.started)
    log.info({ url: config.REDIS_URL, dir: config.DATA_DIR }, "started a private redis-server");
  const app = createApp(config, log);
  const roles = new Set(config.ROLES);
  const stops: (() => Promise<void> | void)[] = [];

  const adapters: ChatAdapter[] = [];
  const consoleMode = !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN;
  if (consoleMode && roles.has("bot")) {
    const lang = (process.env.LANG ?? "").startsWith("it") ? "it" : "en";
    const chat = createConsoleChat({ deps: app.commandDeps, log, lang });
    adapters.push(chat.adapter);
    const listener = chat.listen();
    stops.push(() => listener.close());
    process.stdout.write(
      lang === "it"
        ? `Mercato Radar — chat nel terminale (${CONSOLE_CHAT.id}). Scrivi /help, /watch Kim Min-Jae, /follow Milan.\n`
        : `Mercato Radar — terminal chat (${CONSOLE_CHAT.id}). Type /help, /watch Kim Min-Jae, /follow Milan.\n`,
    );
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegram } = await import("./chat/telegram/index.js");
    const telegram = createTelegram(app);
    adapters.push(telegram.adapter); // workers send through bot.api alone, no polling needed
    if (roles.has("bot")) {
      await telegram.start(); // command menus, then long polling or the webhook server
      stops.push(() => telegram.stop());
      log.info("telegram bot started");
    }
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscord } = await import("./chat/discord/index.js");
    const discord = createDiscord({
      ...app,
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      apiRoot: config.DISCORD_API_ROOT,
    });
    adapters.push(discord.adapter); // workers send through REST alone, no gateway needed
    if (roles.has("bot")) {
      await discord.start();
      stops.push(() => discord.stop());
      log.info("discord bot connected");
    }
  }
  if (roles.has("worker")) {
    const workers = startWorkers(app.queues, workerDeps(app, adapters));
    stops.unshift(() => workers.close());
  }
  if (roles.has("scheduler")) {
    await scheduleSources(app.queues, app.sources, config.POLL_INTERVAL_SECONDS);
    await scheduleDigestTick(app.queues, config.DIGEST_TICK_SECONDS);
    log.info({ sources: app.sources.length }, "poll and digest schedulers in place");
  }

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, "shutting down");
      // A platform that does not answer (a long poll to a dead server) must not keep the process alive.
      setTimeout(() => {
        log.error({ signal }, `shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms, exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      for (const stop of stops) await stop();
      await app.close();
      await redisServer.stop();
      process.exit(0);
    })();
    return stopping;
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof RedisUnavailableError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
