/**
 * The bot's side that talks with people: commands from commands/ (the same modules as every platform),
 * /start with its deep link, the Telegram-only /channel, alert buttons, and the chat-member and
 * migration updates that pause, resume or move a chat. Delivery lives in telegram-adapter.ts.
 */
import { type Bot, type BotError, type Context, type Filter, GrammyError, HttpError } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { findCommand } from "../../../commands/index.js";
import { runCommand, runTextCommand } from "../../../commands/run-command.js";
import type { CommandContext, CommandDeps, Lang } from "../../../commands/types.js";
import { unavailableText } from "../../../commands/unavailable.js";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { isRedisUnavailable } from "../../redis-outage.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import { messages } from "../messages/index.js";
import { confirmKeyboard, parseAlertAction } from "./alert-keyboard.js";
import type { ChannelTargets } from "./channel-target.js";
import { type ChatAdmins, GROUP_ANONYMOUS_BOT_ID } from "./chat-admins.js";
import { parseWatchPayload } from "./deep-link.js";
import type { ReplySender } from "./reply-sender.js";
import type { SourcesStore } from "./sources-store.js";
import type { TelegramLimits } from "./telegram-limits.js";

/** Telegram delivers updates at least once; an update id seen within this time is dropped. */
const UPDATE_DEDUPE_MS = 3_600_000;

export interface TelegramBotDeps {
  redis: Redis;
  keys: Keys;
  log: Logger;
  commandDeps: CommandDeps;
  chatState: ChatStateStore;
  limits: TelegramLimits;
  /** Command replies: split, rate-limited, retried. */
  replies: ReplySender;
  sources: SourcesStore;
  admins: ChatAdmins;
  targets: ChannelTargets;
}

const address = (id: number | string): ChatAddress => ({ platform: "telegram", id: String(id) });
const userLang = (ctx: Context): Lang =>
  ctx.from?.language_code?.toLowerCase().startsWith("it") ? "it" : "en";

/**
 * Installs every handler on a grammY Bot, inside one error boundary (it works for polling and webhooks
 * alike) that logs the update id and what failed. Must run before the bot starts.
 */
