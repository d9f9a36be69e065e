import { messages } from "../src/chat/messages/index.js";
import type { Logger } from "../src/log.js";
import { isRedisUnavailable } from "../src/redis-outage.js";
import { findCommand } from "./index.js";
import { issueText } from "./issue-text.js";
import type { Command, CommandContext, Reply } from "./types.js";
import { argLabel, usageLine } from "./usage.js";

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
  const m = messages(ctx.lang);
  if (command.permission === "admin" && ctx.chatKind !== "private" && !ctx.isAdmin) {
    return { text: m.common.adminOnly, ephemeral: true };
  }
  const parsed = command.options.safeParse(rawOptions);
  if (!parsed.success) {
    // The catalogue's words for the problem, never zod's (English, about types and lengths).
    const problem = parsed.error.issues[0];
    const field = problem?.path.length ? argLabel(String(problem.path[0]), ctx.lang) : "";
    const detail = problem ? `${field ? `${field}: ` : ""}${issueText(problem, ctx.lang)}` : "";
    return { text: m.common.usage(usageLine(command, ctx.lang), detail), ephemeral: true };
  }
  try {
    return await command.execute(parsed.data, ctx);
  } catch (err) {
    if (isRedisUnavailable(err)) {
      // An outage, not a bug: no stack trace, and the user is told to come back.
      log.warn({ command: command.name, cause: (err as Error).message }, "command: redis unavailable");
      return { text: m.common.unavailable, ephemeral: true };
    }
    log.error({ err, command: command.name, chat: ctx.chat }, "command failed");
    return { text: m.common.failure, ephemeral: true };
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
  if (!command) return { text: messages(ctx.lang).common.unknownCommand };
  const text = m[2] ?? "";
  const max = Math.max(MAX_INPUT, ...command.args.map((a) => a.maxLength ?? 0));
  if (text.length > max) return { text: messages(ctx.lang).common.inputTooLong };
  return runCommand(command, parseTextArgs(command, text), ctx, log);
}
