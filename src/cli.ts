/**
 * The command line: `npm run -s cli -- <command>`.
 *
 *   start                    run the bot (same as npm start)
 *   demo                     the bot offline on its own sample feed; exits by itself
 *   extract FILE...          one JSON line of facts per article file
 *   replay [--watch NAME]... [--follow CLUB]... FILE...
 *                            one JSON line per alert that would be pushed
 *   sources                  the running bot's sources: state, last success, last error, items, next poll
 *   deliveries               each platform's deliver queue: waiting, delayed, failed, recent failures
 *   register-commands [--guild ID]
 *                            publish the command menus: Telegram's (it, en) and Discord's slash commands
 *                            (a server for development, else global)
 *
 * The JSON forms of extract and replay are how the project is measured from outside: keep them.
 */
import { existsSync } from "node:fs";
import { ConfigError, createConfig } from "./config.js";
import { createLogger, silentLogger } from "./log.js";
import { readArticleFile } from "./news/article-file.js";
import { SourcesFileError } from "./news/sources.js";
import { redisTarget } from "./redis.js";
import { ensureRedis, RedisUnavailableError } from "./redis-server.js";

const USAGE = `usage: npm run -s cli -- <command>
  start
  demo
  extract FILE...
  replay [--watch NAME]... [--follow CLUB]... FILE...
  sources
  deliveries
  register-commands [--guild ID]`;

function loadConfig() {
  if (existsSync(".env")) process.loadEnvFile(".env");
  return createConfig(process.env);
}

async function withRedis<T>(fn: (config: ReturnType<typeof loadConfig>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const server = await ensureRedis(redisTarget(config), {
    autostart: config.REDIS_AUTOSTART,
    dataDir: config.DATA_DIR,
    persist: false,
  });
  try {
    return await fn(config);
  } finally {
    await server.stop();
  }
}

async function extract(files: string[]): Promise<void> {
  const { createUnderstander, loadGazetteer, toExtractJson } = await import("./understand/index.js");
  const understander = createUnderstander(loadGazetteer());
  for (const path of files) {
    const f = await readArticleFile(path);
    const facts = understander.extract({
      title: f.title ?? undefined,
      text: f.text,
      url: f.url ?? undefined,
      outlet: f.outlet ?? undefined,
    });
    process.stdout.write(`${JSON.stringify(toExtractJson(path, f.date, facts))}\n`);
  }
}

async function replayCommand(args: string[]): Promise<void> {
  const watch: string[] = [];
  const follow: string[] = [];
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === "--watch" || a === "--follow") {
      const v = args[++i];
      if (!v) throw new UsageError(`${a} needs a name`);
      (a === "--watch" ? watch : follow).push(v);
    } else files.push(a);
  }
  if (!files.length) throw new UsageError("replay needs article files");
  const { replay } = await import("./replay.js");
  await withRedis(async (config) => {
    for (const alert of await replay(config, silentLogger(), { watch, follow, files })) {
      process.stdout.write(`${JSON.stringify(alert)}\n`);
    }
  });
}

/**
 * The sources the running bot polls (the list its scheduler stored in Redis), one aligned line each:
 * state, last success, last error, items, next poll. Before any scheduler stored a list, SOURCES_FILE.
 */
