import type { Evidence, Link, Stage } from "../understand/types.js";
import { claimAhead } from "./claims.js";

/** Longest evidence text kept in Redis and carried in events: a sentence, not an article. */
export const EVIDENCE_MAX = 240;

/** Stages that make a push only on plain evidence (README "How alerts are decided"). */
const NEEDS_CERTAINTY: ReadonlySet<Stage> = new Set(["agreement", "medical", "official", "collapsed"]);

/** What the store may act on for one link: the stage that may ring, and a claim that may not. */
export interface CertainReading {
  /** The stage stated with certainty: the only one the alert policy sees. */
  stage: Stage;
  /** The words that decided `stage`, cut to EVIDENCE_MAX; null when none or when they belong to the claim. */
  evidence: string | null;
  /** A higher stage claimed without certainty, with its words; null when none. */
  claim: { stage: Stage; text: string | null } | null;
}

/** Whitespace folded and cut to EVIDENCE_MAX characters, an ellipsis marking the cut. */
export function clipEvidence(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > EVIDENCE_MAX ? `${t.slice(0, EVIDENCE_MAX - 1)}…` : t;
}

const words = (e: Evidence | undefined) => (e?.text.trim() ? clipEvidence(e.text) : null);

/**
 * Splits a link into what may ring and what may not. The extractor puts only the certain stage in `stage`
 * and a hedged higher one in `claimed`; as a second lock, a stage that needs certainty whose own evidence
 * is hedged is read as a claim over a certain "interest".
 */
export function certainReading(link: Link): CertainReading {
  if (link.claimed && claimAhead(link.claimed, link.stage))
    return { stage: link.stage, evidence: null, claim: { stage: link.claimed, text: words(link.evidence) } };
  // A negated or past reading states its (lowered) stage for sure; only a hedged one is a claim.
  if (link.evidence?.certainty === "hedged" && NEEDS_CERTAINTY.has(link.stage))
    return { stage: "interest", evidence: null, claim: { stage: link.stage, text: words(link.evidence) } };
  return { stage: link.stage, evidence: words(link.evidence), claim: null };
}
