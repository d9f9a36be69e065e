/**
 * Telegram, the only part of the project that imports grammY. `createTelegram(deps)` gives the delivery
 * adapter (usable in a worker process that never polls) and start/stop for the bot itself: long polling,
 * or a webhook server when TELEGRAM_WEBHOOK_URL is set. See docs/telegram.md.
 */
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { CommandDeps, Lang } from "../../../commands/types.js";
import { bounded } from "../../bounded.js";
import type { Config } from "../../config.js";
import type { Logger } from "../../log.js";
import type { Keys, Redis } from "../../redis.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import { retryUntil } from "../retry-loop.js";
import type { ChatAdapter } from "../types.js";
import { createChannelTargets } from "./channel-target.js";
import { createChatAdmins } from "./chat-admins.js";
import { registerTelegramCommands } from "./register-telegram-commands.js";
import { createReplySender } from "./reply-sender.js";
import { createSourcesStore } from "./sources-store.js";
import { createTelegramAdapter } from "./telegram-adapter.js";
import { installTelegramHandlers } from "./telegram-bot.js";
import {
  createTelegramLimits,
  TELEGRAM_BOT_PER_SECOND,
  type TelegramLimitOptions,
} from "./telegram-limits.js";
import { startWebhookServer, type WebhookServer } from "./webhook-server.js";

// For main, tests and tools: the parts one may need on their own.
export { classifyTelegramError } from "./classify-telegram-error.js";
export { watchDeepLink } from "./deep-link.js";
export { registerTelegramCommands, telegramCommandMenu } from "./register-telegram-commands.js";
export { escapeHtml, renderTelegramMessage } from "./render-telegram.js";
export {
  createTelegramLimits,
  TELEGRAM_BOT_PER_SECOND,
  TELEGRAM_LIMITS,
  TELEGRAM_PAID_BROADCAST_PER_SECOND,
  type TelegramLimitOptions,
} from "./telegram-limits.js";

/** How long stop() waits for grammY's last getUpdates and for replies in flight. */
const STOP_WAIT_MS = 3000;

const errText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** The updates the bot acts on; Telegram sends no others. */
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** What Telegram needs from the app. `App` from src/app.ts fits as is. */
export interface TelegramDeps {
  config: Pick<
    Config,
    | "TELEGRAM_BOT_TOKEN"
    | "TELEGRAM_API_ROOT"
    | "TELEGRAM_WEBHOOK_URL"
    | "TELEGRAM_WEBHOOK_SECRET"
    | "TELEGRAM_WEBHOOK_PORT"
    | "TELEGRAM_PAID_BROADCAST"
    | "TELEGRAM_PAID_BROADCAST_PER_SECOND"
    | "PUBLIC_URL"
  >;
  log: Logger;
  redis: Redis;
  keys: Keys;
  chatState: ChatStateStore;
  commandDeps: CommandDeps;
}

/** Knobs for tests and unusual deployments; the defaults are Telegram's documented limits. */
export interface TelegramOptions {
  /** Skips getMe at start (tests). */
  botInfo?: UserFromGetMe;
  limits?: Partial<TelegramLimitOptions>;
  /** Language of alerts to chats that never said theirs. Default "en". */
  defaultLang?: Lang;
  /** Overrides TELEGRAM_WEBHOOK_PORT (0: any free port, for tests). */
  webhookPort?: number;
  /** Interface the webhook server listens on. Default all. */
  webhookHost?: string;
  /** Long-polling timeout in seconds. Default 30. */
  pollingTimeoutS?: number;
}

export interface Telegram {
  /** Delivery through bot.api; give it to the workers. */
  adapter: ChatAdapter;
  /**
   * Learns who the bot is (getMe, retried and logged while the API cannot be reached), then long-polls
   * or serves the webhook; the command menus are published beside it, retried, never fatal. Resolves
   * once running, or once stop() was called.
   */
  start(): Promise<void>;
  /**
   * Stops polling or closes the webhook server (the webhook stays set: other replicas may serve it),
   * within a few seconds whatever the network does; never rejects.
   */
  stop(): Promise<void>;
  /** The webhook server's port once started in webhook mode, else null. */
  webhookPort(): number | null;
}

/**
 * Publishes the command menus (Italian and English) without starting the bot: for a deploy step such as
 * `cli register-commands`. `start()` does the same on every start.
 * @throws Error when TELEGRAM_BOT_TOKEN is not set; grammY's error when Telegram refuses.
 */
export async function publishTelegramCommands(config: TelegramDeps["config"]): Promise<void> {
  if (!config.TELEGRAM_BOT_TOKEN) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const bot = new Bot(config.TELEGRAM_BOT_TOKEN, { client: { apiRoot: config.TELEGRAM_API_ROOT } });
  await registerTelegramCommands(bot.api);
}

/**
 * Builds the Telegram bot and its delivery adapter from the app's parts.
 * @throws Error when TELEGRAM_BOT_TOKEN is not set.
 * @example
 *   const telegram = createTelegram(app);
 *   adapters.push(telegram.adapter);
 *   await telegram.start();
 */
