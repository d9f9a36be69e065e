import type { AlertFilter } from "../subscriptions/chat-state-store.js";
import { STAGE_RANK, type Stage } from "../understand/types.js";

/** Credibility as a filter counts it: ★ low, ★★ medium, ★★★ high. */
export const CREDIBILITY_RANK = { low: 1, medium: 2, high: 3 } as const;

/** What a filter looks at in an alert: the stages it moved to and how solid the story is. */
export interface FilterableAlert {
  changes: { stage: Stage }[];
  credibility: keyof typeof CREDIBILITY_RANK;
}

/**
 * Whether an alert rings for a chat's filter; a pure decision beside the alert policy.
 * - No filter: it rings.
 * - The highest stage it moved to must rank at least the filter's (talks < agreement < medical <
 *   official = renewal; a collapse ranks below interest, so a stage filter keeps it for the digest).
 * - Its credibility must be at least the filter's stars.
 */
export function passesFilter(alert: FilterableAlert, filter: AlertFilter | null): boolean {
  if (!filter) return true;
  const top = Math.max(...alert.changes.map((c) => STAGE_RANK[c.stage]));
  return top >= STAGE_RANK[filter.stage] && CREDIBILITY_RANK[alert.credibility] >= filter.credibility;
}
