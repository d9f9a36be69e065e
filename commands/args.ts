import { z } from "zod";
import { cleanLine } from "../src/text/clean-text.js";
import type { CommandArg, Lang } from "./types.js";

/**
 * A name argument as fans type it: NFKC, without controls, bidi or zero-width characters (they make
 * look-alike names differ and reorder what is shown), trimmed, 2–60 characters, at least two letters
 * (emoji-only and punctuation-only input is refused before it reaches the stores).
 */
export const nameArg = z
  .string({ error: "missing" })
  .transform(cleanLine)
  .pipe(
    z
      .string()
      .min(2, "too short")
      .max(60, "too long")
      .refine((s) => (s.match(/\p{L}/gu)?.length ?? 0) >= 2, "needs letters"),
  );

/** The one player argument of watch, unwatch and latest: the rest of the line, autocompleted. */
export function playerArg(description: CommandArg["description"]): CommandArg {
  return { name: "player", description, required: true, autocomplete: "player", rest: true };
}

/** The one club argument of follow and unfollow: the rest of the line, autocompleted. */
export function clubArg(description: CommandArg["description"]): CommandArg {
  return { name: "club", description, required: true, autocomplete: "club", rest: true };
}

/** What watch and follow answer when the chat has reached its cap. */
export function chatFullText(lang: Lang): string {
  return lang === "it"
    ? "Questa chat segue già il massimo di giocatori e squadre. Usa /unwatch o /unfollow per fare spazio."
    : "This chat already follows the maximum of players and clubs. Use /unwatch or /unfollow to make room.";
}
