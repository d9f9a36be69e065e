/**
 * The process's health endpoints on node:http, whatever roles it runs: GET /healthz (the process is alive
 * and its event loop turns), /readyz (every readiness check passes: 200, else 503 with which failed),
 * /metrics (Prometheus text format). The Dockerfile's HEALTHCHECK asks /healthz.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import type { Logger } from "../log.js";
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
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
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
        res.writeHead(404).end();
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
