/**
 * The process's health endpoints on node:http, whatever roles it runs: GET /healthz (the process is alive
 * and its event loop turns), /readyz (every readiness check passes: 200, else 503 with which failed),
 * /metrics (Prometheus text format). The Dockerfile's HEALTHCHECK asks /healthz. With `pages` (PUBLIC_URL
 * set), the same server also answers the rumour pages (src/pages/page-routes.ts): `/`, `/p/…`, `/c/…`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { Logger } from "../log.js";
import type { PageRoutes } from "../pages/page-routes.js";
import type { Readiness } from "./readiness.js";

export interface HealthServer {
  port: number;
  close(): Promise<void>;
}

export async function startHealthServer(opts: {
  port: number;
  host?: string;
  registry: Registry;
  readiness: Readiness;
  log: Logger;
  /** The rumour pages; absent, only the health endpoints answer. */
  pages?: PageRoutes;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const url = req.url ?? "/";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const answer = async () => {
      if (path === "/healthz") {
        res.writeHead(200, { "content-type": "text/plain" }).end("ok\n");
      } else if (path === "/readyz") {
        const r = await opts.readiness.check();
        res
          .writeHead(r.ready ? 200 : 503, { "content-type": "application/json" })
          .end(`${JSON.stringify(r)}\n`);
      } else if (path === "/metrics") {
        const body = await opts.registry.metrics();
        res.writeHead(200, { "content-type": opts.registry.contentType }).end(body);
      } else {
        const page = await opts.pages?.handle({
          path,
          query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
          headers: req.headers,
          client: req.socket.remoteAddress ?? "unknown",
        });
        if (!page) res.writeHead(404).end();
        else res.writeHead(page.status, page.headers).end(req.method === "HEAD" ? undefined : page.body);
      }
    };
    answer().catch((err: unknown) => {
      opts.log.error(
        { err: err instanceof Error ? err.message : String(err), path },
        "health endpoint failed",
      );
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive connections (a scraper's) would hold close() open.
        server.closeAllConnections();
      }),
  };
}
