/**
 * What a correct alert stream looks like, for `npm run eval` and the tests: alerts expected from
 * hand-made labels, compared with what replay pushed.
 */
import { foldName, STAGE_RANK, type Stage } from "./understand/types.js";

/** One labelled link in one article: the stages a reader would accept. */
export interface LabelledLink {
  file: string;
  /** ISO date, or null for undated files (they come last, in the order given). */
  date: string | null;
  player: string;
  club: string;
  stages: Stage[];
}

export type Expectation = "alert" | "quiet" | "either";

/**
 * Runs the alert policy on the labels themselves: the first link of a player to a club alerts; a link
 * whose every acceptable stage lies beyond every stage seen so far alerts; one whose stages were all seen
 * (or lie below) stays quiet; anything in between is "either". A link quiet longer than the memory window
 * is new again.
 */
export function expectedAlerts(
  links: LabelledLink[],
  memoryDays = 30,
): (LabelledLink & { expect: Expectation })[] {
  const seen = new Map<string, { ranks: number[]; collapsed: boolean; last: number }>();
  const out: (LabelledLink & { expect: Expectation })[] = [];
  let clock = 0;
  for (const l of links) {
    if (l.date) clock = Date.parse(l.date);
    const key = `${samePlayerKey(l.player)}|${foldName(l.club)}`;
    const prev = seen.get(key);
    const fresh = !prev || clock - prev.last > memoryDays * 86_400_000;
    const ranks = l.stages.map((s) => (s === "collapsed" ? -1 : STAGE_RANK[s]));
    let expect: Expectation;
    if (fresh) expect = "alert";
    else {
      const seenMax = Math.max(...prev.ranks);
      const seenMin = Math.min(...prev.ranks);
      const forward = ranks.map((r) => (r === -1 ? !prev.collapsed : r > seenMax));
      const backward = ranks.map((r) => (r === -1 ? prev.collapsed : r <= seenMin));
      expect = forward.every(Boolean) ? "alert" : backward.every(Boolean) ? "quiet" : "either";
    }
    out.push({ ...l, expect });
    const kept = prev && !fresh ? prev.ranks : [];
    seen.set(key, {
      ranks: [...kept, ...ranks.filter((r) => r >= 0)].length
        ? [...kept, ...ranks.filter((r) => r >= 0)]
        : [0],
      collapsed: ranks.includes(-1) && ranks.length === 1,
      last: clock,
    });
  }
  return out;
}

/** Players compare by surname when one side gives only that ("Zirkzee" = "Joshua Zirkzee"). */
export function samePlayerKey(name: string): string {
  const parts = foldName(name)
    .split(/[\s-]+/)
    .filter(Boolean);
  return parts.at(-1) ?? "";
}

export function samePlayer(a: string, b: string): boolean {
  const fa = foldName(a).replace(/-/g, " ").trim();
  const fb = foldName(b).replace(/-/g, " ").trim();
  if (fa === fb) return true;
  const wa = fa.split(/\s+/);
  const wb = fb.split(/\s+/);
  return (wa.length === 1 && wb.includes(wa[0]!)) || (wb.length === 1 && wa.includes(wb[0]!));
}
