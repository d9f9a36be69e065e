import type { Lang } from "./types.js";

/** The reply to a command that cannot run because the bot's storage cannot be reached right now. */
export function unavailableText(lang: Lang): string {
  return lang === "it"
    ? "Il bot è momentaneamente non disponibile: riprova tra un minuto."
    : "The bot is temporarily unavailable: please try again in a minute.";
}
