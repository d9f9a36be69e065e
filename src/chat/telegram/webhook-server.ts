import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, webhookCallback } from "grammy";
import type { Logger } from "../../log.js";

/** The header Telegram sends with the secret given to setWebhook. */
const SECRET_HEADER = "x-telegram-bot-api-secret-token";

const sameSecret = (given: string | string[] | undefined, secret: string) => {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** A running webhook endpoint. */
export interface WebhookServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the bot's webhook on node:http: only `POST <path>` carrying Telegram's secret token reaches the
 * bot; a wrong or missing secret gets 401, any other request 404. Updates are handled before answering
 * (grammY's webhookCallback), so a crash makes Telegram deliver again, and the update-id dedupe drops
 * the repeat if the first attempt got far enough.
 */
export async function startWebhookServer(opts: {
  bot: Bot;
  path: string;
  secret: string;
  port: number;
  host?: string;
  log: Logger;
}): Promise<WebhookServer> {
  const handle = webhookCallback(opts.bot, "http", { onTimeout: "return", timeoutMilliseconds: 9000 });
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (req.method !== "POST" || path !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (!sameSecret(req.headers[SECRET_HEADER], opts.secret)) {
      opts.log.warn({ from: req.socket.remoteAddress }, "webhook request with a wrong secret refused");
      res.writeHead(401).end();
      return;
    }
    handle(req, res).catch((err: unknown) => {
      opts.log.error({ err: (err as Error).message }, "webhook update failed");
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
