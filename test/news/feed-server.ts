import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";

export interface FeedServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Headers of every request received, in order. */
  requests: { url: string; headers: IncomingHttpHeaders }[];
  /** Replaces the handler for the requests that follow. */
  handle(handler: (req: IncomingMessage, res: ServerResponse) => void): void;
  clear(): void;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port for a test file, closed after the file's tests.
 * Tests set what it answers with `handle`.
 */
export async function useFeedServer(): Promise<FeedServer> {
  let handler: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(404).end();
  const requests: FeedServer["requests"] = [];
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? "", headers: req.headers });
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    handle: (h) => {
      handler = h;
    },
    clear: () => {
      requests.length = 0;
    },
  };
}

/** A minimal RSS 2.0 document around the given `<item>` bodies. */
export function rss(items: string[], prolog = '<?xml version="1.0" encoding="UTF-8"?>'): string {
  return `${prolog}
<rss version="2.0"><channel><title>Test</title><link>https://example.it/</link><description>t</description>
${items.map((i) => `<item>${i}</item>`).join("\n")}
</channel></rss>`;
}

/** One RSS item with a link under example.it. */
export function rssItem(slug: string, title = `Titolo ${slug}`): string {
  return `<title>${title}</title><link>https://www.example.it/news/${slug}</link><guid>${slug}</guid>
<description>Descrizione ${slug}</description><pubDate>Tue, 24 Mar 2026 09:55:08 +0100</pubDate>`;
}
