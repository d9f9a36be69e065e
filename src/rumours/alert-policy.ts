import { STAGE_RANK, type Stage } from "../understand/types.js";
import type { ChangeKind } from "./types.js";

/** What the rumour store remembers of one link, as far as the policy needs it. */
export interface LinkMemory {
  stage: Stage;
  /** When the link was last seen in any article (ms since epoch). */
  lastSeenMs: number;
}

/**
 * Decides, for one link seen in one article, whether it is news to push and of what kind; null means it
 * is an update kept for the digest. Decided per rumour, never per chat.
 *
 * - first time in the memory window → "new" (or "collapsed"/"official"/"renewal" when that is its stage);
 * - a stage further up the ladder → "stage" (or "official"/"renewal");
 * - a deal that falls through → "collapsed"; a collapsed link that comes back → its stage, as a move;
 * - the same or a lower stage → null.
 */
export function decideLink(
  prev: LinkMemory | null,
  stage: Stage,
  atMs: number,
  memoryMs: number,
): ChangeKind | null {
  const known = prev !== null && atMs - prev.lastSeenMs <= memoryMs;
  const named = stage === "official" || stage === "renewal" || stage === "collapsed" ? stage : null;
  if (!known) return named ?? "new";
  if (stage === prev.stage) return null;
  if (stage === "collapsed") return "collapsed";
  if (prev.stage === "collapsed" || STAGE_RANK[stage] > STAGE_RANK[prev.stage]) return named ?? "stage";
  return null;
}

/** The stage the link stands at after this article: a lower stage repeated does not pull it back. */
export function nextStage(prev: LinkMemory | null, stage: Stage, kind: ChangeKind | null): Stage {
  if (!prev || kind !== null) return stage;
  return prev.stage;
}
