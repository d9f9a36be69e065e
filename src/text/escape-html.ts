import { cleanText } from "./clean-text.js";

/**
 * Escapes untrusted text for HTML content and quoted attribute values (Telegram's HTML parse mode and the rumour
 * pages): `&`, `<`, `>` and both quotes. Controls, bidi overrides and zero-width characters go first.
 */
export function escapeHtml(s: string): string {
  return cleanText(s)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
