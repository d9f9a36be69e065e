/**
 * `npm start`: the composition root. Reads the config, makes sure Redis answers, and starts the roles
 * asked for in ROLES (chat bots, workers, scheduler). With no Telegram and no Discord token the terminal
 * is the chat. Shuts down cleanly on SIGINT and SIGTERM; SIGHUP re-reads the sources file.
 */
import { existsSync } from "node:fs";
import { createApp, workerDeps } from "./app.js";
import { bounded } from "./bounded.js";
import { CONSOLE_CHAT, CONSOLE_LANG, createConsoleChat } from "./chat/console-chat.js";
import { messages } from "./chat/messages/index.js";
import type { ChatAdapter } from "./chat/types.js";
import { ConfigError, createConfig } from "./config.js";
import { chooseLogDestination, createLogger } from "./log.js";
import { type HealthServer, startHealthServer } from "./observability/health-server.js";
import { createReadiness, redisAnswers } from "./observability/readiness.js";
import { createPageRoutes } from "./pages/page-routes.js";
import { scheduleDigestTick, startWorkers } from "./pipeline.js";
import { redisTarget } from "./redis.js";
import { ensureRedis, RedisUnavailableError } from "./redis-server.js";
import { loadSourceTiers } from "./rumours/credibility.js";
import { startSourceSchedules } from "./sources-reload.js";

/** How long a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;
/** The steps of a shutdown end this much before the hard limit, so closing Redis always has time. */
const CLOSE_RESERVE_MS = 3000;

