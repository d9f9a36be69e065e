import { createInterface } from "node:readline";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext, CommandDeps, Lang } from "../../commands/types.js";
import type { Logger } from "../log.js";
import type { ChatAddress, OutboxItem } from "../queues.js";
import { cleanText } from "../text/clean-text.js";
import { alertModel } from "./alert-model.js";
import { digestSections } from "./digest-text.js";
import { messages } from "./messages/index.js";
import type { ChatAdapter, OutgoingAlerts, OutgoingDigest } from "./types.js";

/** The terminal's one chat. */
export const CONSOLE_CHAT: ChatAddress = { platform: "console", id: "local" };

/** Plain-text rendering of one alert for the terminal; with `publicUrl`, its page's URL last. */
export function renderConsoleAlert(item: OutboxItem, lang: Lang, publicUrl?: string): string {
  const m = alertModel(item.alert, lang, publicUrl);
  const lines = [`🔔 ${m.headline}`, ...m.why.map((w) => `   ${w}`)];
  if (m.board.length > item.alert.changes.length)
    lines.push(`   ${messages(lang).alert.board}: ${m.board.join(" · ")}`);
  lines.push(`   ${m.evidence}`);
  // The terminal's Sources view: the words that moved each link, with their outlet.
  for (const q of m.quotes) lines.push(`   ${q}`);
  for (const a of m.articles) lines.push(`   ↳ ${a.outlet}: ${a.title} ${a.url}`);
  if (m.pageUrl) lines.push(`   🗓 ${messages(lang).alert.timeline}: ${m.pageUrl}`);
  return lines.join("\n");
}

/** Several alerts that waited together print as one block. */
export function renderConsoleMessage(message: OutgoingAlerts, lang: Lang, publicUrl?: string): string {
  return message.items.map((i) => renderConsoleAlert(i, lang, publicUrl)).join("\n");
}

/** Plain-text rendering of a digest for the terminal. */
export function renderConsoleDigest(message: OutgoingDigest, lang: Lang): string {
  const { title, sections } = digestSections(message.digest, lang);
  const lines = [title];
  for (const s of sections) {
    lines.push(`  ${s.title}`);
    for (const l of s.lines) {
      lines.push(`   • ${l.text}${l.held ? ` (${l.held})` : ""}`);
      for (const c of l.claims) lines.push(`     ❔ ${c}`);
      if (l.article) lines.push(`     ↳ ${l.article.outlet}: ${l.article.title} ${l.article.url}`);
    }
  }
  return lines.join("\n");
}

/** Where the console chat writes; stdout by default, a buffer in tests. */
export interface ConsoleOutput {
  write(text: string): void;
}

/** The terminal chat's language until /lang changes it: the bot is Italian first (README). */
export const CONSOLE_LANG: Lang = "it";

/**
 * The terminal as a chat: lines typed on stdin are commands for CONSOLE_CHAT, alerts print on stdout.
 * Its language is decided once: Italian, stored with the chat at its first command or message, so what
 * /list shows is what every reply, alert and digest uses; /lang changes it.
 */
export function createConsoleChat(opts: {
  deps: CommandDeps;
  log: Logger;
  /** The language a new terminal chat starts in (the demo and tests choose); Italian unless told. */
  lang?: Lang;
  out?: ConsoleOutput;
  /** PUBLIC_URL: alerts then print their player's page. */
  publicUrl?: string;
}) {
  const first = opts.lang ?? CONSOLE_LANG;
  const sink = opts.out ?? { write: (t: string) => process.stdout.write(`${t}\n`) };
  // Feed titles and names reach a terminal here: no escape code or bidi override may drive it.
  const out: ConsoleOutput = { write: (t) => sink.write(cleanText(t)) };
  const langOf = async (chat: ChatAddress): Promise<Lang> => {
    const stored = await opts.deps.chatState.lang(chat);
    if (stored) return stored;
    await opts.deps.chatState.setLang(chat, first);
    return first;
  };
  const adapter: ChatAdapter = {
    platform: "console",
    async send(message) {
      out.write(renderConsoleMessage(message, await langOf(message.chat), opts.publicUrl));
    },
    async sendDigest(message) {
      out.write(renderConsoleDigest(message, await langOf(message.chat)));
    },
  };
  async function handleLine(line: string): Promise<void> {
    if (!line.trim()) return;
    const ctx: CommandContext = {
      platform: "console",
      chat: CONSOLE_CHAT,
      chatKind: "private",
      userId: "console",
      isAdmin: true,
      // Redis may be away: the command itself then says so, in the terminal's language.
      lang: await langOf(CONSOLE_CHAT).catch(() => first),
      deps: opts.deps,
    };
    const reply = await runTextCommand(line, ctx, opts.log);
    out.write(reply ? reply.text : messages(ctx.lang).common.typeCommand);
  }
  return {
    adapter,
    /** Runs one typed line and prints the reply. */
    handleLine,
    /** Reads commands from stdin until it closes, one at a time so replies keep the order typed. */
    listen(): { close(): void } {
      const rl = createInterface({ input: process.stdin, terminal: false });
      let queue = Promise.resolve();
      rl.on("line", (line) => {
        queue = queue
          .then(() => handleLine(line))
          .catch((err) => opts.log.error({ err }, "console command failed"));
      });
      return { close: () => rl.close() };
    },
  };
}
