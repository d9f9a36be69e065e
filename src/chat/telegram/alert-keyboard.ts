import { createHash } from "node:crypto";
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { Lang } from "../../../commands/types.js";
import { playerPageUrl } from "../../pages/page-link.js";
import type { OutboxItem } from "../../queues.js";
import { messages } from "../messages/index.js";

/** Telegram's limit for callback data, in bytes. */
const MAX_CALLBACK_BYTES = 64;

/** What a tapped button asks for: under an alert, or under a "remove all?" question. */
export type AlertAction =
  | { kind: "unwatch"; playerKey: string }
  | { kind: "sources"; ref: string }
  | { kind: "confirm"; command: string }
  | { kind: "cancel" };

/** A short stable reference to one alert, for callback data and the Redis key of its sources. */
export function alertRef(alertId: string): string {
  return createHash("sha256").update(alertId).digest("base64url").slice(0, 16);
}

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * Whether Telegram takes this URL for a button: it refuses local addresses (the whole message would fail
 * with 400), so a PUBLIC_URL on loopback gives no button rather than no alert.
 */
export function buttonUrlOk(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return !(host === "localhost" || host.endsWith(".localhost") || /^127\./.test(host) || host === "[::1]");
  } catch {
    return false;
  }
}

/**
 * The buttons under an alert message: per alert, "Unwatch <player>" when the chat gets it because it
 * watches him, "Sources", and with `publicUrl` (PUBLIC_URL) "Timeline" opening the player's page.
 * Callback data is `u:<player key>` or `s:<alert ref>`; an Unwatch whose key would not fit Telegram's
 * 64 bytes is left out (/unwatch still works).
 */
export function alertKeyboard(
  items: OutboxItem[],
  lang: Lang,
  publicUrl?: string,
): InlineKeyboardMarkup | undefined {
  const m = messages(lang).alert;
  const rows: InlineKeyboardButton[][] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const row: InlineKeyboardButton[] = [];
    const player = item.alert.player;
    const unwatch = `u:${player.key}`;
    const watched = item.matched.some((m) => m.startsWith("watch:"));
    if (watched && !seen.has(unwatch) && Buffer.byteLength(unwatch) <= MAX_CALLBACK_BYTES) {
      seen.add(unwatch);
      row.push({
        text: `🔕 ${m.unwatchButton} ${cut(player.name, 30)}`,
        callback_data: unwatch,
      });
    }
    const label = items.length > 1 ? ` · ${cut(player.name, 20)}` : "";
    row.push({
      text: `📰 ${m.sourcesButton}${label}`,
      callback_data: `s:${alertRef(item.alert.id)}`,
    });
    const page = publicUrl ? playerPageUrl(publicUrl, player.key, lang) : null;
    if (page && buttonUrlOk(page) && !seen.has(page)) {
      seen.add(page);
      row.push({ text: `🗓 ${m.timeline}${label}`, url: page });
    }
    rows.push(row);
  }
  return rows.length ? { inline_keyboard: rows } : undefined;
}

/**
 * Yes / Cancel under a question such as "/unwatch all?": the yes button carries the confirming command
 * line ("/unwatch all yes", `c:` callback data), which the bot runs again with its usual checks.
 */
export function confirmKeyboard(command: string, lang: Lang): InlineKeyboardMarkup | undefined {
  const data = `c:${command}`;
  if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) return undefined;
  const m = messages(lang).common;
  return {
    inline_keyboard: [
      [
        { text: `✅ ${m.confirmButton}`, callback_data: data },
        { text: m.cancelButton, callback_data: "x:" },
      ],
    ],
  };
}

/** Reads the callback data of a button; null for anything else (old or forged data). */
export function parseAlertAction(data: string | undefined): AlertAction | null {
  if (data === "x:") return { kind: "cancel" };
  const m = /^([usc]):(.+)$/.exec(data ?? "");
  if (!m?.[2]) return null;
  if (m[1] === "c")
    return /^\/(unwatch|unfollow) all yes$/.test(m[2]) ? { kind: "confirm", command: m[2] } : null;
  return m[1] === "u" ? { kind: "unwatch", playerKey: m[2] } : { kind: "sources", ref: m[2] };
}
