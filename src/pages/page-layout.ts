/**
 * The shell of every rumour page: doctype, language, a phone's viewport, one small inline style sheet (no
 * external asset, nothing to fetch), a header with the way home and to the other language.
 */
import type { Lang } from "../../commands/types.js";
import { html, type RawHtml, raw } from "./html.js";
import { pageWords } from "./page-text.js";

const STYLE = raw(`
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827;background:#fff;line-height:1.45}
header,main,footer{max-width:860px;margin:0 auto;padding:12px 16px}
header{display:flex;justify-content:space-between;align-items:center;border-bottom:1px solid #e5e7eb}
header a{color:#1d4ed8;text-decoration:none}
h1{font-size:1.5rem;margin:.4em 0 .1em}h2{font-size:1.2rem;margin:1.4em 0 .3em}
.sub{color:#4b5563;margin:0 0 .8em}
.badge{display:inline-block;border-radius:9px;padding:0 8px;font-size:.8rem;color:#fff;vertical-align:middle}
.alive{background:#16a34a}.stale{background:#6b7280}.collapsed{background:#dc2626}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 4px;text-align:left;vertical-align:top}
th{background:#f3f4f6}
.legend span{display:inline-block;margin-right:10px;font-size:.8rem}
.legend i{display:inline-block;width:10px;height:10px;border-radius:5px;margin-right:4px}
blockquote{margin:0 0 4px;font-style:italic}
ul.rumours{padding-left:1.1em}
footer{color:#6b7280;font-size:.8rem}
`);

/** A whole page; `path` is this page's own path, for the language switch. */
export function pageLayout(opts: { lang: Lang; title: string; path: string; body: RawHtml }): string {
  const w = pageWords(opts.lang);
  const other: Lang = opts.lang === "it" ? "en" : "it";
  return html`<!DOCTYPE html>
<html lang="${opts.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${opts.title} · Mercato Radar</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/?lang=${opts.lang}">${w.home}</a><a href="${opts.path}?lang=${other}" hreflang="${other}">${w.other}</a></header>
<main>
${opts.body}
</main>
<footer>Mercato Radar</footer>
</body>
</html>
`.value;
}
