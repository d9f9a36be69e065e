/**
 * How long a rumour page takes for a busy player: 100 articles over 4 clubs, each link with a stage move
 * every few articles and a cited source. Two figures, medians of 50 runs each after a warm-up: the render
 * alone (facts to HTML), and the whole request as the server answers it (Redis reads, render, ETag).
 */
import { performance } from "node:perf_hooks";
import { createPageRoutes } from "../src/pages/page-routes.js";
import { loadSourceTiers } from "../src/rumours/credibility.js";
import { createRumourStore } from "../src/rumours/rumour-store.js";
import type { Stage } from "../src/understand/types.js";
import { withBenchRedis } from "./bench-redis.js";
import type { Bench } from "./types.js";

const ARTICLES = 100;
const CLUBS = ["Milan", "Inter", "Juventus", "Napoli"];
const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
const RUNS = 50;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const bench: Bench = () =>
  withBenchRedis(async ({ redis, keys }) => {
    const tiers = loadSourceTiers();
    const rumours = createRumourStore(redis, keys, { memoryDays: 30, tiers });
    const t0 = Date.UTC(2026, 0, 1);
    for (let n = 0; n < ARTICLES; n++) {
      const club = CLUBS[n % CLUBS.length]!;
      const step = Math.floor(n / CLUBS.length);
      await rumours.observe({
        player: {
          key: "kim-min-jae",
          name: "Kim Min-Jae",
          provisional: false,
          club: "Bayern Munich",
          links: [
            {
              club,
              stage: LADDER[Math.min(LADDER.length - 1, Math.floor(step / 5))]!,
              evidence: {
                text: `il ${club} e il Bayern Monaco, parola ${n} dell'accordo`,
                certainty: "plain",
              },
            },
          ],
        },
        article: {
          url: `https://radar.test/kim/${n}`,
          title: `Kim Min-Jae e il ${club}: le ultime, puntata ${n}`,
          outlet: `outlet-${n % 17}`,
          published: null,
        },
        outlet: `outlet-${n % 17}`,
        cited: n % 3 ? [] : ["Sport Bild"],
        at: new Date(t0 + n * 3 * 3_600_000),
      });
    }
    const now = t0 + ARTICLES * 3 * 3_600_000;
    const routes = createPageRoutes({ rumours, tiers, perMinute: 1_000_000, now: () => now });
    const request = {
      path: "/p/kim-min-jae",
      query: new URLSearchParams("lang=it"),
      headers: {},
      client: "bench",
    };
    const { playerView } = await import("../src/pages/player-view.js");
    const { renderPlayerPage } = await import("../src/pages/render-player-page.js");
    const board = await rumours.board("kim-min-jae");
    const seen = new Map(
      await Promise.all(
        board.map(async (r) => [r.club, await rumours.sightings(r.playerKey, r.club)] as const),
      ),
    );
    let bytes = 0;
    const renderMs: number[] = [];
    const requestMs: number[] = [];
    for (let i = 0; i < RUNS + 5; i++) {
      const a = performance.now();
      bytes = renderPlayerPage(playerView(board, seen, tiers, now)!, "it").length;
      const b = performance.now();
      const res = await routes.handle(request);
      const c = performance.now();
      if (res?.status !== 200) throw new Error(`player page answered ${res?.status}`);
      if (i >= 5) {
        renderMs.push(b - a);
        requestMs.push(c - b);
      }
    }
    const dots = [...seen.values()].reduce((n, s) => n + s.length, 0);
    return [
      {
        name: "player page render, 100 articles",
        value: `${median(renderMs).toFixed(2)} ms`,
        note: `median of ${RUNS}; ${CLUBS.length} clubs, ${dots} dots, ${(bytes / 1024).toFixed(0)} KB of HTML`,
      },
      {
        name: "player page request, 100 articles",
        value: `${median(requestMs).toFixed(2)} ms`,
        note: `median of ${RUNS}; Redis reads + render + ETag, as the server answers it (budget 50 ms)`,
      },
    ];
  });

export default bench;
