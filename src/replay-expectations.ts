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
 * (or lie below) stays quiet; anything in between is "either", and so is a link that comes back after a
 * collapse. A link quiet longer than the memory window is new again.
 */
export function expectedAlerts(
  links: LabelledLink[],
  memoryDays = 30,
): (LabelledLink & { expect: Expectation })[] {
  // Per link: the stage it has certainly reached (the highest of each label's lowest acceptable stage),
  // the stage it may have reached (the highest acceptable stage seen), and whether the last label said
  // it collapsed for sure (only "collapsed") or maybe (among other acceptable stages).
  const seen = new Map<
    string,
    { surely: number; maybe: number; collapsed: "no" | "maybe" | "surely"; last: number }
  >();
  const out: (LabelledLink & { expect: Expectation })[] = [];
  let clock = 0;
  for (const l of links) {
    if (l.date) clock = Date.parse(l.date);
    const key = `${samePlayerKey(l.player)}|${foldName(l.club)}`;
    const found = seen.get(key);
    const prev = found && clock - found.last <= memoryDays * 86_400_000 ? found : null;
    const ladder = l.stages.filter((s) => s !== "collapsed").map((s) => STAGE_RANK[s]);
    const collapsed = l.stages.includes("collapsed");
    let expect: Expectation;
    if (!prev) expect = "alert";
    else if (collapsed && !ladder.length && prev.collapsed !== "maybe") {
      expect = prev.collapsed === "surely" ? "quiet" : "alert";
    }
    // A link back after a collapse may be news (the policy pushes it) or an old article read late, and a
    // label that allows a collapse among other stages leaves the next one open: not scored.
    else if (prev.collapsed !== "no" || collapsed) expect = "either";
    else if (Math.min(...ladder) > prev.maybe) expect = "alert";
    else if (Math.max(...ladder) <= prev.surely) expect = "quiet";
    else expect = "either";
    out.push({ ...l, expect });
    seen.set(key, {
      surely: Math.max(prev?.surely ?? 0, ladder.length ? Math.min(...ladder) : 0),
      maybe: Math.max(prev?.maybe ?? 0, ...ladder),
      collapsed: !collapsed ? "no" : ladder.length ? "maybe" : "surely",
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
