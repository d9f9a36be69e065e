import { STAGE_RANK, type Stage } from "../understand/types.js";
import type { Claim, Rumour } from "./types.js";

/** Claims kept per rumour: one per stage and outlet, the latest first to go when over. */
export const MAX_CLAIMS = 8;

/** Records one outlet's claim, replacing its older claim of the same stage; bounded. */
export function addClaim(claims: Claim[], claim: Claim): Claim[] {
  const rest = claims.filter((c) => !(c.stage === claim.stage && c.outlet === claim.outlet));
  return [...rest, claim].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).slice(-MAX_CLAIMS);
}

/** Whether a claim says more than the stage the rumour stands at (a collapse always does, unless collapsed). */
export function claimAhead(claim: Stage, stage: Stage): boolean {
  return claim === "collapsed" ? stage !== "collapsed" : STAGE_RANK[claim] > STAGE_RANK[stage];
}

/** What the claims of a stage add up to: how many outlets, and the latest one's words. */
export interface ClaimSummary {
  stage: Stage;
  outlets: number;
  latest: Claim;
}

/**
 * The claims still ahead of where the rumour stands (a claimed agreement once the agreement is certain is
 * old news), grouped by stage, highest first; only those made after `sinceMs` when given.
 */
export function openClaims(r: Rumour, sinceMs = Number.NEGATIVE_INFINITY): ClaimSummary[] {
  const byStage = new Map<Stage, Claim[]>();
  for (const c of r.claims ?? []) {
    if (!claimAhead(c.stage, r.stage) || Date.parse(c.at) <= sinceMs) continue;
    byStage.set(c.stage, [...(byStage.get(c.stage) ?? []), c]);
  }
  return [...byStage.entries()]
    .map(([stage, cs]) => ({
      stage,
      outlets: new Set(cs.map((c) => c.outlet)).size,
      latest: cs.reduce((a, b) => (Date.parse(b.at) >= Date.parse(a.at) ? b : a)),
    }))
    .sort((a, b) => STAGE_RANK[b.stage] - STAGE_RANK[a.stage]);
}
