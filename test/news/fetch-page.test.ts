import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { NewsFetchErrorCode, PageFetchError } from "../../src/news/errors.js";
import { type FetchPageOptions, fetchPage as fetchAnyPage } from "../../src/news/fetch-page.js";
import { useFeedServer } from "./feed-server.js";

/** The test server is on 127.0.0.1: let its address through, as ALLOW_PRIVATE_ADDRESSES would. */
const fetchPage = (url: string, opts: FetchPageOptions = {}) =>
  fetchAnyPage(url, { allowPrivateAddresses: true, ...opts });

const server = await useFeedServer();
const UA = "MercatoRadar/0.1 (+https://example.org/bot)";

/** The PageFetchError code `promise` rejects with. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PageFetchError);
  return (err as PageFetchError).code;
}

describe("fetchPage", () => {
  it("should decode a latin-1 page by its <meta charset> and send the bot's user agent", async () => {
    const html = '<html><head><meta charset="iso-8859-1"></head><body><p>Perché è già là</p></body></html>';
    server.handle((_req, res) =>
      res.writeHead(200, { "content-type": "text/html" }).end(iconv.encode(html, "latin1")),
    );
    server.clear();
    const page = await fetchPage(`${server.origin}/a`, { userAgent: UA });
    expect(page.html).toContain("Perché è già là");
    expect(page).toMatchObject({ charset: "windows-1252", origin: "meta", finalUrl: `${server.origin}/a` });
    expect(server.requests[0]?.headers["user-agent"]).toBe(UA);
  });

  it("should follow redirects within the limit and say where the page was read", async () => {
    server.handle((req, res) => {
      const n = Number(req.url?.slice(1));
      if (n > 0) return res.writeHead(301, { location: `/${n - 1}` }).end();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("<p>ok</p>");
    });
    expect((await fetchPage(`${server.origin}/2`)).finalUrl).toBe(`${server.origin}/0`);
    expect(await codeOf(fetchPage(`${server.origin}/3`, { maxRedirects: 2 }))).toBe(
      NewsFetchErrorCode.TooManyRedirects,
    );
  });

  it("should refuse an error status, a body that is not HTML and a body over the cap", async () => {
    server.handle((req, res) => {
      if (req.url === "/gone") return res.writeHead(404, { "content-type": "text/html" }).end("no");
      if (req.url === "/pdf") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF");
      res.writeHead(200, { "content-type": "text/html" }).end(`<p>${"x".repeat(20_000)}</p>`);
    });
    const gone = await fetchPage(`${server.origin}/gone`).catch((e: PageFetchError) => e);
    expect(gone).toMatchObject({ code: NewsFetchErrorCode.HttpStatus, status: 404, transient: false });
    expect(await codeOf(fetchPage(`${server.origin}/pdf`))).toBe(NewsFetchErrorCode.NotHtml);
    expect(await codeOf(fetchPage(`${server.origin}/big`, { maxBytes: 10_000 }))).toBe(
      NewsFetchErrorCode.TooLarge,
    );
  });

  it("should give up on a page that does not answer in time", async () => {
    server.handle(() => {});
    const started = Date.now();
    expect(await codeOf(fetchPage(`${server.origin}/slow`, { timeoutMs: 300 }))).toBe(
      NewsFetchErrorCode.Timeout,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("should pass the caller's abort through untouched", async () => {
    server.handle(() => {});
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 50);
    await expect(fetchPage(`${server.origin}/slow`, { signal: controller.signal })).rejects.toBe(reason);
  });
});
