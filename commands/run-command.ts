import type { Logger } from "../src/log.js";
import { isRedisUnavailable } from "../src/redis-outage.js";
import { findCommand } from "./index.js";
import type { Command, CommandContext, Reply } from "./types.js";
import { unavailableText } from "./unavailable.js";
import { usageLine } from "./usage.js";

const MAX_INPUT = 300;

/**
 * Splits a text line's arguments into the command's named options: one word each, the last `rest`
 * argument takes what is left. Used by the text platforms (Telegram, console).
 */
export function parseTextArgs(command: Command, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let rest = text.trim();
  for (const arg of command.args) {
    if (!rest) break;
    if (arg.rest) {
      out[arg.name] = rest;
      rest = "";
    } else {
      const m = /^(\S+)\s*(.*)$/s.exec(rest)!;
      out[arg.name] = m[1]!;
      rest = m[2]!;
    }
  }
  return out;
}

/**
 * Runs one command for one chat: validates the options with the command's schema, checks who may run
 * it, and turns any failure into a short reply. Never throws; logs what went wrong.
 */
export async function runCommand(
  command: Command,
  rawOptions: Record<string, unknown>,
  ctx: CommandContext,
  log: Logger,
): Promise<Reply> {
  const it = ctx.lang === "it";
  if (command.permission === "admin" && ctx.chatKind !== "private" && !ctx.isAdmin) {
    return {
      text: it
        ? "Solo gli amministratori possono cambiare gli avvisi di questa chat."
        : "Only admins can change this chat's alerts.",
      ephemeral: true,
    };
  }
  const parsed = command.options.safeParse(rawOptions);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const field = problem?.path.join(".") ?? "";
    const detail = problem ? `${field ? `${field}: ` : ""}${problem.message}` : "";
    return {
      text: `${it ? "Uso" : "Usage"}: ${usageLine(command)}${detail ? ` (${detail})` : ""}`,
      ephemeral: true,
    };
  }
  try {
    return await command.execute(parsed.data, ctx);
  } catch (err) {
    if (isRedisUnavailable(err)) {
      // An outage, not a bug: no stack trace, and the user is told to come back.
      log.warn({ command: command.name, cause: (err as Error).message }, "command: redis unavailable");
      return { text: unavailableText(ctx.lang), ephemeral: true };
    }
    log.error({ err, command: command.name, chat: ctx.chat }, "command failed");
    return {
      text: it
        ? "Qualcosa è andato storto. Riprova tra poco."
        : "Something went wrong. Please try again shortly.",
      ephemeral: true,
    };
  }
}

/**
 * Runs a command typed as one line of text ("/watch Kim Min-Jae"); null when the line is not a known
 * command. Over-long input is refused before parsing.
 */
export async function runTextCommand(line: string, ctx: CommandContext, log: Logger): Promise<Reply | null> {
  const m = /^\/([a-z_]+)(?:@\w+)?(?:\s+([\s\S]*))?$/i.exec(line.trim());
  if (!m) return null;
  const command = findCommand(m[1]!);
  if (!command) {
    return {
      text:
        ctx.lang === "it"
          ? "Comando sconosciuto. /help mostra i comandi."
          : "Unknown command. /help lists them.",
    };
  }
  const text = m[2] ?? "";
  if (text.length > MAX_INPUT) {
    return {
      text: ctx.lang === "it" ? "Testo troppo lungo." : "That's too long.",
    };
  }
  return runCommand(command, parseTextArgs(command, text), ctx, log);
}
