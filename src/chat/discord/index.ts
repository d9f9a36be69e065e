/**
 * Mercato Radar on Discord. The only folder that imports discord.js.
 *
 * - createDiscord(deps): the ChatAdapter the deliver workers send through, and the gateway bot
 *   (slash commands, autocomplete, server clean-up) that `start()` connects.
 * - registerDiscordCommands(...): publishes the commands of commands/ (the CLI's register-commands).
 */
import { REST, Routes } from "discord.js";
import type { Lang } from "../../../commands/types.js";
import { bounded } from "../../bounded.js";
import { retryUntil } from "../retry-loop.js";
import type { ChatAdapter } from "../types.js";
import { createDiscordAdapter } from "./discord-adapter.js";
import { createDiscordBot, type DiscordBotDeps } from "./discord-bot.js";
import { createDiscordLimits } from "./discord-limits.js";
import { createDiscordRest } from "./discord-rest.js";
import { createGuildChannels } from "./guild-channels.js";
import { buildSlashCommands } from "./slash-commands.js";

export { classifyDiscordError } from "./classify-discord-error.js";
export { escapeDiscord, renderDiscordMessages } from "./render-discord.js";
export { buildSlashCommands } from "./slash-commands.js";

/** What Discord needs from the app: the bot's deps (token, API root, stores) and the application id. */
export interface DiscordDeps extends Omit<DiscordBotDeps, "guildChannels"> {
  applicationId: string;
  /** Language of alerts in a channel that never ran a command. Default "en". */
  defaultLang?: Lang;
  /** PUBLIC_URL: alert embeds then link their player's page. */
  publicUrl?: string;
}

export interface Discord {
  /** Sends alerts; works without start(), so worker-only processes need no gateway. */
  adapter: ChatAdapter;
  /** Connects to the gateway and answers slash commands; resolves when ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Builds Discord for this process. Rate-limit state, the guild → channels index and subscriptions live
 * in Redis, so any number of processes can run it.
 */
export function createDiscord(deps: DiscordDeps): Discord {
  const limits = createDiscordLimits(deps.redis, deps.keys);
  const rest = createDiscordRest({ token: deps.token, apiRoot: deps.apiRoot, limits, log: deps.log });
  const adapter = createDiscordAdapter({
    rest,
    limits,
    chatState: deps.chatState,
    log: deps.log,
    ...(deps.defaultLang ? { defaultLang: deps.defaultLang } : {}),
    publicUrl: deps.publicUrl,
  });
  const guildChannels = createGuildChannels({
    redis: deps.redis,
    keys: deps.keys,
    subscriptions: deps.commandDeps.subscriptions,
    chatState: deps.chatState,
    log: deps.log,
  });
  let bot: ReturnType<typeof createDiscordBot> | undefined;
  let stopping = new AbortController();
  let registering: Promise<unknown> | null = null;
  return {
    adapter,
    async start() {
      stopping = new AbortController();
      // The slash commands are published beside the start and retried: Discord being slow or busy
      // there must not keep the bot from answering the commands it already has.
      registering ??= retryUntil(
        () =>
          registerDiscordCommands({
            token: deps.token,
            applicationId: deps.applicationId,
            apiRoot: deps.apiRoot,
          }),
        {
          signal: stopping.signal,
          onFailure: (err, failures, next) =>
            deps.log.warn(
              { err: err instanceof Error ? err.message : String(err), failures, retryInMs: next },
              "discord: slash commands not published, retrying",
            ),
        },
      );
      bot ??= createDiscordBot({ ...deps, guildChannels });
      await bot.start();
    },
    async stop() {
      stopping.abort();
      if (registering) await bounded(registering, 3000);
      registering = null;
      await bot?.stop();
      bot = undefined;
    },
  };
}

/**
 * Publishes every command of commands/ with one bulk overwrite (PUT): to one server when `guildId` is
 * given (instant; for development), otherwise globally (every server and DMs).
 * @returns how many commands Discord now has.
 * @throws DiscordAPIError when Discord refuses the token or the commands.
 */
export async function registerDiscordCommands(opts: {
  token: string;
  applicationId: string;
  apiRoot: string;
  guildId?: string;
}): Promise<number> {
  const rest = new REST({ api: opts.apiRoot }).setToken(opts.token);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.applicationId, opts.guildId)
    : Routes.applicationCommands(opts.applicationId);
  const result = (await rest.put(route, { body: buildSlashCommands() })) as unknown[];
  return result.length;
}