export function createTelegram(deps: TelegramDeps, options: TelegramOptions = {}): Telegram {
  const { config, log, redis, keys, chatState } = deps;
  const token = config.TELEGRAM_BOT_TOKEN;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  const bot = new Bot(token, {
    client: { apiRoot: config.TELEGRAM_API_ROOT },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const paidBroadcast = config.TELEGRAM_PAID_BROADCAST;
  const limits = createTelegramLimits(redis, keys, {
    botPerSecond: paidBroadcast ? config.TELEGRAM_PAID_BROADCAST_PER_SECOND : TELEGRAM_BOT_PER_SECOND,
    ...options.limits,
  });
  const replies = createReplySender({ api: bot.api, limits, log });
  const stopping = new AbortController();
  let menus: Promise<unknown> | null = null;
  const sources = createSourcesStore(redis, keys);
  // The bot's id is the token's first part, so no getMe is needed to know it.
  const botId = Number(token.split(":")[0]);
  const admins = createChatAdmins({ api: bot.api, redis, keys, log, botId: () => botId });
  const targets = createChannelTargets({ api: bot.api, redis, keys, admins });
  const adapter = createTelegramAdapter({
    api: bot.api,
    redis,
    keys,
    chatState,
    limits,
    sources,
    log,
    defaultLang: options.defaultLang ?? "en",
    paidBroadcast,
    publicUrl: config.PUBLIC_URL,
  });

  let installed = false;
  let polling: Promise<void> | null = null;
  let webhook: WebhookServer | null = null;
  const install = () => {
    if (installed) return;
    installed = true;
    installTelegramHandlers(bot, {
      redis,
      keys,
      log,
      commandDeps: deps.commandDeps,
      chatState,
      limits,
      replies,
      sources,
      admins,
      targets,
    });
  };

  return {
    adapter,
    async start() {
      install();
      if (!options.botInfo) {
        const me = await retryUntil(
          () => bot.api.getMe(stopping.signal as Parameters<typeof bot.api.getMe>[0]),
          {
            signal: stopping.signal,
            onFailure: (err, failures, next) =>
              log.warn(
                { err: errText(err), failures, retryInMs: next, apiRoot: config.TELEGRAM_API_ROOT },
                "telegram: cannot reach the Bot API (getMe), retrying",
              ),
          },
        );
        if (!me) return; // stopped while waiting
        bot.botInfo = me;
      }
      // Menus are a convenience: a 429 or a 5xx there must not keep the bot from answering.
      menus = retryUntil(() => registerTelegramCommands(bot.api), {
        signal: stopping.signal,
        onFailure: (err, failures, next) =>
          log.warn(
            { err: errText(err), failures, retryInMs: next },
            "telegram: command menus not published, retrying",
          ),
      });
      const url = config.TELEGRAM_WEBHOOK_URL;
      if (url && config.TELEGRAM_WEBHOOK_SECRET) {
        webhook = await startWebhookServer({
          bot,
          path: new URL(url).pathname,
          secret: config.TELEGRAM_WEBHOOK_SECRET,
          port: options.webhookPort ?? config.TELEGRAM_WEBHOOK_PORT,
          host: options.webhookHost,
          log,
        });
        await bot.api.setWebhook(url, {
          secret_token: config.TELEGRAM_WEBHOOK_SECRET,
          allowed_updates: [...ALLOWED_UPDATES],
        });
        log.info({ bot: bot.botInfo.username, port: webhook.port }, "telegram bot on webhook");
        return;
      }
      if (stopping.signal.aborted) return;
      await new Promise<void>((resolve, reject) => {
        polling = bot
          .start({
            allowed_updates: [...ALLOWED_UPDATES],
            timeout: options.pollingTimeoutS ?? 30,
            onStart: () => resolve(),
          })
          .catch((err: unknown) => {
            log.error({ err: errText(err) }, "telegram polling stopped");
            reject(err);
          });
      });
      log.info({ bot: bot.botInfo.username }, "telegram bot polling");
    },
    async stop() {
      stopping.abort();
      if (webhook) {
        await webhook.close();
        webhook = null;
      }
      if (polling) {
        // grammY's stop() sends one last getUpdates to confirm the offset; with Telegram unreachable it
        // rejects or hangs. Updates not confirmed come again and the update dedupe drops the repeats.
        const stopped = await bounded(bot.stop(), STOP_WAIT_MS);
        if (stopped !== "done")
          log.warn(
            { err: stopped === "timeout" ? "timeout" : stopped.message },
            "telegram: last getUpdates failed",
          );
        await bounded(polling, STOP_WAIT_MS);
        polling = null;
      }
      if (menus) await bounded(menus, STOP_WAIT_MS);
      await replies.drain(STOP_WAIT_MS);
    },
    webhookPort: () => webhook?.port ?? null,
  };
}
