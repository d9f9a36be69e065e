/**
 * The drawn timeline of a player page, as SVG made on the server: one lane per club, a dot per article
 * at its time, its height and colour the stage that article stated; a stepped line for where the link
 * stood. No script, no external asset: it scales to the phone's width through its viewBox.
 */
import type { Lang } from "../../commands/types.js";
import { stageName } from "../chat/alert-model.js";
import { clubName } from "../chat/messages/index.js";
import { STAGE_RANK, type Stage } from "../understand/types.js";
import { cut, html, type RawHtml } from "./html.js";
import { pageWords, showDay } from "./page-text.js";
import type { PlayerView } from "./player-view.js";

/** Colour per stage; collapsed stands apart in grey-red. */
export const STAGE_COLOUR: Record<Stage, string> = {
  interest: "#9ca3af",
  talks: "#60a5fa",
  agreement: "#f59e0b",
  medical: "#a855f7",
  official: "#16a34a",
  renewal: "#0d9488",
  collapsed: "#dc2626",
};

// Drawn for a phone's width (the viewBox scales it up on a wide screen).
const W = 420;
const LEFT = 96;
const RIGHT = 12;
const LANE = 56;
const TOP = 8;
const AXIS = 28;
const LEVELS = 5; // interest … official; renewal and collapsed take their own heights below

/** Height within a lane: the ladder climbs; a collapse sits at the bottom. */
function level(stage: Stage): number {
  if (stage === "collapsed") return 0;
  if (stage === "renewal") return LEVELS;
  return STAGE_RANK[stage];
}

const r1 = (n: number) => Math.round(n * 10) / 10;

export function timelineSvg(view: PlayerView, lang: Lang): RawHtml {
  const w = pageWords(lang);
  const times = view.links.flatMap((l) => [
    ...l.sightings.map((s) => Date.parse(s.at)),
    ...l.moves.map((m) => Date.parse(m.at)),
  ]);
  let t0 = Math.min(...times);
  let t1 = Math.max(...times);
  if (!Number.isFinite(t0)) t0 = t1 = Date.now();
  if (t1 - t0 < 86_400_000) {
    t0 -= 43_200_000;
    t1 += 43_200_000;
  }
  const x = (t: number) => r1(LEFT + ((t - t0) / (t1 - t0)) * (W - LEFT - RIGHT));
  const height = TOP + view.links.length * LANE + AXIS;
  const lanes = view.links.map((l, i) => {
    const top = TOP + i * LANE;
    const y = (s: Stage) => r1(top + LANE - 10 - (level(s) / LEVELS) * (LANE - 20));
    // The stage as it stood: a step at each move, held to the last sighting.
    let path = "";
    for (const [j, m] of l.moves.entries()) {
      const mx = x(Date.parse(m.at));
      path += j === 0 ? `M${mx} ${y(m.stage)}` : `H${mx}V${y(m.stage)}`;
    }
    if (path) path += `H${x(Date.parse(l.lastSeen))}`;
    const dots = l.sightings.map(
      (s) =>
        html`<circle class="dot" cx="${x(Date.parse(s.at))}" cy="${y(s.stage)}" r="4.5" fill="${STAGE_COLOUR[s.stage]}"><title>${showDay(s.at, lang)} · ${cut(s.outlet, 80)} · ${stageName(s.stage, lang)}: ${cut(s.title, 160)}</title></circle>`,
    );
    return html`<g class="lane" data-club="${l.club}"><rect x="0" y="${top}" width="${W}" height="${LANE}" fill="${i % 2 ? "#f8fafc" : "#ffffff"}"/><text x="8" y="${top + LANE / 2 + 5}" font-size="13" fill="#111827">${cut(clubName(l.club, lang), 12)}</text>${path ? html`<path d="${path}" fill="none" stroke="${STAGE_COLOUR[l.stage]}" stroke-width="2" stroke-opacity="0.6"/>` : ""}${dots}</g>`;
  });
  const axisY = TOP + view.links.length * LANE + 18;
  const iso = (t: number) => new Date(t).toISOString();
  return html`<svg class="timeline" role="img" aria-label="${w.lanes(view.name)}" viewBox="0 0 ${W} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><title>${w.lanes(view.name)}</title>${lanes}<text x="${LEFT}" y="${axisY}" font-size="11" fill="#4b5563">${showDay(iso(t0), lang)}</text><text x="${W - RIGHT}" y="${axisY}" font-size="11" fill="#4b5563" text-anchor="end">${showDay(iso(t1), lang)}</text></svg>`;
}
