import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import {
  FeedEmptyError,
  FeedHttpStatusError,
  FeedNetworkError,
  FeedNotAFeedError,
  FeedTimeoutError,
  FeedTooLargeError,
  FeedTooManyRedirectsError,
  NewsFetchError,
} from "../../src/news/errors.js";
import {
  type FeedValidators,
  type FetchFeedOptions,
  fetchFeed as fetchAnyFeed,
} from "../../src/news/fetch-feed.js";
import { parseFeed } from "../../src/news/parse-feed.js";
import { rss, rssItem, useFeedServer } from "./feed-server.js";

/** The test server is on 127.0.0.1: let its address through, as ALLOW_PRIVATE_ADDRESSES would. */
const fetchFeed = (url: string, state: FeedValidators, opts: FetchFeedOptions = {}) =>
  fetchAnyFeed(url, state, { allowPrivateAddresses: true, ...opts });

const server = await useFeedServer();
const none = { etag: null, lastModified: null };
const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url));
/** Italian that breaks when decoded with the wrong charset. */
const ITALIAN = "Perché è già là: più “così” – 5€";

/** Fetches the served feed and says how its first title came out and where its charset was found. */
async function firstTitle(): Promise<[string | undefined, string]> {
  const result = await fetchFeed(`${server.origin}/rss`, none);
  if (result.status !== "ok") throw new Error(`expected a 200, got ${result.status}`);
  return [result.items[0]?.title, result.charsetOrigin];
}

function serve(body: string | Buffer, headers: Record<string, string> = {}, status = 200) {
  server.handle((_req, res) =>
    res.writeHead(status, { "content-type": "application/rss+xml", ...headers }).end(body),
  );
}