export function installTelegramHandlers(bot: Bot, deps: TelegramBotDeps): void {
  const { log, chatState, admins } = deps;
  const onError = (err: BotError) => {
    const e = err.error;
    const what =
      e instanceof GrammyError
        ? `${e.method}: ${e.description}`
        : e instanceof HttpError
          ? `network: ${e.message}`
          : e;
    log.error({ update: err.ctx.update.update_id, err: what }, "telegram update failed");
  };
  bot.catch(onError);

  // At-least-once: the first process to see an update id handles it, every other sighting is dropped.
  bot.use(async (ctx, next) => {
    const key = deps.keys.key("tg", "update", ctx.update.update_id);
    let first = true;
    try {
      first = (await deps.redis.set(key, "1", "PX", UPDATE_DEDUPE_MS, "NX")) === "OK";
    } catch (err) {
      // Without Redis there is no dedupe; a rare double answer beats a command met with silence.
      if (!isRedisUnavailable(err)) throw err;
    }
    if (first) await next();
  });
  const on = bot.errorBoundary(onError);

  /**
   * The chat's language, decided once: in a private chat the user's Telegram language, in a group or
   * channel the language of the first admin who uses the bot there (a member's command before that is
   * answered in the member's language, and decides nothing). /lang changes it.
   */
  const chatLang = async (
    chat: ChatAddress,
    ctx: Context,
    isAdmin: () => Promise<boolean>,
  ): Promise<Lang> => {
    const stored = await chatState.lang(chat);
    if (stored) return stored;
    const lang = userLang(ctx);
    if (await isAdmin()) await chatState.setLang(chat, lang);
    return lang;
  };

  /**
   * Replies in the chat the update came from, as plain text (no markup to escape), through the reply
   * sender: it waits for the chat's slots and retries beside the handlers, so this does not wait.
   */
  const reply = async (ctx: Context, text: string, keyboard?: InlineKeyboardMarkup) => {
    const inGroup = ctx.chat!.type !== "private";
    void deps.replies.send(address(ctx.chat!.id), text, {
      ...(keyboard ? { keyboard } : {}),
      ...(inGroup && ctx.msg ? { replyTo: ctx.msg.message_id } : {}),
      ...(ctx.msg?.is_topic_message && ctx.msg.message_thread_id
        ? { threadId: ctx.msg.message_thread_id }
        : {}),
    });
  };

  /** Whether the sender administers the chat the update came from. */
  const senderIsAdmin = async (ctx: Context): Promise<boolean> => {
    const chat = ctx.chat!;
    if (chat.type === "private") return true;
    // An anonymous admin writes as the group itself.
    if (ctx.from?.id === GROUP_ANONYMOUS_BOT_ID) return ctx.msg?.sender_chat?.id === chat.id;
    return ctx.from ? admins.isAdmin(chat.id, ctx.from.id) : false;
  };

  /**
   * The CommandContext for a message or button: its own chat, or (`viaChannel`) in a private chat the
   * channel the user named with /channel. `needsAdmin` avoids a getChatMember call for commands anyone
   * may run.
   */
  const commandContext = async (
    ctx: Context,
    o: { needsAdmin: boolean; viaChannel: boolean },
  ): Promise<{ cc: CommandContext; prefix: string }> => {
    const chat = ctx.chat!;
    const userId = ctx.from?.id ?? 0;
    const target = chat.type === "private" && o.viaChannel ? await deps.targets.get(userId) : null;
    const addr = address(target?.id ?? chat.id);
    const kind =
      target || chat.type === "channel" ? "channel" : chat.type === "private" ? "private" : "group";
    let isAdmin = kind === "private";
    if (target) isAdmin = (await admins.isAdmin(target.id, userId)) && (await admins.botCanPost(target.id));
    else if (kind !== "private" && o.needsAdmin) isAdmin = await senderIsAdmin(ctx);
    const cc: CommandContext = {
      platform: "telegram",
      chat: addr,
      chatKind: kind,
      userId: String(userId),
      isAdmin,
      // Only a sender known to be an admin decides a group's language: no extra getChatMember for it.
      lang: await chatLang(addr, ctx, async () => isAdmin),
      deps: deps.commandDeps,
    };
    return { cc, prefix: target ? `📢 ${target.title}: ` : "" };
  };

  on.on("message:text", async (ctx) => {
    try {
      await onText(ctx);
    } catch (err) {
      if (!isRedisUnavailable(err)) throw err;
      // Redis is away: say so (in the sender's language, the chat's is in Redis) instead of nothing.
      log.warn({ chat: ctx.chat.id, cause: (err as Error).message }, "telegram command: redis unavailable");
      if (/^\//.test(ctx.msg.text.trim())) await reply(ctx, unavailableText(userLang(ctx)));
    }
  });

  const onText = async (ctx: Filter<Context, "message:text">) => {
    const text = ctx.msg.text;
    const m = /^\/([A-Za-z0-9_]+)(?:@(\w+))?(?:\s+([\s\S]*))?$/.exec(text.trim());
    const isPrivate = ctx.chat.type === "private";
    if (!m) {
      if (isPrivate) {
        const lang = await chatLang(address(ctx.chat.id), ctx, async () => true);
        await reply(ctx, messages(lang).common.sendHelp);
      }
      return;
    }
    const [, name = "", mention, args = ""] = m;
    // In groups several bots share the slash: answer only what is ours.
    if (mention && mention.toLowerCase() !== ctx.me.username.toLowerCase()) return;
    const lower = name.toLowerCase();
    if (lower === "start") {
      const player = parseWatchPayload(args);
      const watch = findCommand("watch");
      if (player && isPrivate && watch) {
        // A shared link is for the person who opens it, whatever channel they manage.
        const { cc } = await commandContext(ctx, { needsAdmin: true, viaChannel: false });
        await reply(ctx, (await runCommand(watch, { player }, cc, log)).text);
      } else {
        const lang = await chatLang(address(ctx.chat.id), ctx, () => senderIsAdmin(ctx));
        await reply(ctx, messages(lang).start);
      }
      return;
    }
    if (lower === "channel" && isPrivate) {
      const lang = await chatLang(address(ctx.chat.id), ctx, async () => true);
      await reply(ctx, await deps.targets.handle(ctx.from.id, args, lang));
      return;
    }
    const command = findCommand(lower);
    if (!command && !isPrivate && !mention) return;
    const { cc, prefix } = await commandContext(ctx, {
      needsAdmin: command?.permission === "admin",
      viaChannel: true,
    });
    const answer = await runTextCommand(`/${lower} ${args}`, cc, log);
    if (answer)
      await reply(
        ctx,
        prefix + answer.text,
        answer.confirm && confirmKeyboard(answer.confirm.command, cc.lang),
      );
  };

  on.on("callback_query:data", async (ctx) => {
    try {
      await onButton(ctx);
    } catch (err) {
      if (!isRedisUnavailable(err)) throw err;
      log.warn({ cause: (err as Error).message }, "telegram button: redis unavailable");
      await ctx.answerCallbackQuery({ text: unavailableText(userLang(ctx)) });
    }
  });

  const onButton = async (ctx: Filter<Context, "callback_query:data">) => {
    const action = parseAlertAction(ctx.callbackQuery.data);
    if (!action || !ctx.chat) {
      await ctx.answerCallbackQuery();
      return;
    }
    if (action.kind === "sources") {
      const lang = (await chatState.lang(address(ctx.chat.id))) ?? userLang(ctx);
      const text = await deps.sources.get(action.ref);
      await ctx.answerCallbackQuery({ text: text ?? messages(lang).alert.sourcesExpired, show_alert: true });
      return;
    }
    if (action.kind === "cancel") {
      const lang = (await chatState.lang(address(ctx.chat.id))) ?? userLang(ctx);
      await ctx.answerCallbackQuery({ text: messages(lang).removeAll.cancelled });
      return;
    }
    if (action.kind === "confirm") {
      // The same checks as the typed command: admin rights, and the /channel the user acts on.
      const { cc, prefix } = await commandContext(ctx, { needsAdmin: true, viaChannel: true });
      const answer = await runTextCommand(action.command, cc, log);
      await ctx.answerCallbackQuery({ text: (answer?.text ?? "").slice(0, 200) });
      if (answer) await reply(ctx, prefix + answer.text);
      return;
    }
    const unwatch = findCommand("unwatch")!;
    // The button acts on the chat of the message it sits under, never on the user's /channel choice.
    const { cc } = await commandContext(ctx, { needsAdmin: true, viaChannel: false });
    const { players } = await deps.commandDeps.subscriptions.list(cc.chat);
    const player = players.find((p) => p.key === action.playerKey)?.name ?? action.playerKey;
    const answer = await runCommand(unwatch, { player }, cc, log);
    await ctx.answerCallbackQuery({ text: answer.text.slice(0, 200) });
  };

  // The bot's own membership: blocked, kicked or removed pauses the chat; back in resumes it.
  on.on("my_chat_member", async (ctx) => {
    const chat = address(ctx.chat.id);
    const m = ctx.myChatMember.new_chat_member;
    const canWrite =
      m.status === "member" ||
      m.status === "administrator" ||
      m.status === "creator" ||
      (m.status === "restricted" && m.is_member && m.can_send_messages);
    if (canWrite) {
      if (await chatState.resume(chat)) log.info({ chat }, "chat resumed: the bot is back");
    } else {
      await chatState.pause(chat, `bot ${m.status}`, new Date(ctx.myChatMember.date * 1000));
      log.info({ chat, status: m.status }, "chat paused: the bot was removed");
    }
  });

  // A group upgraded to a supergroup gets a new id: its subscriptions and settings follow.
  on.on("message:migrate_to_chat_id", async (ctx) => {
    const from = address(ctx.chat.id);
    const to = address(ctx.msg.migrate_to_chat_id);
    await deps.commandDeps.subscriptions.moveChat(from, to);
    await chatState.moveChat(from, to);
    log.info({ from, to }, "chat migrated to a supergroup");
  });
}
