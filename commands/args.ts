import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { cleanLine } from "../src/text/clean-text.js";
import { foldLookalikes } from "./lookalikes.js";
import type { CommandArg, Lang } from "./types.js";

/**
 * A name argument as fans type it: NFKC, without controls, bidi or zero-width characters (they make
 * look-alike names differ and reorder what is shown), trimmed, 2–60 characters, at least two letters
 * (emoji-only and punctuation-only input is refused before it reaches the stores). Its messages are
 * catalogue keys (src/chat/messages) that runCommand words in the chat's language.
 */
export const nameArg = z
  .string({ error: "missing" })
  .transform((s) => foldLookalikes(cleanLine(s)))
  .pipe(
    z
      .string()
      .min(2, "tooShort")
      .max(60, "tooLong")
      .refine((s) => (s.match(/\p{L}/gu)?.length ?? 0) >= 2, "needsLetters")
      // Markup and links are no name, and would reach other chats' replies and the stores.
      .refine((s) => !/[<>]|:\/\/|^www\./i.test(s), "notPlain"),
  );

/** The one player argument of watch, unwatch and latest: the rest of the line, autocompleted. */
export function playerArg(description: CommandArg["description"]): CommandArg {
  return { name: "player", description, required: true, autocomplete: "player", rest: true };
}

/** The one club argument of follow and unfollow: the rest of the line, autocompleted. */
export function clubArg(description: CommandArg["description"]): CommandArg {
  return { name: "club", description, required: true, autocomplete: "club", rest: true };
}

/** What watch and follow answer when the chat has reached its cap (the cap named). */
export function chatFullText(lang: Lang, max: number): string {
  return messages(lang).common.chatFull(max);
}