async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  const config = createConfig(process.env);
  const roles = new Set(config.ROLES);
  const consoleMode = !config.TELEGRAM_BOT_TOKEN && !config.DISCORD_TOKEN;
  const logTo = chooseLogDestination(config, consoleMode && roles.has("bot"));
  const log = createLogger(config.LOG_LEVEL, logTo);
  const redisServer = await ensureRedis(redisTarget(config), {
    autostart: config.REDIS_AUTOSTART,
    dataDir: config.DATA_DIR,
    persist: true,
  });
  if (redisServer.started)
    log.info({ url: config.REDIS_URL, dir: config.DATA_DIR }, "started a private redis-server");
  const app = createApp(config, log);
  /** What to stop, first to last: the chats (no new commands), then the workers (bounded grace). */
  const stops: { name: string; stop: (remainingMs: number) => Promise<void> | void }[] = [];
  let workersStop: ((graceMs: number) => Promise<void>) | null = null;
  let health: HealthServer | null = null;
  /** What /readyz asks; the platforms and the workers add theirs as they start. */
  const readiness = createReadiness();

  let stopping: Promise<void> | undefined;
  const shutdown = (signal: string) => {
    stopping ??= (async () => {
      log.info({ signal }, "shutting down");
      // The last resort; every step below is bounded well within it.
      setTimeout(() => {
        log.error({ signal }, `shutdown took over ${SHUTDOWN_TIMEOUT_MS} ms, exiting anyway`);
        process.exit(1);
      }, SHUTDOWN_TIMEOUT_MS).unref();
      const deadline = Date.now() + SHUTDOWN_TIMEOUT_MS - CLOSE_RESERVE_MS;
      const step = async (name: string, run: (remainingMs: number) => Promise<void> | void) => {
        const remaining = deadline - Date.now();
        const r = await bounded(
          Promise.resolve().then(() => run(remaining)),
          remaining,
        );
        if (r !== "done")
          log.warn({ step: name, err: r === "timeout" ? "timeout" : r.message }, "shutdown step cut short");
      };
      for (const { name, stop } of stops) await step(name, stop);
      if (workersStop) await step("workers", (remaining) => workersStop!(remaining - 1000));
      // Up until the workers are done, /readyz saying 503 all along: the probes see the shutdown.
      if (health) await step("health", () => health!.close());
      await step("redis", () => app.close());
      await step("redis-server", () => redisServer.stop());
      process.exit(0);
    })();
    return stopping;
  };
  // Installed before anything starts: a start that waits for a platform must still be stoppable.
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("unhandledRejection", (err) => log.error({ err }, "unhandled rejection"));

  readiness.add("redis", redisAnswers(app.redis));
  readiness.add("not-stopping", () => !stopping);
  if (config.HEALTH_PORT) {
    // Before the platforms start: a slow login shows as alive and not ready, not as dead.
    try {
      health = await startHealthServer({
        port: config.HEALTH_PORT,
        host: config.HEALTH_HOST,
        registry: app.metrics.registry,
        readiness,
        log,
        ...(config.PUBLIC_URL
          ? {
              pages: createPageRoutes({
                rumours: app.rumours,
                tiers: loadSourceTiers(),
                perMinute: config.PAGES_PER_MINUTE,
              }),
            }
          : {}),
      });
      log.info({ port: health.port, pages: config.PUBLIC_URL ?? null }, "health server listening");
    } catch (err) {
      // The bot's work matters more than its probes: say so loudly and go on.
      log.error({ err: (err as Error).message, port: config.HEALTH_PORT }, "health server not started");
    }
  }

  const adapters: ChatAdapter[] = [];
  if (consoleMode && roles.has("bot")) {
    const chat = createConsoleChat({ deps: app.commandDeps, log, publicUrl: config.PUBLIC_URL });
    const lang = (await app.chatState.lang(CONSOLE_CHAT).catch(() => null)) ?? CONSOLE_LANG;
    const m = messages(lang).terminal;
    adapters.push(chat.adapter);
    const listener = chat.listen();
    readiness.add("console", () => true);
    stops.push({ name: "console", stop: () => listener.close() });
    // One write, so a reader of the pipe never sees the banner without the line about logs.
    const logsLine = logTo.kind === "file" ? `${m.logs(logTo.path)}\n` : "";
    process.stdout.write(`${m.banner(CONSOLE_CHAT.id)}\n${logsLine}`);
  }
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegram } = await import("./chat/telegram/index.js");
    const telegram = createTelegram(app);
    adapters.push(telegram.adapter); // workers send through bot.api alone, no polling needed
    if (roles.has("bot")) {
      let loggedIn = false;
      readiness.add("telegram", () => loggedIn);
      stops.push({ name: "telegram", stop: () => telegram.stop() });
      await telegram.start(); // getMe (retried), then long polling or the webhook server; menus beside
      loggedIn = !stopping;
      if (!stopping) log.info("telegram bot started");
    }
  }
  if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
    const { createDiscord } = await import("./chat/discord/index.js");
    const discord = createDiscord({
      ...app,
      token: config.DISCORD_TOKEN,
      applicationId: config.DISCORD_APPLICATION_ID,
      apiRoot: config.DISCORD_API_ROOT,
      publicUrl: config.PUBLIC_URL,
    });
    adapters.push(discord.adapter); // workers send through REST alone, no gateway needed
    if (roles.has("bot")) {
      let loggedIn = false;
      readiness.add("discord", () => loggedIn);
      stops.push({ name: "discord", stop: () => discord.stop() });
      await discord.start();
      loggedIn = !stopping;
      log.info("discord bot connected");
    }
  }
  if (stopping) return; // a signal came while a platform was still starting
  if (roles.has("worker")) {
    const workers = startWorkers(app.queues, workerDeps(app, adapters));
    workersStop = (graceMs) => workers.close(graceMs);
    readiness.add("workers", () => workers.workers.every((w) => w.isRunning()));
  }
  if (roles.has("scheduler")) {
    const sources = await startSourceSchedules(app);
    stops.unshift({ name: "sources-watch", stop: () => sources.close() });
    // SIGHUP re-reads the sources file; but when the terminal is the chat, a hang-up is the terminal
    // closing, and the bot stops as it always did.
    process.on("SIGHUP", () => {
      if (consoleMode && roles.has("bot")) void shutdown("SIGHUP");
      else void sources.reload("SIGHUP");
    });
    await scheduleDigestTick(app.queues, config.DIGEST_TICK_SECONDS);
    log.info({ sources: app.sources.length }, "poll and digest schedulers in place");
  }
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof RedisUnavailableError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`fatal: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
