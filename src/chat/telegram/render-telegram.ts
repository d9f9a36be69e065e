/**
 * Alerts as Telegram HTML. Every string in an alert came from a feed (titles, outlets, player and club
 * names as written), so each one goes through escapeHtml before it meets markup; nothing is ever
 * interpolated raw.
 */
import type { Lang } from "../../../commands/types.js";
import type { OutboxItem } from "../../queues.js";
import { escapeHtml } from "../../text/escape-html.js";
import { alertModel } from "../alert-model.js";
import { quoteEvidence } from "../evidence-text.js";
import { clubName, messages } from "../messages/index.js";
import type { OutgoingAlerts } from "../types.js";

/** Telegram's limit for one message's text. */
export const MAX_MESSAGE_CHARS = 4096;

/** Longest feed string shown as is; longer ones are cut (before escaping, so no entity is cut in half). */
const MAX_FIELD = 300;
/** Lines of "why" and of the board shown per alert; a transfer board rarely has more. */
const MAX_LIST = 10;

export { escapeHtml };

const cut = (s: string, max = MAX_FIELD) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Feed text cut to `max` characters (before escaping, so no entity is cut in half), then escaped. */
export const htmlText = (s: string, max = MAX_FIELD) => escapeHtml(cut(s, max));
const text = htmlText;

/** Only web links become anchors: a feed could carry `javascript:` or `tg:` URLs. */
export function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    // A monster URL would not fit a message once escaped, and cutting it would break it.
    return (u.protocol === "https:" || u.protocol === "http:") && u.href.length <= 1000 ? u.href : null;
  } catch {
    return null;
  }
}

/**
 * One alert as lines of HTML. Each line is balanced markup on its own, so a message can be split
 * between any two lines.
 */
export function renderAlertLines(item: OutboxItem, lang: Lang): string[] {
  const m = alertModel(item.alert, lang);
  const lines = [`🔔 <b>${text(m.headline)}</b>`];
  for (const w of m.why.slice(0, MAX_LIST)) lines.push(`• ${text(w)}`);
  if (m.board.length > item.alert.changes.length) {
    const board = m.board.slice(0, MAX_LIST).map((b) => text(b, 60));
    lines.push(`${messages(lang).alert.board}: ${board.join(" · ")}`);
  }
  lines.push(`<i>${text(m.evidence)}</i>`);
  for (const a of m.articles) {
    const url = safeUrl(a.url);
    const title = text(a.title || a.url);
    const link = url ? `<a href="${escapeHtml(url)}">${title}</a>` : title;
    lines.push(`↳ ${link} · ${text(a.outlet, 100)}`);
  }
  return lines;
}

/** A rendered message: its text split to fit Telegram's limit, and the one URL worth a preview. */
export interface RenderedTelegramMessage {
  /** One or more message texts, each at most MAX_MESSAGE_CHARS, in sending order. */
  chunks: string[];
  /** The lead article (the first alert's first article); the only link given a preview. */
  leadUrl: string | null;
}

/**
 * Renders the alerts that waited for one chat as ONE message, blank line between alerts; split only
 * when over Telegram's 4096 characters, at an alert boundary when possible, otherwise between lines.
 */
export function renderTelegramMessage(message: OutgoingAlerts, lang: Lang): RenderedTelegramMessage {
  const chunks = packMessages(message.items.map((item) => renderAlertLines(item, lang)));
  const lead = message.items[0]?.alert.articles[0]?.url;
  return { chunks, leadUrl: lead ? safeUrl(lead) : null };
}

/**
 * Packs blocks of HTML lines into as few messages as Telegram's limit allows, a blank line between
 * blocks; a block is split between its lines only when it cannot fit a message alone. Lengths are
 * counted on the HTML source, never shorter than what Telegram counts.
 */
export function packMessages(blocks: string[][]): string[] {
  const chunks: string[] = [];
  let current = "";
  const push = (piece: string, sep: string) => {
    if (!current) current = piece;
    else if (current.length + sep.length + piece.length <= MAX_MESSAGE_CHARS) current += sep + piece;
    else {
      chunks.push(current);
      current = piece;
    }
  };
  for (const lines of blocks) {
    const block = lines.join("\n");
    if (block.length <= MAX_MESSAGE_CHARS) push(block, "\n\n");
    else {
      for (const [i, line] of lines.entries()) push(line, i === 0 ? "\n\n" : "\n");
    }
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Longest quoted evidence in the Sources popup, so the outlets still fit its 200 characters. */
const MAX_POPUP_QUOTE = 90;

/**
 * The short "Sources" text for one alert, shown in the popup of the Sources button (Telegram caps it
 * at 200 characters): first the words that moved each link with their outlet («accordo raggiunto» —
 * Gazzetta), then the cited sources and the outlets. Plain text: popups are not parsed as HTML, so
 * feed text cannot format or link anything there.
 */
export function sourcesText(item: OutboxItem, lang: Lang): string {
  const m = messages(lang).alert;
  const e = item.alert;
  const parts: string[] = [];
  for (const c of e.changes)
    if (c.evidence) parts.push(`${clubName(c.club, lang)}: ${quoteEvidence(c.evidence, MAX_POPUP_QUOTE)}`);
  if (e.cited.length) parts.push(`${m.citedSources}: ${e.cited.join(", ")}`);
  parts.push(`${m.outletsField} (${e.outlets}): ${e.articles.map((a) => a.outlet).join(", ")}`);
  return cut(parts.join("\n"), 200);
}
