/**
 * The page of a club (/c/<club>): the rumours that bring players in and those that take its own players
 * away, grouped by stage (furthest first), most recent first, each linking to the player's page.
 */
import type { Lang } from "../../commands/types.js";
import { stageName } from "../chat/alert-model.js";
import { clubName } from "../chat/messages/index.js";
import type { Rumour } from "../rumours/types.js";
import type { Stage } from "../understand/types.js";
import { cut, html, type RawHtml } from "./html.js";
import { pageLayout } from "./page-layout.js";
import { pageWords, showDay } from "./page-text.js";
import { linkStatus } from "./player-view.js";

/** The order stage groups are shown in: the furthest a deal went first, a collapse last. */
const GROUP_ORDER: Stage[] = [
  "official",
  "medical",
  "agreement",
  "talks",
  "interest",
  "renewal",
  "collapsed",
];

export interface ClubView {
  /** The club's name as the news writes it. */
  name: string;
  slug: string;
  incoming: Rumour[];
  outgoing: Rumour[];
}

function item(r: Rumour, direction: "in" | "out", lang: Lang, nowMs: number): RawHtml {
  const w = pageWords(lang);
  const status = linkStatus(r, nowMs);
  const where =
    direction === "out"
      ? html` → ${cut(clubName(r.club, lang), 80)}`
      : r.playerClub
        ? html` (${cut(clubName(r.playerClub, lang), 80)})`
        : "";
  return html`<li><a href="/p/${encodeURIComponent(r.playerKey)}?lang=${lang}">${cut(r.playerName, 100)}</a>${where} · ${showDay(r.lastSeen, lang)} · ${w.outletCount(r.outlets.length)} <span class="badge ${status}">${w[status]}</span></li>`;
}

function byStage(rumours: Rumour[], direction: "in" | "out", lang: Lang, nowMs: number): RawHtml {
  if (!rumours.length) return html`<p>${pageWords(lang).noRumours}</p>`;
  const sorted = [...rumours].sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen));
  return html`${GROUP_ORDER.map((stage) => {
    const group = sorted.filter((r) => r.stage === stage);
    return group.length
      ? html`<h3>${stageName(stage, lang)}</h3><ul class="rumours">${group.map((r) => item(r, direction, lang, nowMs))}</ul>`
      : "";
  })}`;
}

/** The whole HTML document of a club page. */
export function renderClubPage(view: ClubView, lang: Lang, nowMs: number): string {
  const w = pageWords(lang);
  const body = html`<h1>${cut(clubName(view.name, lang), 100)}</h1>
<section class="incoming"><h2>${w.incoming}</h2>${byStage(view.incoming, "in", lang, nowMs)}</section>
<section class="outgoing"><h2>${w.outgoing}</h2>${byStage(view.outgoing, "out", lang, nowMs)}</section>`;
  return pageLayout({
    lang,
    title: cut(clubName(view.name, lang), 100),
    path: `/c/${encodeURIComponent(view.slug)}`,
    body,
  });
}
