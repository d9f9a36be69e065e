import { messages } from "../src/chat/messages/index.js";
import type { Command, Lang } from "./types.js";

/** An argument's name as the chat's language writes it ("giocatore"). */
export function argLabel(name: string, lang: Lang): string {
  return (messages(lang).arg as Record<string, string>)[name] ?? name;
}

/** "/watch <player>", "/watch <giocatore>": how a command is typed, for help and usage replies. */
export function usageLine(command: Command, lang: Lang): string {
  const args = command.args
    .map((a) => (a.required ? `<${argLabel(a.name, lang)}>` : `[${argLabel(a.name, lang)}]`))
    .join(" ");
  return `/${command.name}${args ? ` ${args}` : ""}`;
}
