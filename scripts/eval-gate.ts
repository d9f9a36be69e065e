/**
 * The mercato gate against hand labels: test/fixtures/feed-labels.json labels every item of the real
 * feed files in ../shared/feeds (title and description only). Used by `npm run eval`.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFeed } from "../src/news/parse-feed.js";
import { isMercato } from "../src/understand/mercato-gate.js";

interface FeedLabels {
  feeds: Record<string, Record<string, boolean>>;
}

export interface GateScore {
  items: number;
  /** Items labelled mercato. */
  positives: number;
  tp: number;
  fp: number;
  fn: number;
  /** Labelled items missing from the feed files (a label whose link no longer matches). */
  unmatched: number;
}

/**
 * Runs the gate on every labelled item, printing each disagreement with the gate's reasons.
 * @returns null when the labels or the feed folder are missing.
 */
export async function scoreGate(labelsPath: string, feedsDir: string): Promise<GateScore | null> {
  if (!existsSync(labelsPath) || !existsSync(feedsDir)) {
    console.log(`(no gate labels at ${labelsPath} or no feeds at ${feedsDir})`);
    return null;
  }
  const labels = JSON.parse(readFileSync(labelsPath, "utf8")) as FeedLabels;
  const s: GateScore = { items: 0, positives: 0, tp: 0, fp: 0, fn: 0, unmatched: 0 };
  console.log("\n## mercato gate on the labelled real feed items (title and description only)");
  for (const [file, byLink] of Object.entries(labels.feeds)) {
    const path = join(feedsDir, file);
    if (!existsSync(path)) {
      s.unmatched += Object.keys(byLink).length;
      continue;
    }
    const items = await parseFeed(readFileSync(path, "utf8"), `file://${path}`);
    const seen = new Set<string>();
    for (const item of items) {
      const label = byLink[item.url];
      if (label === undefined) continue;
      seen.add(item.url);
      const verdict = isMercato({ ...item });
      s.items++;
      if (label) s.positives++;
      if (label && verdict.mercato) s.tp++;
      else if (verdict.mercato) s.fp++;
      else if (label) s.fn++;
      if (label !== verdict.mercato)
        console.log(
          `- ${label ? "missed" : "false alarm"}: ${item.title.slice(0, 110)}\n    [${verdict.reasons.join(", ")}]`,
        );
    }
    s.unmatched += Object.keys(byLink).filter((l) => !seen.has(l)).length;
  }
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  console.log(
    `${s.items} items, ${s.positives} mercato: precision ${ratio(s.tp, s.tp + s.fp).toFixed(2)}, recall ${ratio(s.tp, s.tp + s.fn).toFixed(2)}${s.unmatched ? ` (${s.unmatched} labels unmatched)` : ""}`,
  );
  return s;
}
