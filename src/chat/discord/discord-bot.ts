import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  Events,
  GatewayDispatchEvents,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
} from "discord.js";
import { findCommand } from "../../../commands/index.js";
import { runCommand, runTextCommand } from "../../../commands/run-command.js";
import type { Command, CommandContext, CommandDeps, Lang, Reply } from "../../../commands/types.js";
import { unavailableText } from "../../../commands/unavailable.js";
import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { isRedisUnavailable } from "../../redis-outage.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import { cleanText } from "../../text/clean-text.js";
import { messages } from "../messages/index.js";
import { splitText } from "../split-text.js";
import { confirmRow, parseConfirm } from "./confirm-buttons.js";
import type { GuildChannels } from "./guild-channels.js";
import { createOptionPermissions, type RawInteraction } from "./option-permissions.js";
import { escapeDiscord } from "./render-discord.js";
import { CHANNEL_OPTION } from "./slash-commands.js";
import { suggestNames } from "./suggest-names.js";

/** Discord wants an answer to an interaction within 3 s; past this we defer and edit the reply later. */
const DEFER_AFTER_MS = 2000;
/** Longest message content Discord accepts. */
const MAX_CONTENT = 2000;

/** Plain reply text as Discord content: cleaned, escaped line by line so it can be split between lines. */
const escapeLines = (text: string) =>
  cleanText(text)
    .split("\n")
    .map((line) => escapeDiscord(line))
    .join("\n");

export interface DiscordBotDeps {
  token: string;
  /** DISCORD_API_ROOT: https://discord.com/api, or a fake one in tests. */
  apiRoot: string;
  redis: Redis;
  keys: Keys;
  log: Logger;
  commandDeps: CommandDeps;
  chatState: ChatStateStore;
  guildChannels: GuildChannels;
}

const langOf = (locale: string | null | undefined): Lang => (locale?.startsWith("it") ? "it" : "en");

const failure = (lang: Lang) => messages(lang).common.failure;

/**
 * The Discord bot on the gateway: slash commands (run through the platform-free commands/ with a
 * CommandContext), autocomplete of player and club names, and clean-up when a server removes the bot.
 * Sending alerts is the adapter's job (discord-adapter.ts), which needs no gateway.
 */
