import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { commands as registry } from "../../../commands/index.js";
import type { Command, Localized } from "../../../commands/types.js";

/** The option every chat-changing command gets in servers: which channel (default: this one). */
export const CHANNEL_OPTION = "channel";

const CHANNEL_DESCRIPTION: Localized = {
  en: "The channel whose alerts to change or show (default: this one)",
  it: "Il canale di cui cambiare o vedere gli avvisi (predefinito: questo)",
};

/** Longest text an option takes: names are at most 60 characters (commands/args.ts), with slack. */
const MAX_OPTION_LENGTH = 100;

/** Discord rejects descriptions over 100 characters. */
const short = (s: string) => (s.length <= 100 ? s : `${s.slice(0, 99)}…`);

/** English is the default; Italian is a localization Discord shows to clients set to Italian. */
function describe(d: Localized) {
  return { description: short(d.en), description_localizations: { it: short(d.it) } };
}

/** Whether a command reads or changes one chat's subscriptions, so it can target another channel. */
const targetsChannel = (c: Command) => c.permission === "admin" || c.name === "list";

/**
 * One command of the registry as Discord's application command JSON: its `args` as string options
 * (with autocomplete where the arg names a player or club), Italian localizations, and for admin commands
 * `default_member_permissions` = Manage Channels so servers show them only to those who may use them
 * (the handler checks again: servers can override the default).
 */
export function toSlashCommand(c: Command): RESTPostAPIChatInputApplicationCommandsJSONBody {
  const options: NonNullable<RESTPostAPIChatInputApplicationCommandsJSONBody["options"]> = [];
  // Discord wants required options before optional ones.
  const args = [...c.args].sort((a, b) => Number(b.required) - Number(a.required));
  for (const a of args) {
    options.push({
      type: ApplicationCommandOptionType.String,
      name: a.name,
      ...describe(a.description),
      required: a.required,
      autocomplete: a.autocomplete !== undefined,
      max_length: a.maxLength ?? MAX_OPTION_LENGTH,
    });
  }
  if (targetsChannel(c) && !c.args.some((a) => a.name === CHANNEL_OPTION)) {
    options.push({
      type: ApplicationCommandOptionType.Channel,
      name: CHANNEL_OPTION,
      ...describe(CHANNEL_DESCRIPTION),
      required: false,
      channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
    });
  }
  return {
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    ...describe(c.description),
    options,
    default_member_permissions:
      c.permission === "admin" ? PermissionFlagsBits.ManageChannels.toString() : null,
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}

/** Every command of commands/ as Discord JSON, in the registry's order. */
export function buildSlashCommands(
  commands: readonly Command[] = registry,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map(toSlashCommand);
}
