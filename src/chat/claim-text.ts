import type { Lang } from "../../commands/types.js";
import type { EvidenceRef } from "../queues.js";
import type { Stage } from "../understand/types.js";
import { stageName } from "./alert-model.js";
import { quoteEvidence } from "./evidence-text.js";

/**
 * A stage reported without certainty: "agreement (unconfirmed): reported by one outlet «…» — Blog",
 * "accordo (da confermare): riportato da 3 testate". Plain text holding feed text: escape where shown.
 */
export function claimText(
  c: { stage: Stage; outlets: number; evidence?: EvidenceRef | undefined },
  lang: Lang,
  max = 160,
): string {
  const it = lang === "it";
  const who = it
    ? c.outlets === 1
      ? "riportato da una sola testata"
      : `riportato da ${c.outlets} testate`
    : c.outlets === 1
      ? "reported by one outlet"
      : `reported by ${c.outlets} outlets`;
  const quote = c.evidence ? ` ${quoteEvidence(c.evidence, max)}` : "";
  return `${stageName(c.stage, lang)} (${it ? "da confermare" : "unconfirmed"}): ${who}${quote}`;
}
