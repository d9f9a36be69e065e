import type { Lang } from "../../../commands/types.js";
import type { Digest } from "../../queues.js";
import { digestSections } from "../digest-text.js";
import { escapeHtml, htmlText, packMessages, safeUrl } from "./render-telegram.js";

/**
 * A digest as Telegram HTML messages: a bold title, one block per player or club, every feed string
 * escaped; as few messages as the 4096-character limit allows, split between sections first.
 */
export function renderTelegramDigest(digest: Digest, lang: Lang): string[] {
  const { title, sections } = digestSections(digest, lang);
  const blocks = sections.map((s) => {
    const lines = [`<b>${htmlText(s.title)}</b>`];
    for (const l of s.lines) {
      lines.push(`• ${htmlText(l.text)}${l.held ? ` <i>(${htmlText(l.held)})</i>` : ""}`);
      for (const c of l.claims) lines.push(`  ❔ <i>${htmlText(c)}</i>`);
      const url = l.article ? safeUrl(l.article.url) : null;
      if (l.article) {
        const name = htmlText(l.article.title || l.article.url);
        lines.push(
          `  ↳ ${url ? `<a href="${escapeHtml(url)}">${name}</a>` : name} · ${htmlText(l.article.outlet, 100)}`,
        );
      }
    }
    return lines;
  });
  return packMessages([[`<b>${htmlText(title)}</b>`], ...blocks]);
}
