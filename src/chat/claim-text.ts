import type { Lang } from "../../commands/types.js";
import type { EvidenceRef } from "../queues.js";
import type { Stage } from "../understand/types.js";
import { stageName } from "./alert-model.js";
import { quoteEvidence } from "./evidence-text.js";
import { messages } from "./messages/index.js";

/**
 * A stage reported without certainty: "agreement (unconfirmed): reported by one outlet «…» — Blog",
 * "accordo (da confermare): riportato da 3 testate". Plain text holding feed text: escape where shown.
 */
export function claimText(
  c: { stage: Stage; outlets: number; evidence?: EvidenceRef | undefined },
  lang: Lang,
  max = 160,
): string {
  const m = messages(lang).claim;
  const quote = c.evidence ? ` ${quoteEvidence(c.evidence, max)}` : "";
  return `${stageName(c.stage, lang)} (${m.unconfirmed}): ${m.reported(c.outlets)}${quote}`;
}