async function sourcesCommand(): Promise<void> {
  await withRedis(async (config) => {
    const { createApp } = await import("./app.js");
    const { createActiveSourcesStore } = await import("./news/active-sources.js");
    const { loadSources } = await import("./news/sources.js");
    const { formatSourcesTable, relativeTime } = await import("./news/sources-table.js");
    const { resolve } = await import("node:path");
    const { projectRoot } = await import("./paths.js");
    const { pollSchedulerId } = await import("./pipeline.js");
    const app = createApp(config, silentLogger(), { sources: [] });
    try {
      const now = Date.now();
      const active = await createActiveSourcesStore(app.redis, app.keys).load();
      let sources = active?.sources;
      if (active) {
        const applied = relativeTime(Date.parse(active.savedAt), now);
        process.stdout.write(
          `${sources!.length} sources in use by the bot (${active.file}, applied ${applied})\n\n`,
        );
      } else {
        const file = resolve(projectRoot, config.SOURCES_FILE);
        sources = loadSources(file);
        process.stdout.write(
          `No running bot has stored its sources in Redis yet (prefix ${config.REDIS_PREFIX}): showing ${file}\n\n`,
        );
      }
      const health = await app.sourceStore.listHealth(sources!.map((s) => s.id));
      const next = new Map(
        (await app.queues.poll.getJobSchedulers(0, -1)).map((j) => [j.key, j.next ?? null] as const),
      );
      const rows = sources!.map((s, i) => ({
        id: s.id,
        health: health[i]!,
        nextRunAt: next.get(pollSchedulerId(s.id)) ?? null,
      }));
      process.stdout.write(`${formatSourcesTable(rows, now)}\n`);
    } finally {
      await app.close();
    }
  });
}

/** Each platform's deliver queue and its latest failures (the failed set that retries ended in). */
async function deliveriesCommand(): Promise<void> {
  await withRedis(async (config) => {
    const { createApp } = await import("./app.js");
    const { deliveryStats } = await import("./chat/delivery-stats.js");
    const app = createApp(config, silentLogger(), { sources: [] });
    try {
      for (const [platform, queue] of Object.entries(app.queues.deliver)) {
        const { recentFailures, ...counts } = await deliveryStats(queue);
        process.stdout.write(`${platform}: ${JSON.stringify(counts)}\n`);
        for (const f of recentFailures)
          process.stdout.write(`  failed ${f.failedAt ?? "?"} ${f.chat}: ${f.reason}\n`);
      }
    } finally {
      await app.close();
    }
  });
}

/** Publishes the command menus: Telegram's in Italian and English, Discord's slash commands (bulk overwrite). */
async function registerCommands(args: string[]): Promise<void> {
  const config = loadConfig();
  if (config.TELEGRAM_BOT_TOKEN) {
    const { publishTelegramCommands } = await import("./chat/telegram/index.js");
    await publishTelegramCommands(config);
    process.stdout.write("registered the Telegram command menus (it, en)\n");
  }
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    if (config.TELEGRAM_BOT_TOKEN) return;
    throw new UsageError(
      "register-commands needs TELEGRAM_BOT_TOKEN, or DISCORD_TOKEN and DISCORD_APPLICATION_ID",
    );
  }
  const g = args.indexOf("--guild");
  const guildId = g >= 0 ? args[g + 1] : undefined;
  if (g >= 0 && !guildId) throw new UsageError("--guild needs a server id");
  const { registerDiscordCommands } = await import("./chat/discord/index.js");
  const n = await registerDiscordCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    apiRoot: config.DISCORD_API_ROOT,
    ...(guildId ? { guildId } : {}),
  });
  process.stdout.write(`registered ${n} commands ${guildId ? `in server ${guildId}` : "globally"}\n`);
}

class UsageError extends Error {}

async function run(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  switch (command) {
    case "start":
      await import("./main.js");
      return;
    case "demo": {
      const { runDemo } = await import("./demo/run-demo.js");
      await withRedis((config) => runDemo(config, createLogger(process.env.LOG_LEVEL ?? "warn")));
      process.exit(0);
      return;
    }
    case "extract":
      if (!args.length) throw new UsageError("extract needs article files");
      return extract(args);
    case "replay":
      return replayCommand(args);
    case "sources":
      return sourcesCommand();
    case "deliveries":
      return deliveriesCommand();
    case "register-commands":
      return registerCommands(args);
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(command ? `unknown command: ${command}` : "no command");
  }
}

run(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) process.stderr.write(`${err.message}\n${USAGE}\n`);
  else if (
    err instanceof ConfigError ||
    err instanceof RedisUnavailableError ||
    err instanceof SourcesFileError
  )
    process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
});
