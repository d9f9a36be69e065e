/**
 * Hostile article pages served on loopback and read by the real page reader: what each read answers, how
 * long it takes, and the longest the event loop stalled meanwhile (a chat reply waits at least that long).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createApp } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";

const pages = (depth: number): Record<string, { type: string; body: () => Buffer | string }> => ({
  "empty-html": { type: "text/html", body: () => "" },
  "plain-text": { type: "text/plain", body: () => "Kim Min-Jae al Milan. ".repeat(200) },
  json: { type: "application/json", body: () => JSON.stringify({ player: "Kim Min-Jae", club: "Milan" }) },
  binary: {
    type: "text/html",
    body: () => Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256)),
  },
  [`nested-divs-${depth}`]: {
    type: "text/html",
    body: () =>
      `<html><body>${"<div>".repeat(depth)}<p>Kim Min-Jae al Milan.</p>${"</div>".repeat(depth)}</body></html>`,
  },
});

export interface HostileResult {
  page: string;
  outcome: string;
  ms: number;
  /** The longest event-loop stall while the page was read. */
  lagMs: number;
}

/**
 * Reads every hostile page once (the nested one `depth` divs deep); a read that has not answered within
 * `timeoutMs` counts as stuck, and the time it really took is reported (a parse that blocks the event
 * loop holds the timer too).
 */
export async function hostilePages(
  redisUrl: string,
  timeoutMs: number,
  depth: number,
): Promise<HostileResult[]> {
  const PAGES = pages(depth);
  const server = createServer((req, res) => {
    const page = PAGES[(req.url ?? "").split("/").pop() ?? ""];
    if (!page) {
      res.statusCode = 404;
      res.end();
      return;
    }
    res.setHeader("content-type", page.type);
    res.end(page.body());
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  const prefix = `{chaos-pages-${process.pid}}`;
  const config = createConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
    REDIS_AUTOSTART: "false",
    HOST_MIN_INTERVAL_MS: "0",
    HOST_CONCURRENCY: "8",
    LOG_LEVEL: "error",
    // The hostile site is on loopback, which production refuses.
    ALLOW_PRIVATE_ADDRESSES: "true",
  });
  const app = createApp(config, createLogger("error"), { sources: [] });
  const results: HostileResult[] = [];
  try {
    for (const name of Object.keys(PAGES)) {
      const t = Date.now();
      const lag = monitorEventLoopDelay({ resolution: 10 });
      lag.enable();
      const outcome = await Promise.race([
        app.pages
          ?.read(`http://127.0.0.1:${port}/calciomercato/${name}`)
          .then((r) =>
            r.status === "read"
              ? `read (${r.article.body.length} chars)`
              : r.status === "failed"
                ? `failed: ${r.code}`
                : `busy ${r.waitMs} ms`,
          )
          .catch((err: unknown) => `threw: ${err instanceof Error ? err.message : String(err)}`),
        new Promise<string>((r) => setTimeout(() => r(`no answer within ${timeoutMs} ms`), timeoutMs)),
      ]);
      lag.disable();
      results.push({
        page: name,
        outcome: outcome ?? "page reading off",
        ms: Date.now() - t,
        lagMs: Math.round(lag.max / 1e6),
      });
    }
  } finally {
    await deleteKeysByPrefix(app.redis, prefix);
    await app.close();
    server.close();
  }
  return results;
}
