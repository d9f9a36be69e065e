import type { Command } from "./types.js";

/** "/watch <player>": how a command is typed, for help and usage replies. */
export function usageLine(command: Command): string {
  const args = command.args.map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`)).join(" ");
  return `/${command.name}${args ? ` ${args}` : ""}`;
}
