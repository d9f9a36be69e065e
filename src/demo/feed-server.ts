import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One item of a sample feed. `link` is relative to the server; default `<feed>/<id>`. */
export interface SampleItem {
  id: string;
  title: string;
  date: string;
  text: string;
  link?: string;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** RSS 2.0 for a list of items, as news sites publish it. */
export function renderRss(base: string, name: string, items: SampleItem[]): string {
  const entries = items
    .map(
      (i) => `    <item>
      <title>${esc(i.title)}</title>
      <link>${esc(`${base}/${i.link ?? `${name}/${i.id}`}`)}</link>
      <guid isPermaLink="false">${esc(`${name}-${i.id}`)}</guid>
      <description>${esc(i.text)}</description>
      <pubDate>${new Date(i.date).toUTCString()}</pubDate>
    </item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>${esc(name)}</title>
    <link>${esc(base)}</link>
    <description>Sample feed</description>
${entries}
  </channel>
</rss>
`;
}

export interface FeedServer {
  /** The URL of a feed by name. */
  url(name: string): string;
  base: string;
  /** Replaces what the feeds hold (new items, or none). */
  publish(feeds: Record<string, SampleItem[]>): void;
  /** Requests seen, with the status answered. */
  requests: { path: string; status: number }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that serves RSS feeds the way real sites do: an ETag per version, and
 * 304 Not Modified when the client sends it back unchanged.
 */
export async function startFeedServer(feeds: Record<string, SampleItem[]>): Promise<FeedServer> {
  let current = feeds;
  const requests: FeedServer["requests"] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const name = /^\/([\w-]+)\.xml$/.exec(path)?.[1];
    const items = name ? current[name] : undefined;
    if (!name || !items) {
      requests.push({ path, status: 404 });
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const body = renderRss(base, name, items);
    const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) {
      requests.push({ path, status: 304 });
      res.writeHead(304, { etag }).end();
      return;
    }
    requests.push({ path, status: 200 });
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (name) => `${base}/${name}.xml`,
    publish: (f) => {
      current = f;
    },
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
