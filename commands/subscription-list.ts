import { en } from "../src/chat/messages/en.js";
import { it } from "../src/chat/messages/it.js";
import type { ChatSubscriptions } from "../src/subscriptions/subscription-store.js";
import type { Lang } from "./types.js";

/** The most a list may hold: /import's argument is bounded by Telegram's message size anyway. */
export const MAX_LIST_TEXT = 4000;

const label = (lang: Lang) => (lang === "it" ? it.list : en.list);

/**
 * A chat's list as one line fans can copy: "Giocatori: Kim Min-jae; Fabbian · Squadre: Milan; Bologna".
 * One line because Discord options are single-line; canonical club names so any chat reads it back.
 */
export function formatSubscriptionList(subs: ChatSubscriptions, lang: Lang): string {
  const l = label(lang);
  const parts: string[] = [];
  if (subs.players.length) parts.push(`${l.players} ${subs.players.map((p) => p.name).join("; ")}`);
  if (subs.clubs.length) parts.push(`${l.clubs} ${subs.clubs.join("; ")}`);
  return parts.join(" · ");
}

/**
 * Reads a list /export wrote, in either language, on one line or several: names after "Players:" /
 * "Giocatori:" and "Clubs:" / "Squadre:", separated by ";" or line breaks. Null when it has neither label.
 */
export function parseSubscriptionList(text: string): { players: string[]; clubs: string[] } | null {
  const heads = /(players|giocatori|clubs|squadre)\s*:/gi;
  const out = { players: [] as string[], clubs: [] as string[] };
  const marks = [...text.matchAll(heads)];
  if (!marks.length) return null;
  marks.forEach((m, i) => {
    const body = text.slice(m.index! + m[0].length, marks[i + 1]?.index ?? text.length);
    const names = body
      .split(/[;\n·]/)
      .map((s) => s.trim())
      .filter(Boolean);
    const kind = /^(players|giocatori)$/i.test(m[1]!) ? "players" : "clubs";
    out[kind].push(...names);
  });
  return out;
}
