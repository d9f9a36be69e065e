import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One item of a sample feed. `link` is relative to the server; default `<feed>/<id>`. */
export interface SampleItem {
  id: string;
  title: string;
  date: string;
  /** The teaser, the feed's description. */
  text: string;
  link?: string;
  /**
   * The article's text, paragraphs separated by blank lines. When present, the item's link serves an
   * article page around it, with the furniture of real ones (see renderArticlePage); else it answers 404.
   */
  body?: string;
}

/** A page the server answers at a path, instead of the item's article page or a 404. */
export interface ServedPage {
  body?: string | Uint8Array;
  /** Default `text/html; charset=utf-8`. */
  contentType?: string;
  /** Never answers: a page that times out. */
  hang?: boolean;
}

export interface FeedServerOptions {
  /** Pages by path (`/feed/id`), served as given. */
  pages?: Record<string, ServedPage>;
  /** The robots.txt served; none (404) when absent. */
  robots?: string;
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
 * An article page as news sites build them: the item's title, its teaser as the standfirst and its body,
 * inside a menu, a cookie banner, a captioned photo, a related-articles list, tags and comments that
 * name other players (whom a reader of the page, and the bot, must not take for the article's).
 */
export function renderArticlePage(item: SampleItem): string {
  const paragraphs = (item.body ?? "")
    .split(/\n\s*\n/)
    .map((p) => `<p>${esc(p.trim())}</p>`)
    .join("\n        ");
  return `<!DOCTYPE html>
<html lang="it"><head><meta charset="utf-8"><title>${esc(item.title)} | Radar Sport</title></head>
<body class="has-cookie-banner">
  <div id="cookie-banner">Usiamo i cookie per consigliarti le notizie su Dusan Vlahovic e Victor Osimhen. <button>Accetta</button></div>
  <header class="site-header"><a href="/">Radar Sport</a>
    <nav><ul><li><a href="/calciomercato">Calciomercato</a></li><li><a href="/p/vlahovic">Dusan Vlahovic</a></li><li><a href="/p/koopmeiners">Teun Koopmeiners</a></li></ul></nav>
  </header>
  <main>
    <article>
      <h1>${esc(item.title)}</h1>
      <p class="sommario">${esc(item.text)}</p>
      <figure><img src="/foto.jpg" alt=""><figcaption>Nella foto Teun Koopmeiners, vicino al rinnovo con la Juventus</figcaption></figure>
      <div class="article-body">
        ${paragraphs}
      </div>
    </article>
    <section class="related-articles"><h2>Leggi anche</h2><ul>
      <li><a href="/juve-vlahovic">Juventus, rinnovo vicino per Dusan Vlahovic</a></li>
      <li><a href="/juve-koopmeiners">Juventus, trattativa con l'Atalanta per Teun Koopmeiners</a></li>
    </ul></section>
    <section id="comments"><p>Tifoso: la Juventus prenda Vlahovic e Koopmeiners!</p></section>
  </main>
  <footer>© Radar Sport</footer>
</body></html>
`;
}

/**
 * A loopback HTTP server that serves RSS feeds the way real sites do: an ETag per version, and
 * 304 Not Modified when the client sends it back unchanged. It also serves the article page of each item
 * that has a body, the pages and the robots.txt of `opts`, and 404 for anything else.
 */
export async function startFeedServer(
  feeds: Record<string, SampleItem[]>,
  opts: FeedServerOptions = {},
): Promise<FeedServer> {
  let current = feeds;
  const requests: FeedServer["requests"] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    const page = servedPage(path, current, opts);
    if (page) {
      if (page.hang) return void requests.push({ path, status: 0 });
      requests.push({ path, status: 200 });
      res.writeHead(200, { "content-type": page.contentType ?? "text/html; charset=utf-8" }).end(page.body);
      return;
    }
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

/** What answers `path` other than a feed: robots.txt, a page of `opts`, an item's article page. */
function servedPage(
  path: string,
  feeds: Record<string, SampleItem[]>,
  opts: FeedServerOptions,
): ServedPage | null {
  if (path === "/robots.txt")
    return opts.robots === undefined ? null : { body: opts.robots, contentType: "text/plain" };
  const given = opts.pages?.[path];
  if (given) return given;
  for (const [name, items] of Object.entries(feeds))
    for (const item of items)
      if (item.body !== undefined && `/${item.link ?? `${name}/${item.id}`}` === path)
        return { body: renderArticlePage(item) };
  return null;
}
