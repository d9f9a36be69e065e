/**
 * Extraction throughput: articles per second on one core with the full gazetteer, on ~3 KB articles built from
 * the project's own fixture articles (never corpus text).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArticleFile } from "../src/news/article-file.js";
import { projectRoot } from "../src/paths.js";
import { createUnderstander, loadGazetteer } from "../src/understand/index.js";
import type { Bench } from "./types.js";

const bench: Bench = async () => {
  const dir = join(projectRoot, "test", "fixtures", "articles");
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => parseArticleFile(f, readFileSync(join(dir, f), "utf8")).text);
  // ~3 KB articles: each fixture followed by the next ones until the size is reached.
  const articles = texts.map((_, i) => {
    let out = "";
    for (let k = i; out.length < 3000; k++) out += `${texts[k % texts.length]}\n\n`;
    return out.slice(0, 3200);
  });
  const u = createUnderstander(loadGazetteer());
  for (let i = 0; i < 300; i++) u.extract({ text: articles[i % articles.length]! });
  // CPU time of this process, not wall time: "on one core" must not depend on what else the machine runs.
  const budgetMs = 3000;
  let n = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < budgetMs) {
    for (let i = 0; i < 50; i++) u.extract({ text: articles[n++ % articles.length]! });
  }
  const cpu = process.cpuUsage(c0);
  const secs = (cpu.user + cpu.system) / 1e6;
  const wall = (performance.now() - t0) / 1000;
  const avg = Math.round(articles.reduce((s, a) => s + a.length, 0) / articles.length);
  return [
    {
      name: "extraction, ~3 KB articles",
      value: `${Math.round(n / secs).toLocaleString("en-US")} articles/s`,
      note: `per CPU second on one core, full gazetteer, ${articles.length} articles of ~${avg} chars; ${secs.toFixed(1)} s CPU in ${wall.toFixed(1)} s wall`,
    },
  ];
};

export default bench;
