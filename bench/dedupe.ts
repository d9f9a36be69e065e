import { performance } from "node:perf_hooks";
import { contentHash, createArticleDedupe } from "../src/rumours/article-dedupe.js";
import { loadSourceTiers } from "../src/rumours/credibility.js";
import { createNearDuplicateIndex } from "../src/rumours/near-duplicates.js";
import { createRumourStore } from "../src/rumours/rumour-store.js";
import type { Stage } from "../src/understand/types.js";
import { usedMemory, withBenchRedis } from "./bench-redis.js";
import type { Bench } from "./types.js";

const N = 10_000;
const CLUBS = [
  "Milan",
  "Inter",
  "Juventus",
  "Napoli",
  "Roma",
  "Lazio",
  "Atalanta",
  "Fiorentina",
  "Bologna",
  "Torino",
];
const STAGES: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
// A vocabulary of the size of real sports prose: common words recur, articles still differ.
const WORDS = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}`);

/** A deterministic pseudo-random article of 400–600 words (about 3 KB). */
function article(i: number, rnd: () => number) {
  const player = `Giocatore${i % 2000}`;
  const club = CLUBS[i % CLUBS.length]!;
  const words = Array.from(
    { length: 80 + Math.floor(rnd() * 40) },
    () => WORDS[Math.floor(rnd() * WORDS.length)],
  );
  return { url: `https://bench.test/${i}`, player, club, text: `${player} ${club} ${words.join(" ")}` };
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bench: Bench = () =>
  withBenchRedis(async ({ redis, keys, prefix }) => {
    const dedupe = createArticleDedupe(redis, keys, { memoryDays: 30 });
    const near = createNearDuplicateIndex(redis, keys, { memoryDays: 30 });
    const rumours = createRumourStore(redis, keys, { memoryDays: 30, tiers: loadSourceTiers() });
    const rnd = mulberry32(42);
    const articles = Array.from({ length: N }, (_, i) => article(i, rnd));
    // Every tenth article re-published under another URL with a suffix: the near-duplicate path.
    for (let i = 10; i < N; i += 10)
      articles[i] = {
        ...articles[i - 7]!,
        url: `https://copy.test/${i}`,
        text: `${articles[i - 7]!.text} leggi anche`,
      };
    const before = await usedMemory(redis);
    const t0 = performance.now();
    let dupes = 0;
    let dedupeMs = 0;
    for (let i = 0; i < N; i++) {
      const a = articles[i]!;
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000);
      const s = performance.now();
      const claim = await dedupe.claim(a.url, contentHash("", a.text));
      const copy = claim === "new" ? await near.check(a.url, a.text, at) : null;
      if (claim === "new") await dedupe.complete(a.url, contentHash("", a.text));
      dedupeMs += performance.now() - s;
      if (claim !== "new" || copy) {
        dupes++;
        continue;
      }
      await rumours.observe({
        player: {
          key: a.player.toLowerCase(),
          name: a.player,
          provisional: true,
          club: null,
          links: [{ club: a.club, stage: STAGES[i % 5]! }],
        },
        article: { url: a.url, title: "", outlet: `outlet-${i % 40}`, published: null },
        outlet: `outlet-${i % 40}`,
        cited: [],
        at,
      });
    }
    const totalMs = performance.now() - t0;
    let bytes = 0;
    let count = 0;
    let noExpiry = 0;
    let cursor = "0";
    do {
      const [next, found] = await redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      cursor = next;
      for (const k of found) {
        count++;
        bytes += Number(await redis.memory("USAGE", k)) || 0;
        if ((await redis.pttl(k)) < 0) noExpiry++;
      }
    } while (cursor !== "0");
    const after = await usedMemory(redis);
    return [
      {
        name: "dedupe decision per article (Redis)",
        value: `${(dedupeMs / N).toFixed(3)} ms`,
        note: `claim by URL and content hash, then MinHash/LSH check; ${dupes} of ${N} caught as copies`,
      },
      {
        name: "ingest bookkeeping, articles/s",
        value: `${Math.round(N / (totalMs / 1000)).toLocaleString("en")}`,
        note: "dedupe + near-duplicate + rumour update, one connection, sequential",
      },
      {
        name: "Redis memory per 10,000 articles",
        value: `${(bytes / 1024 / 1024).toFixed(1)} MiB`,
        note: `MEMORY USAGE over ${count} keys (used_memory grew ${((after - before) / 1024 / 1024).toFixed(1)} MiB); keys without expiry: ${noExpiry}`,
      },
    ];
  });
export default bench;
