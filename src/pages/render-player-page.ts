/**
 * The page of a player (/p/<player-key>): who he is and his club, the drawn timeline, then per linked
 * club its status and a table of its days: stage, outlets (count and names), cited sources with their
 * tier, and the words of each stage move linked to their article. Every feed string escaped (html.ts).
 */
import type { Lang } from "../../commands/types.js";
import { stageName } from "../chat/alert-model.js";
import { clubName } from "../chat/messages/index.js";
import { STAGES } from "../understand/types.js";
import { cut, html, type RawHtml, safeHref } from "./html.js";
import { pageLayout } from "./page-layout.js";
import { pageWords, showDay } from "./page-text.js";
import type { CitedSource, DayRow, LinkView, Move, PlayerView } from "./player-view.js";
import { STAGE_COLOUR, timelineSvg } from "./timeline-svg.js";

/** Names shown per cell before "+N": a busy day has dozens of outlets. */
const MAX_NAMES = 12;

const names = (list: string[]) =>
  list.length > MAX_NAMES
    ? `${list
        .slice(0, MAX_NAMES)
        .map((n) => cut(n, 60))
        .join(", ")} +${list.length - MAX_NAMES}`
    : list.map((n) => cut(n, 60)).join(", ");

const citedList = (cited: CitedSource[], lang: Lang) =>
  cited
    .slice(0, MAX_NAMES)
    .map(
      (c, i) =>
        html`${i ? ", " : ""}<span class="tier${c.tier}">${cut(c.name, 60)} (${pageWords(lang).tier(c.tier)})</span>`,
    );

function moveCell(m: Move, lang: Lang): RawHtml {
  const href = m.url ? safeHref(m.url) : null;
  const words = pageWords(lang);
  const link = href
    ? html` <a href="${href}" rel="nofollow noopener noreferrer">${m.title ? cut(m.title, 120) : words.article}</a>`
    : "";
  const quote = m.evidence ? html`<blockquote>«${cut(m.evidence, 300)}»</blockquote>` : "";
  return html`<div class="move">→ ${stageName(m.stage, lang)}${m.outlet ? html` — ${cut(m.outlet, 80)}` : ""}${link}${quote}</div>`;
}

function dayRow(d: DayRow, lang: Lang): RawHtml {
  return html`<tr><td>${showDay(d.at, lang)}</td><td class="stage stage-${d.stage}">${stageName(d.stage, lang)}</td><td class="outlets">${d.outlets.length ? html`${d.outlets.length}: ${names(d.outlets)}` : "–"}</td><td class="cited">${d.cited.length ? citedList(d.cited, lang) : "–"}</td><td class="evidence">${d.moves.map((m) => moveCell(m, lang))}</td></tr>`;
}

function linkSection(l: LinkView, lang: Lang): RawHtml {
  const w = pageWords(lang);
  return html`<section class="link" data-club="${l.club}">
<h2>${cut(clubName(l.club, lang), 100)} · ${stageName(l.stage, lang)} <span class="badge ${l.status}">${w[l.status]}</span></h2>
<p class="sub">${w.firstSeen} ${showDay(l.firstSeen, lang)} · ${w.lastSeen} ${showDay(l.lastSeen, lang)} · ${w.outletCount(l.outlets.length)}: ${names(l.outlets)}${l.cited.length ? html` · ${w.cited}: ${citedList(l.cited, lang)}` : ""}</p>
<div class="scroll"><table class="days">
<thead><tr><th>${w.date}</th><th>${w.stage}</th><th>${w.outlets}</th><th>${w.cited}</th><th>${w.evidence}</th></tr></thead>
<tbody>${l.days.map((d) => dayRow(d, lang))}</tbody>
</table></div>
</section>
`;
}

const legend = (lang: Lang) =>
  html`<p class="legend">${STAGES.map((s) => html`<span><i style="background:${STAGE_COLOUR[s]}"></i>${stageName(s, lang)}</span>`)}</p>`;

/** The whole HTML document of a player page. */
export function renderPlayerPage(view: PlayerView, lang: Lang): string {
  const w = pageWords(lang);
  const body = html`<h1>${cut(view.name, 100)}</h1>
${view.club ? html`<p class="sub">${w.club}: ${cut(clubName(view.club, lang), 100)}</p>` : ""}
<h2>${w.timeline}</h2>
${timelineSvg(view, lang)}
${legend(lang)}
${view.links.map((l) => linkSection(l, lang))}`;
  return pageLayout({ lang, title: cut(view.name, 100), path: `/p/${encodeURIComponent(view.key)}`, body });
}
