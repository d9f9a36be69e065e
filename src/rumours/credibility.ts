import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";
import { foldName } from "../understand/types.js";

export type Credibility = "low" | "medium" | "high";

const TiersSchema = z.object({ tier1: z.array(z.string()), tier2: z.array(z.string()) });

export interface SourceTiers {
  /** 1 for the most reliable sources, 2 for good ones, 3 for everything else. */
  tier(name: string): 1 | 2 | 3;
}

const norm = (s: string) =>
  ` ${foldName(s)
    .replace(/[^a-z0-9.]+/g, " ")
    .trim()} `;

/** Builds tiers from name lists: a name matches when a listed name stands as whole words in it. */
export function createSourceTiers(lists: z.infer<typeof TiersSchema>): SourceTiers {
  const t1 = lists.tier1.map(norm);
  const t2 = lists.tier2.map(norm);
  return {
    tier(name) {
      const n = norm(name);
      if (t1.some((t) => n.includes(t))) return 1;
      if (t2.some((t) => n.includes(t))) return 2;
      return 3;
    },
  };
}

let cached: SourceTiers | undefined;
/** The kept list in data/source-tiers.json. */
export function loadSourceTiers(): SourceTiers {
  cached ??= createSourceTiers(
    TiersSchema.parse(JSON.parse(readFileSync(dataPath("source-tiers.json"), "utf8"))),
  );
  return cached;
}

/**
 * How solid a rumour is, from the best source it cites or that carried it and how many distinct outlets
 * carried it: high with a tier-1 source or 5+ outlets; medium with a tier-2 source or 3+ outlets; low
 * otherwise. An official announcement is high.
 */
export function credibility(
  tiers: SourceTiers,
  r: { cited: string[]; outlets: string[]; official: boolean },
): Credibility {
  if (r.official) return "high";
  const best = Math.min(3, ...[...r.cited, ...r.outlets].map((n) => tiers.tier(n)));
  const count = r.outlets.length;
  if (best === 1 || count >= 5) return "high";
  if (best === 2 || count >= 3) return "medium";
  return "low";
}