describe("fetchFeed", () => {
  it("should send the validators back and parse nothing on a 304", async () => {
    let parses = 0;
    const parse = (xml: string, url: string) => {
      parses++;
      return parseFeed(xml, url);
    };
    server.clear();
    server.handle((req, res) => {
      if (req.headers["if-none-match"] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res
        .writeHead(200, { etag: '"v1"', "last-modified": "Tue, 24 Mar 2026 09:55:08 GMT" })
        .end(rss([rssItem("a")]));
    });
    const first = await fetchFeed(`${server.origin}/rss`, none, { parse });
    expect(first.status).toBe("ok");
    expect(first.validators).toEqual({ etag: '"v1"', lastModified: "Tue, 24 Mar 2026 09:55:08 GMT" });

    const second = await fetchFeed(`${server.origin}/rss`, first.validators, { parse });
    expect(second).toEqual({ status: "not-modified", validators: first.validators });
    expect(parses).toBe(1);
    expect(server.requests[1]?.headers["if-none-match"]).toBe('"v1"');
    expect(server.requests[1]?.headers["if-modified-since"]).toBe("Tue, 24 Mar 2026 09:55:08 GMT");
  });

  it("should decode a windows-1252 feed declared only in the XML prolog", async () => {
    const xml = rss([rssItem("a", ITALIAN)], '<?xml version="1.0" encoding="windows-1252"?>');
    serve(iconv.encode(xml, "windows-1252"), { "content-type": "application/rss+xml" });
    expect(await firstTitle()).toEqual([ITALIAN, "prolog"]);
  });

  it("should decode a latin-1 feed declared only in the HTTP header, curly quotes included", async () => {
    // Declared ISO-8859-1 but written by a Windows CMS: the quotes are windows-1252 bytes 0x93/0x94.
    const xml = rss([rssItem("a", ITALIAN)], '<?xml version="1.0"?>');
    serve(iconv.encode(xml, "windows-1252"), { "content-type": "text/xml; charset=ISO-8859-1" });
    expect(await firstTitle()).toEqual([ITALIAN, "header"]);
  });

  it("should prefer the XML prolog to a wrong HTTP charset", async () => {
    // ISO-8859-15 has the euro sign (0xA4) but no curly quotes.
    const title = "Perché è già là, più di 5€";
    const xml = rss([rssItem("a", title)], '<?xml version="1.0" encoding="ISO-8859-15"?>');
    serve(iconv.encode(xml, "iso-8859-15"), { "content-type": "text/xml; charset=utf-8" });
    expect(await firstTitle()).toEqual([title, "prolog"]);
  });

  it("should let a UTF-8 BOM win over the header and drop it", async () => {
    const body = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(rss([rssItem("a", ITALIAN)]))]);
    serve(body, { "content-type": "text/xml; charset=iso-8859-1" });
    expect(await firstTitle()).toEqual([ITALIAN, "bom"]);
  });

  it("should read a UTF-8 body labelled UTF-16 by the header as UTF-8, and UTF-16 without a BOM as UTF-16", async () => {
    // No prolog: the header alone labels it.
    serve(rss([rssItem("a", ITALIAN)], ""), { "content-type": "application/rss+xml; charset=utf-16" });
    expect(await firstTitle()).toEqual([ITALIAN, "sniffed"]);
    serve(iconv.encode(rss([rssItem("a", ITALIAN)]), "utf-16le"), {
      "content-type": "text/xml; charset=utf-8",
    });
    expect(await firstTitle()).toEqual([ITALIAN, "sniffed"]);
  });

  it("should say the bytes are undecodable, not 'no XML root element', when no charset reads them", async () => {
    // Labelled UTF-16, neither UTF-16 nor UTF-8: latin-1 bytes after an ASCII start.
    serve(
      Buffer.concat([Buffer.from("<rss><channel><title>"), Buffer.from([0xe8, 0xe0, 0xff, 0xfe, 0x80])]),
      {
        "content-type": "text/xml; charset=utf-16",
      },
    );
    const err = await fetchFeed(`${server.origin}/rss`, none).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedNotAFeedError);
    expect((err as Error).message).toMatch(/undecodable bytes \(labelled utf-16/);
  });

  it("should fail on an HTML page answered with 200", async () => {
    serve(fixture("html-page.html"), { "content-type": "text/html; charset=utf-8" });
    const err = await fetchFeed(`${server.origin}/rss`, none).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedNotAFeedError);
    expect(err).toMatchObject({ code: "NEWS_FETCH_NOT_A_FEED", transient: false });
  });

  it("should fail on a feed without items", async () => {
    serve(fixture("empty.xml"));
    await expect(fetchFeed(`${server.origin}/rss`, none)).rejects.toThrow(FeedEmptyError);
  });

  it("should time out when the server does not answer", async () => {
    server.handle(() => {});
    const err = await fetchFeed(`${server.origin}/rss`, none, { timeoutMs: 150 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedTimeoutError);
    expect(err).toMatchObject({ code: "NEWS_FETCH_TIMEOUT", transient: true, timeoutMs: 150 });
  });

  it("should time out when the body stalls after the headers", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.write("<rss>");
    });
    await expect(fetchFeed(`${server.origin}/rss`, none, { timeoutMs: 150 })).rejects.toThrow(
      FeedTimeoutError,
    );
  });

  it("should stop reading a body past the size cap", async () => {
    let written = 0;
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      const chunk = Buffer.alloc(16_384, " ");
      // Streams without Content-Length until the client hangs up; a 10 MB ceiling keeps a bug finite.
      const pump = () => {
        while (written < 10_000_000 && !res.destroyed) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      pump();
    });
    const err = await fetchFeed(`${server.origin}/rss`, none, { maxBytes: 50_000 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedTooLargeError);
    expect(err).toMatchObject({ code: "NEWS_FETCH_TOO_LARGE", maxBytes: 50_000 });
    expect(written).toBeLessThan(10_000_000);
  });

  it("should refuse a body whose Content-Length is over the cap without reading it", async () => {
    serve(Buffer.alloc(60_000, " "));
    await expect(fetchFeed(`${server.origin}/rss`, none, { maxBytes: 50_000 })).rejects.toThrow(
      FeedTooLargeError,
    );
  });

  it("should report the HTTP status, transient for 503 with its Retry-After, permanent for 404", async () => {
    serve("busy", { "retry-after": "120" }, 503);
    const busy = await fetchFeed(`${server.origin}/rss`, none).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(FeedHttpStatusError);
    expect(busy).toMatchObject({ status: 503, transient: true, retryAfterSeconds: 120 });
    serve("gone", {}, 404);
    const gone = await fetchFeed(`${server.origin}/rss`, none).catch((e: unknown) => e);
    expect(gone).toMatchObject({ code: "NEWS_FETCH_HTTP_STATUS", status: 404, transient: false });
  });

  it("should follow redirects within the limit and give the final URL", async () => {
    server.handle((req, res) => {
      if (req.url === "/old") return res.writeHead(301, { location: "/older" }).end();
      if (req.url === "/older") return res.writeHead(302, { location: `${server.origin}/rss` }).end();
      res.writeHead(200).end(rss([rssItem("a")]));
    });
    const result = await fetchFeed(`${server.origin}/old`, none);
    expect(result.status === "ok" && result.finalUrl).toBe(`${server.origin}/rss`);
  });

  it("should give up on a redirect loop", async () => {
    server.handle((_req, res) => res.writeHead(302, { location: "/loop" }).end());
    const err = await fetchFeed(`${server.origin}/loop`, none, { maxRedirects: 3 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedTooManyRedirectsError);
  });

  it("should report a refused connection as a transient network error", async () => {
    const closed = await freePort();
    const err = await fetchFeed(`http://127.0.0.1:${closed}/rss`, none).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedNetworkError);
    expect(err).toMatchObject({ code: "NEWS_FETCH_NETWORK", errno: "ECONNREFUSED", transient: true });
  });

  it("should pass the caller's abort through untouched", async () => {
    server.handle(() => {});
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("shutting down")), 50);
    const err = await fetchFeed(`${server.origin}/rss`, none, { signal: controller.signal }).catch(
      (e: unknown) => e,
    );
    expect(err).not.toBeInstanceOf(NewsFetchError);
    expect((err as Error).message).toBe("shutting down");
  });
});

/** A port nothing listens on: bind one, then close it. */
async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const { port } = s.address() as { port: number };
  await new Promise((resolve) => s.close(resolve));
  return port;
}
