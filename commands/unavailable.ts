import { messages } from "../src/chat/messages/index.js";
import type { Lang } from "./types.js";

/** The reply to a command that cannot run because the bot's storage cannot be reached right now. */
export function unavailableText(lang: Lang): string {
  return messages(lang).common.unavailable;
}