export function createDiscordBot(deps: DiscordBotDeps) {
  const { log } = deps;
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: deps.apiRoot } });
  const optionPermissions = createOptionPermissions();
  // discord.js drops the `permissions` Discord computes for the member in a resolved channel option;
  // the raw packet arrives before the interaction event, so keep it by interaction id.
  client.ws.on(GatewayDispatchEvents.InteractionCreate, (data: RawInteraction) =>
    optionPermissions.remember(data),
  );

  /** A DM's chat is the user's DM channel; POST /users/@me/channels returns it (the same one each time). */
  async function dmChannelId(userId: string): Promise<string> {
    const channel = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
      id: string;
    };
    return channel.id;
  }

  async function contextFor(i: ChatInputCommandInteraction, lang: Lang): Promise<CommandContext> {
    const userId = i.user.id;
    if (!i.inGuild()) {
      const chat: ChatAddress = { platform: "discord", id: await dmChannelId(userId) };
      return {
        platform: "discord",
        chat,
        chatKind: "private",
        userId,
        isAdmin: true,
        lang,
        deps: deps.commandDeps,
      };
    }
    // Another channel of the same server may be named; Discord resolves only channels of this server.
    const named = i.options.getChannel(CHANNEL_OPTION, false)?.id;
    const target = named ?? i.channelId;
    // Managing a channel is checked on that channel: the member's rights where the command was typed
    // say nothing about the channel the option names (overwrites differ per channel).
    const permissions =
      named && named !== i.channelId
        ? optionPermissions.take(i.id, named)
        : (i.memberPermissions?.bitfield ?? 0n);
    return {
      platform: "discord",
      chat: { platform: "discord", id: target },
      chatKind: "group",
      userId,
      isAdmin: (permissions & PermissionFlagsBits.ManageChannels) !== 0n,
      lang,
      deps: deps.commandDeps,
    };
  }

  /**
   * The chat's language, decided once: a server channel takes the server's locale, a DM the user's.
   * Stored at the first command, so whoever runs the next one reads the same language; /lang changes it.
   */
  async function chatLang(
    chat: ChatAddress,
    i: ChatInputCommandInteraction | ButtonInteraction,
  ): Promise<Lang> {
    const stored = await deps.chatState.lang(chat);
    if (stored) return stored;
    const lang = langOf(i.inGuild() ? i.guildLocale : i.locale);
    await deps.chatState.setLang(chat, lang);
    return lang;
  }

  /** Runs a command; in a server, keeps what the clean-up and the resume need. */
  async function execute(
    command: Command,
    i: ChatInputCommandInteraction,
    lang: Lang,
  ): Promise<Reply & { lang: Lang }> {
    const found = await contextFor(i, lang);
    const ctx: CommandContext = { ...found, lang: await chatLang(found.chat, i) };
    const raw: Record<string, unknown> = {};
    for (const arg of command.args) {
      const v = i.options.getString(arg.name, false);
      if (v !== null) raw[arg.name] = v;
    }
    const reply = await runCommand(command, raw, ctx, log);
    const allowed = command.permission === "anyone" || ctx.chatKind === "private" || ctx.isAdmin;
    if (allowed) {
      // A command that runs in a paused channel means someone is there again: try delivering again.
      if (await deps.chatState.resume(ctx.chat))
        log.info({ chat: ctx.chat }, "discord: channel resumed by a command");
      if (i.guildId && command.permission === "admin") {
        const subs = await deps.commandDeps.subscriptions.list(ctx.chat);
        if (subs.players.length || subs.clubs.length)
          await deps.guildChannels.remember(i.guildId, ctx.chat.id);
      }
    }
    return { ...reply, lang: ctx.lang };
  }

  async function onCommand(i: ChatInputCommandInteraction): Promise<void> {
    const lang = langOf(i.locale);
    const command = findCommand(i.commandName);
    // Management happens in servers' channels: answer only the member who asked.
    const flags = i.inGuild() ? MessageFlags.Ephemeral : undefined;
    let deferred: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferred = i
        .deferReply(flags ? { flags } : {})
        .catch((err: unknown) => log.warn({ err }, "discord: defer failed"));
    }, DEFER_AFTER_MS);
    let reply: Reply & { lang?: Lang };
    try {
      reply = command
        ? await execute(command, i, lang)
        : { text: messages(lang).common.unknownCommand, ephemeral: true };
    } catch (err) {
      if (isRedisUnavailable(err)) {
        log.warn({ interaction: i.id, cause: (err as Error).message }, "discord: command, redis unavailable");
        reply = { text: unavailableText(lang), ephemeral: true };
      } else {
        log.error({ err, interaction: i.id, command: i.commandName }, "discord: command failed");
        reply = { text: failure(lang), ephemeral: true };
      }
    } finally {
      clearTimeout(timer);
    }
    // Escaped line by line, then split between lines: a long /list arrives whole, in several messages.
    const escaped = escapeLines(reply.text);
    const [first = "", ...rest] = splitText(escaped, MAX_CONTENT);
    const ephemeral = reply.ephemeral || flags !== undefined;
    const ephemeralFlags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
    // A "remove all?" gets Yes / Cancel buttons, unless it named another channel: a button acts where
    // it was tapped, and only there can the member's rights be checked again.
    const named = i.options.getChannel(CHANNEL_OPTION, false)?.id;
    const buttons =
      reply.confirm && (!named || named === i.channelId)
        ? { components: [confirmRow(reply.confirm.command, reply.lang ?? lang)] }
        : {};
    if (deferred) {
      await deferred;
      await i.editReply({ content: first, allowedMentions: { parse: [] }, ...(rest.length ? {} : buttons) });
    } else {
      await i.reply({
        content: first,
        allowedMentions: { parse: [] },
        ...ephemeralFlags,
        ...(rest.length ? {} : buttons),
      });
    }
    for (const content of rest)
      await i.followUp({ content, allowedMentions: { parse: [] }, ...ephemeralFlags });
  }

  /**
   * A Yes or Cancel button under a "remove all?" reply: Yes runs the confirming command line for the
   * channel (or DM) the button is in, with the member's rights checked again; the question is replaced
   * by the answer and the buttons go.
   */
  async function onButton(i: ButtonInteraction): Promise<void> {
    const asked = parseConfirm(i.customId);
    const chat: ChatAddress = {
      platform: "discord",
      id: i.inGuild() ? i.channelId : await dmChannelId(i.user.id),
    };
    const lang = await chatLang(chat, i);
    if (!asked) {
      await i.deferUpdate();
      return;
    }
    const text =
      asked === "cancel"
        ? messages(lang).removeAll.cancelled
        : ((
            await runTextCommand(
              asked.command,
              {
                platform: "discord",
                chat,
                chatKind: i.inGuild() ? "group" : "private",
                userId: i.user.id,
                isAdmin:
                  !i.inGuild() ||
                  ((i.memberPermissions?.bitfield ?? 0n) & PermissionFlagsBits.ManageChannels) !== 0n,
                lang,
                deps: deps.commandDeps,
              },
              log,
            )
          )?.text ?? "");
    await i.update({
      content: escapeLines(text).slice(0, MAX_CONTENT),
      components: [],
      allowedMentions: { parse: [] },
    });
  }

  async function onAutocomplete(i: AutocompleteInteraction): Promise<void> {
    const focused = i.options.getFocused(true);
    const arg = findCommand(i.commandName)?.args.find((a) => a.name === focused.name);
    const choices = arg?.autocomplete
      ? await suggestNames(arg.autocomplete, String(focused.value), deps)
      : [];
    await i.respond(choices);
  }

  /** The error boundary: every interaction gets an answer, and a failure is logged with its id. */
  async function onInteraction(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await onAutocomplete(i);
      else if (i.isChatInputCommand()) await onCommand(i);
      else if (i.isButton()) await onButton(i);
    } catch (err) {
      log.error({ err, interaction: i.id }, "discord: interaction failed");
      if (!i.isChatInputCommand()) return;
      const content = failure(langOf(i.locale));
      const answer =
        i.deferred || i.replied
          ? i.followUp({ content, flags: MessageFlags.Ephemeral })
          : i.reply({ content, flags: MessageFlags.Ephemeral });
      await answer.catch(() => {});
    }
  }

  client.on(Events.InteractionCreate, (i) => void onInteraction(i));
  client.on(Events.GuildDelete, (guild) => {
    deps.guildChannels
      .forget(guild.id)
      .catch((err: unknown) => log.error({ err, guild: guild.id }, "discord: clean-up failed"));
  });
  client.on(Events.Error, (err) => log.error({ err }, "discord: client error"));
  client.on(Events.ShardError, (err) => log.error({ err }, "discord: gateway error"));

  return {
    client,
    /** Logs in and resolves once the gateway said READY and the servers arrived. */
    async start(): Promise<void> {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(deps.token);
      await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, "discord: connected");
    },
    async stop(): Promise<void> {
      await client.destroy();
    },
  };
}
