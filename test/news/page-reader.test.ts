import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPageParser } from "../../src/news/page-parser.js";
import type { PageReaderDeps } from "../../src/news/page-reader.js";
import { freshKeys, testPageReader } from "../helpers/ingest-deps.js";
import { useTestRedis } from "../helpers/redis.js";
import { useFeedServer } from "./feed-server.js";

const { redis, keys } = useTestRedis();
const server = await useFeedServer();
/** Another origin (another port): its own robots.txt, forbidding what the first allows. */
const other = await useFeedServer();
other.handle((req, res) => {
  if (req.url === "/robots.txt") return res.writeHead(200).end("User-agent: *\nDisallow: /\n");
  res.writeHead(200, { "content-type": "text/html" }).end(article);
});
const article = readFileSync(new URL("../fixtures/pages/milan-difesa.html", import.meta.url));

/** Pages that once made Readability throw or freeze the process (issue 13), each a 200. */
const hostilePages: Record<string, { type?: string; body: string | Buffer; code: string }> = {
  "/empty": { type: "text/html", body: "", code: "NEWS_FETCH_NOT_HTML" },
  "/plain": {
    type: "text/html; charset=utf-8",
    body: "Kim Min-Jae al Milan, ci siamo.",
    code: "NEWS_FETCH_NOT_HTML",
  },
  "/json": { type: "text/html", body: '{"title":"Kim al Milan"}', code: "NEWS_FETCH_NOT_HTML" },
  "/binary": {
    body: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256)),
    code: "NEWS_FETCH_NOT_HTML",
  },
  "/deep": {
    type: "text/html",
    body: `<html><body>${"<div>".repeat(2000)}<p>Kim</p>${"</div>".repeat(2000)}</body></html>`,
    code: "NEWS_FETCH_TOO_DEEP",
  },
};

server.handle((req, res) => {
  if (req.url === "/away") return res.writeHead(301, { location: `${other.origin}/milan-difesa` }).end();
  if (req.url === "/hop") return res.writeHead(302, { location: "/riservato/target" }).end();
  if (req.url === "/robots.txt") return res.writeHead(200).end("User-agent: *\nDisallow: /riservato/\n");
  const hostile = hostilePages[new URL(req.url ?? "/", server.origin).pathname];
  if (hostile)
    return res.writeHead(200, hostile.type ? { "content-type": hostile.type } : {}).end(hostile.body);
  if (req.url === "/stub")
    return res.writeHead(200, { "content-type": "text/html" }).end("<p>Vai alla gallery</p>");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(article);
});

/** A reader on its own key space, so its caches and host limits start empty. */
function reader(over: Partial<PageReaderDeps> = {}) {
  return testPageReader(redis, freshKeys(keys), over);
}

const pagesRequested = () => server.requests.filter((r) => r.url !== "/robots.txt").length;

describe("createPageReader", () => {
  it("should read a page once, robots.txt first, then serve it from the cache", async () => {
    server.clear();
    const pages = reader();
    const first = await pages.read(`${server.origin}/milan-difesa`);
    expect(first).toMatchObject({ status: "read", cached: false });
    expect(first.status === "read" && first.article.body).toMatch(/Kim Min-Jae/);
    expect(server.requests.map((r) => r.url)).toEqual(["/robots.txt", "/milan-difesa"]);
    expect(await pages.read(`${server.origin}/milan-difesa`)).toMatchObject({ status: "read", cached: true });
    expect(pagesRequested()).toBe(1);
  });

  it("should not fetch a path robots.txt forbids", async () => {
    server.clear();
    const pages = reader();
    expect(await pages.read(`${server.origin}/riservato/x`)).toMatchObject({
      status: "failed",
      code: "NEWS_FETCH_ROBOTS_DISALLOWED",
    });
    // Now that robots.txt is known, a forbidden page costs no request and no host place.
    expect(await pages.read(`${server.origin}/riservato/y`)).toMatchObject({ status: "failed" });
    expect(server.requests.map((r) => r.url)).toEqual(["/robots.txt"]);
  });

  it("should call a page without an article a failure", async () => {
    expect(await reader().read(`${server.origin}/stub`)).toMatchObject({
      status: "failed",
      code: "NEWS_FETCH_NO_ARTICLE",
    });
  });

  it("should answer busy, fetching nothing, while the host's interval runs", async () => {
    const pages = reader({ minIntervalMs: 5000 });
    expect((await pages.read(`${server.origin}/a1`)).status).toBe("read");
    server.clear();
    const busy = await pages.read(`${server.origin}/a2`);
    expect(busy.status).toBe("busy");
    expect(busy.status === "busy" && busy.waitMs).toBeGreaterThan(4000);
    expect(server.requests).toHaveLength(0);
  });

  it("should call an empty, plain-text, JSON, binary or 2,000-deep page a failure, never throw", async () => {
    const pages = reader();
    for (const [path, { code }] of Object.entries(hostilePages))
      expect(await pages.read(`${server.origin}${path}`), path).toMatchObject({ status: "failed", code });
  });

  it("should keep answering HTTP on the event loop while a 2,000-deep page is being parsed", async () => {
    // The depth cap lifted, so that the page reaches Readability (a minute of work) in the worker.
    const parser = createPageParser({ timeoutMs: 3000 });
    const pages = reader({ parser, screen: { maxChars: 1_000_000, maxDepth: 1_000_000 } });
    try {
      const reading = pages.read(`${server.origin}/deep?lifted`);
      await new Promise((resolve) => setTimeout(resolve, 500));
      // A loopback request answered by this same process: it waits for the event loop.
      const started = Date.now();
      await (await fetch(`${server.origin}/stub`)).text();
      expect(Date.now() - started).toBeLessThan(2000);
      expect(await reading).toMatchObject({ status: "failed", code: "NEWS_FETCH_PARSE_TIMEOUT" });
    } finally {
      await parser.close();
    }
  });

  it("should check robots.txt on every URL of a redirect chain, not fetching a disallowed target", async () => {
    server.clear();
    const pages = reader();
    expect(await pages.read(`${server.origin}/hop`)).toMatchObject({
      status: "failed",
      code: "NEWS_FETCH_ROBOTS_DISALLOWED",
    });
    expect(server.requests.map((r) => r.url)).toEqual(["/robots.txt", "/hop"]);
  });

  it("should refuse a page on a private address unless the setting allows it, fetching nothing", async () => {
    server.clear();
    expect(
      await reader({ allowPrivateAddresses: false }).read(`${server.origin}/milan-difesa`),
    ).toMatchObject({
      status: "failed",
      code: "NEWS_FETCH_ADDRESS_REFUSED",
    });
    expect(server.requests).toHaveLength(0);
  });

  it("should check a redirect to another host against that host's robots.txt", async () => {
    server.clear();
    other.clear();
    expect(await reader().read(`${server.origin}/away`)).toMatchObject({
      status: "failed",
      code: "NEWS_FETCH_ROBOTS_DISALLOWED",
    });
    expect(other.requests.map((r) => r.url)).toEqual(["/robots.txt"]);
  });
});
