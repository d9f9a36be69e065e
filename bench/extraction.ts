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
  const budgetMs = 3000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < budgetMs) {
    for (let i = 0; i < 50; i++) u.extract({ text: articles[n++ % articles.length]! });
  }
  const secs = (performance.now() - t0) / 1000;
  const avg = Math.round(articles.reduce((s, a) => s + a.length, 0) / articles.length);
  return [
    {
      name: "extraction, ~3 KB articles",
      value: `${Math.round(n / secs).toLocaleString("en-US")} articles/s`,
      note: `one core, full gazetteer, ${articles.length} distinct articles of ${avg} chars, ${secs.toFixed(1)} s`,
    },
  ];
};

export default bench;
