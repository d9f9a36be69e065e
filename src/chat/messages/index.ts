/**
 * The one message catalogue: `messages(lang)` gives every user-visible string in the chat's language.
 * Commands, renderers and adapters take their words from here; nothing falls back to English.
 */
import type { Lang } from "../../../commands/types.js";
import { clubName } from "./club-names.js";
import { en, type Messages } from "./en.js";
import { it } from "./it.js";

const CATALOGUES: Record<Lang, Messages> = { en, it };

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

export { clubName, type Messages };
