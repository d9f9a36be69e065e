import { messages } from "../src/chat/messages/index.js";
import type { AlertFilter } from "../src/subscriptions/chat-state-store.js";
import type { Lang } from "./types.js";

/** "★★", "★★★": the least credibility a filter lets ring. */
export const stars = (n: number) => "★".repeat(n);

/** "talks and beyond, ★★ and up" in the chat's language; one star is no credibility filter at all. */
export function filterRule(f: AlertFilter, lang: Lang): string {
  const m = messages(lang);
  return m.filter.rule(m.stage[f.stage], f.credibility > 1 ? stars(f.credibility) : "");
}
