/**
 * What a player page shows, computed from the rumour store's records without Redis: per linked club its
 * status, its days (stage at the end of each day, the outlets and cited sources of that day's articles,
 * the words of each stage move with its article) and its articles as dots. Pure, so the page's facts are
 * tested apart from its markup.
 */
import type { SourceTiers } from "../rumours/credibility.js";
import type { Rumour, Sighting } from "../rumours/types.js";
import type { Stage } from "../understand/types.js";
import { dayKey } from "./page-text.js";

/** A link with no article for this long is shown as stale. */
export const STALE_DAYS = 7;

export type LinkStatus = "alive" | "stale" | "collapsed";

export interface CitedSource {
  name: string;
  tier: 1 | 2 | 3;
}

/** One stage move and the words that decided it. */
export interface Move {
  stage: Stage;
  at: string;
  evidence: string | null;
  outlet: string | null;
  url: string | null;
  /** The article's title, when the article is still kept. */
  title: string | null;
}

/** One day of a link. */
export interface DayRow {
  /** The day's first article time (ISO); shown as the day. */
  at: string;
  /** Where the link stood at the end of the day. */
  stage: Stage;
  outlets: string[];
  cited: CitedSource[];
  /** The stage moves of that day, each with its evidence. */
  moves: Move[];
}

export interface LinkView {
  club: string;
  stage: Stage;
  status: LinkStatus;
  firstSeen: string;
  lastSeen: string;
  outlets: string[];
  cited: CitedSource[];
  moves: Move[];
  /** The articles kept for the link, oldest first (dots on the timeline). */
  sightings: Sighting[];
  /** Oldest first. */
  days: DayRow[];
}

export interface PlayerView {
  key: string;
  name: string;
  club: string | null;
  /** Most recently seen first. */
  links: LinkView[];
}

export function linkStatus(r: Pick<Rumour, "stage" | "lastSeen">, nowMs: number): LinkStatus {
  if (r.stage === "collapsed") return "collapsed";
  return nowMs - Date.parse(r.lastSeen) > STALE_DAYS * 86_400_000 ? "stale" : "alive";
}

const withTiers = (names: string[], tiers: SourceTiers): CitedSource[] =>
  [...new Set(names)].map((name) => ({ name, tier: tiers.tier(name) }));

/** The link's days: every day with an article or a stage move, the stage as it stood at its end. */
function daysOf(moves: Move[], sightings: Sighting[], tiers: SourceTiers): DayRow[] {
  const days = new Map<string, { at: string; seen: Sighting[]; moves: Move[] }>();
  const day = (at: string) => {
    const k = dayKey(at);
    const d = days.get(k);
    if (d) {
      if (at < d.at) d.at = at;
      return d;
    }
    const fresh = { at, seen: [], moves: [] };
    days.set(k, fresh);
    return fresh;
  };
  for (const s of sightings) day(s.at).seen.push(s);
  for (const m of moves) day(m.at).moves.push(m);
  const rows: DayRow[] = [];
  for (const [k, d] of [...days].sort(([a], [b]) => a.localeCompare(b))) {
    // Articles kept from before the link's memory restarted have no stage of this story: left out.
    const last = moves.filter((m) => dayKey(m.at) <= k).at(-1);
    if (!last) continue;
    rows.push({
      at: d.at,
      stage: last.stage,
      outlets: [...new Set(d.seen.map((s) => s.outlet))],
      cited: withTiers(
        d.seen.flatMap((s) => s.cited),
        tiers,
      ),
      moves: d.moves,
    });
  }
  return rows;
}

/** One link's view from its rumour and its kept articles. */
export function linkView(r: Rumour, sightings: Sighting[], tiers: SourceTiers, nowMs: number): LinkView {
  const titles = new Map(sightings.map((s) => [s.url, s.title]));
  const moves: Move[] = r.history.map((h) => ({
    stage: h.stage,
    at: h.at,
    evidence: h.evidence ?? null,
    outlet: h.outlet ?? null,
    url: h.url ?? null,
    title: (h.url && titles.get(h.url)) || null,
  }));
  const since = Date.parse(r.firstSeen);
  const kept = sightings.filter((s) => Date.parse(s.at) >= since);
  return {
    club: r.club,
    stage: r.stage,
    status: linkStatus(r, nowMs),
    firstSeen: r.firstSeen,
    lastSeen: r.lastSeen,
    outlets: r.outlets,
    cited: withTiers(r.cited, tiers),
    moves,
    sightings: kept,
    days: daysOf(moves, kept, tiers),
  };
}

/** The page of a player from his board (most recent first) and each link's kept articles. */
export function playerView(
  board: Rumour[],
  sightings: Map<string, Sighting[]>,
  tiers: SourceTiers,
  nowMs: number,
): PlayerView | null {
  const lead = board[0];
  if (!lead) return null;
  return {
    key: lead.playerKey,
    name: lead.playerName,
    club: board.find((r) => r.playerClub)?.playerClub ?? null,
    links: board.map((r) => linkView(r, sightings.get(r.club) ?? [], tiers, nowMs)),
  };
}
