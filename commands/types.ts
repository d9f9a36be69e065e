/**
 * The shape of a chat command, the same on every platform.
 *
 * A command is data plus one `execute`: it never sees a grammY context or a Discord interaction. Each
 * adapter (src/chat/<platform>) turns its event into a CommandContext, parses the arguments into the
 * command's `options` schema and renders the Reply.
 */
import type { z } from "zod";
import type { DigestSchedule } from "../src/digest/digest-schedule.js";
import type { HeldAlerts } from "../src/digest/held-alerts.js";
import type { ChatAddress } from "../src/queues.js";
import type { RumourStore } from "../src/rumours/rumour-store.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../src/subscriptions/subscription-store.js";
import type { Gazetteer } from "../src/understand/gazetteer.js";

export type Lang = "it" | "en";

/** Text in both languages the bot speaks. */
export type Localized = Record<Lang, string>;

/** What a command may use. Built once in main and handed to every adapter. */
export interface CommandDeps {
  subscriptions: SubscriptionStore;
  rumours: RumourStore;
  gazetteer: Gazetteer;
  chatState: ChatStateStore;
  digestSchedule: DigestSchedule;
  /** What waits for the digest; without it, ending a hold always plans a (maybe empty) release. */
  held?: HeldAlerts;
  /** The clock (tests set it). */
  now(): Date;
  /** PUBLIC_URL: /latest then links the player's page. */
  publicUrl?: string;
}

export interface CommandContext {
  platform: ChatAddress["platform"];
  /** The chat whose subscriptions the command reads or changes. */
  chat: ChatAddress;
  chatKind: "private" | "group" | "channel";
  userId: string;
  /** Whether the user may change this chat's subscriptions (always true in a private chat). */
  isAdmin: boolean;
  lang: Lang;
  deps: CommandDeps;
}

/** Plain text; adapters escape it for their markup. */
export interface Reply {
  text: string;
  /** Shown only to the user who ran the command, where the platform can (Discord). */
  ephemeral?: boolean;
  /**
   * A step that needs a yes: the command line that does it ("/unwatch all yes"). Telegram and Discord
   * show it as a button; the text already says what to type, for the terminal.
   */
  confirm?: { command: string };
}

/** One positional argument, in the order text platforms read them. */
export interface CommandArg {
  name: string;
  description: Localized;
  required: boolean;
  /** What Discord autocompletes it from. */
  autocomplete?: "player" | "club";
  /** Takes the rest of the line (names with spaces). */
  rest?: boolean;
  /** Longest text it takes (default 300 on text platforms, 100 on Discord); /import's list needs more. */
  maxLength?: number;
}

export interface Command<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> {
  name: string;
  description: Localized;
  args: CommandArg[];
  /** Validates the arguments; its messages are shown to the user, so keep them short. */
  options: S;
  /** "admin": in groups and channels only chat admins may run it. */
  permission: "anyone" | "admin";
  execute(input: z.infer<S>, ctx: CommandContext): Promise<Reply>;
}

/** Declares a command with its input type inferred from its schema. */
export function defineCommand<S extends z.ZodType<Record<string, unknown>>>(c: Command<S>): Command<S> {
  return c;
}
