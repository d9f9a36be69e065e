/**
 * Every chat command, in the order help and the platforms' menus show them.
 * Adding a command is adding its file and one line here.
 */

import digest from "./digest.js";
import exportList from "./export.js";
import filter from "./filter.js";
import follow from "./follow.js";
import help from "./help.js";
import importList from "./import.js";
import lang from "./lang.js";
import latest from "./latest.js";
import list from "./list.js";
import pause from "./pause.js";
import quiet from "./quiet.js";
import resume from "./resume.js";
import type { Command } from "./types.js";
import unfollow from "./unfollow.js";
import unwatch from "./unwatch.js";
import watch from "./watch.js";

export const commands: readonly Command[] = [
  watch,
  unwatch,
  follow,
  unfollow,
  list,
  latest,
  filter,
  pause,
  resume,
  digest,
  quiet,
  lang,
  exportList,
  importList,
  help,
] as unknown as Command[];

export function findCommand(name: string): Command | undefined {
  const n = name.toLowerCase();
  return commands.find((c) => c.name === n);
}
