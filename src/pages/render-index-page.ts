/** The front page (/): the players most in the news this week, with their article counts. */
import type { Lang } from "../../commands/types.js";
import { cut, html } from "./html.js";
import { pageLayout } from "./page-layout.js";
import { pageWords } from "./page-text.js";

export interface IndexEntry {
  key: string;
  name: string;
  articles: number;
}

export function renderIndexPage(players: IndexEntry[], lang: Lang): string {
  const w = pageWords(lang);
  const list = players.length
    ? html`<ol class="players">${players.map((p) => html`<li><a href="/p/${encodeURIComponent(p.key)}?lang=${lang}">${cut(p.name, 100)}</a> · ${w.articles(p.articles)}</li>`)}</ol>`
    : html`<p>${w.noRumours}</p>`;
  return pageLayout({ lang, title: w.inTheNews, path: "/", body: html`<h1>${w.inTheNews}</h1>${list}` });
}

/** A short page for 404 and 429 answers. */
export function renderMessagePage(message: string, lang: Lang): string {
  return pageLayout({ lang, title: message, path: "/", body: html`<h1>${message}</h1>` });
}
