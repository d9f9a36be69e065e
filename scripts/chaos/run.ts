/**
 * `npm run chaos [-- --short]`: faults against real processes on loopback, figures at the end.
 *
 * 1. kills: ingest, fanout and deliver workers (one process each) killed with SIGKILL at random points
 *    while articles fan out to thousands of console chats whose messages go to a counting sink;
 * 2. outage: Redis (a private one on its own port, never the shared one) stopped and restarted during
 *    delivery;
 * 3. hostile pages through the page reader; 4. fuzzed lines into the console chat.
 * Ends with one line: `chaos: lost L, duplicated D of N (P %), stale S, unanswered U, longest stall T ms`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ensureRedis, type RedisHandle } from "../../src/redis-server.js";
import { runRound } from "./fanout-round.js";
import { fuzzCommands } from "./fuzz-commands.js";
import { hostilePages } from "./hostile-pages.js";
import { type OutageCommandFigures, outageCommands } from "./outage-commands.js";
import { startSink } from "./sink.js";

const short = process.argv.includes("--short");
const PLAN = short
  ? {
      chats: 1000,
      articles: 4,
      killArticles: 3,
      killPauseMs: [0, 300] as [number, number],
      outage: { chats: 500, ms: 3000 },
      fuzz: 150,
      timeoutMs: 20_000,
    }
  : {
      chats: 5000,
      articles: 5,
      killArticles: 4,
      killPauseMs: [0, 1500] as [number, number],
      outage: { chats: 3000, ms: 30_000 },
      fuzz: 1000,
      timeoutMs: 60_000,
    };

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "mercato-chaos-"));
  const url = `redis://127.0.0.1:${await freePort()}`;
  // A private Redis with its append-only file, so the outage scenario can stop and restart it.
  const start = () => ensureRedis(url, { autostart: true, dataDir: dir, persist: true });
  let redis: RedisHandle = await start();
  if (!redis.started) throw new Error(`something already answers at ${url}`);
  const sink = await startSink();
  const say = (s: string) => process.stdout.write(`${s}\n`);
  say(`chaos${short ? " (short)" : ""}: private Redis at ${url}, logs in ${dir}`);
  try {
    const kills = await runRound({
      name: "kills",
      redisUrl: url,
      sink,
      chats: PLAN.chats,
      articles: PLAN.articles,
      killArticles: PLAN.killArticles,
      killPauseMs: PLAN.killPauseMs,
      timeoutMs: PLAN.timeoutMs,
      logDir: dir,
    });
    say(
      `kills: ${kills.kills.map((k) => `${k.role}(${k.activeJobs} active)`).join(" ")}; ` +
        `${kills.expected} expected, lost ${kills.lost}, duplicated ${kills.duplicated}, stale ${kills.stale}, ` +
        `longest stall ${kills.stallMs} ms, ${kills.ms} ms${kills.left ? `; gave up with ${kills.left}` : ""}`,
    );
    let typedDuringOutage: Promise<OutageCommandFigures> | undefined;
    const outage = await runRound({
      name: "outage",
      redisUrl: url,
      sink,
      chats: PLAN.outage.chats,
      articles: 2,
      killArticles: 0,
      killPauseMs: [0, 0],
      outage: {
        ms: PLAN.outage.ms,
        stop: async () => {
          await redis.stop();
          // Commands typed while Redis is away, answered or not, measured while the outage lasts.
          typedDuringOutage = outageCommands(url, PLAN.outage.ms);
        },
        start: async () => {
          redis = await start();
        },
      },
      timeoutMs: PLAN.timeoutMs,
      logDir: dir,
    });
    say(
      `redis outage ${PLAN.outage.ms} ms: ${outage.expected} expected, lost ${outage.lost}, duplicated ${outage.duplicated}, ` +
        `stale ${outage.stale}, longest stall ${outage.stallMs} ms, ${outage.ms} ms${outage.left ? `; gave up with ${outage.left}` : ""}`,
    );
    const typed = await typedDuringOutage;
    if (typed)
      say(
        `commands during the outage: ${typed.typed} typed, ${typed.unanswered} unanswered, slowest ${typed.slowestMs} ms`,
      );
    const pages = await hostilePages(url, 15_000, short ? 300 : 2000);
    for (const p of pages)
      say(`hostile page ${p.page}: ${p.outcome}, ${p.ms} ms, event loop stalled at most ${p.lagMs} ms`);
    const fuzz = await fuzzCommands(url, PLAN.fuzz, 2000);
    say(
      `fuzzed commands: ${fuzz.lines} lines, ${fuzz.unanswered} unanswered, ${fuzz.threw} threw, slowest ${fuzz.slowestMs} ms`,
    );

    const lost = kills.lost + outage.lost;
    const dup = kills.duplicated + outage.duplicated;
    const n = kills.expected + outage.expected;
    const stale = kills.stale + outage.stale;
    const stall = Math.max(kills.stallMs, outage.stallMs);
    say(
      `chaos: lost ${lost}, duplicated ${dup} of ${n} (${((100 * dup) / n).toFixed(2)} %), stale ${stale}, ` +
        `unanswered ${fuzz.unanswered + (typed?.unanswered ?? 0)}, longest stall ${stall} ms`,
    );
  } finally {
    await sink.close();
    await redis.stop();
    if (!process.argv.includes("--keep-logs")) rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(
      `chaos failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  },
);
