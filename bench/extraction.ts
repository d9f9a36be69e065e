/**
 * Extraction throughput: articles per second on one core with the full gazetteer, on ~3 KB articles written
 * for the project (never corpus text). Two sets:
 * - bench/articles: single articles of about 3 KB as outlets publish them (background, quotes, stats);
 * - the test fixture articles stitched together to 3 KB: about six stories each, far denser in names and cues
 *   than real articles, so a worst case.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../src/news/article-file.js";
import { projectRoot } from "../src/paths.js";
import { createUnderstander, loadGazetteer } from "../src/understand/index.js";
import type { ArticleText, Understander } from "../src/understand/types.js";
import type { Bench, BenchRow } from "./types.js";

function readArticles(dir: string): ArticleText[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => parseArticleFile(f, readFileSync(join(dir, f), "utf8")))
    .map((a) => (a.title ? { title: a.title, text: a.text } : { text: a.text }));
}

/** Each fixture followed by the next ones until 3 KB is reached. */
function stitched(texts: string[]): ArticleText[] {
  return texts.map((_, i) => {
    let out = "";
    for (let k = i; out.length < 3000; k++) out += `${texts[k % texts.length]}\n\n`;
    return { text: out.slice(0, 3200) };
  });
}

/** Windows of CPU time measured; the median is the figure, the spread says how noisy the machine was. */
const WINDOWS = 15;
const WINDOW_MS = 200;

/**
 * Articles per CPU second in each of WINDOWS windows. CPU time of this process, not wall time: "on one core"
 * must not depend on what else the machine runs; windows, because a shared virtual machine has slow patches
 * that a single long run would average in.
 */
function measure(u: Understander, articles: ArticleText[]): number[] {
  let n = 0;
  for (let i = 0; i < 2000; i++) u.extract(articles[n++ % articles.length]!);
  const rates: number[] = [];
  for (let w = 0; w < WINDOWS; w++) {
    let done = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    while (performance.now() - t0 < WINDOW_MS) {
      for (let i = 0; i < 20; i++) u.extract(articles[n++ % articles.length]!);
      done += 20;
    }
    const cpu = process.cpuUsage(c0);
    rates.push(done / ((cpu.user + cpu.system) / 1e6));
  }
  return rates.sort((a, b) => a - b);
}

function row(name: string, articles: ArticleText[], rates: number[], what: string): BenchRow {
  const fmt = (v: number) => Math.round(v).toLocaleString("en-US");
  const chars = articles.map((a) => (a.title?.length ?? 0) + a.text.length);
  const avg = Math.round(chars.reduce((s, c) => s + c, 0) / chars.length);
  return {
    name,
    value: `${fmt(rates[WINDOWS >> 1]!)} articles/s`,
    note: `median of ${WINDOWS} windows of ${WINDOW_MS} ms CPU (${fmt(rates[0]!)}–${fmt(rates[WINDOWS - 1]!)}), one core, full gazetteer; ${articles.length} ${what} of ~${avg} chars`,
  };
}

const bench: Bench = async () => {
  const u = createUnderstander(loadGazetteer());
  const single = readArticles(join(projectRoot, "bench", "articles"));
  const dense = stitched(readArticles(join(projectRoot, "test", "fixtures", "articles")).map((a) => a.text));
  return [
    row("extraction, ~3 KB articles", single, measure(u, single), "articles"),
    row("extraction, ~3 KB dense (6 stories)", dense, measure(u, dense), "stitched fixtures"),
  ];
};

export default bench;
