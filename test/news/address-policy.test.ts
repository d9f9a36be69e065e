import { describe, expect, it } from "vitest";
import { AddressRefusedError, assertPublicUrl, isPublicAddress } from "../../src/news/address-policy.js";
import { NewsFetchErrorCode } from "../../src/news/errors.js";
import { fetchFeed } from "../../src/news/fetch-feed.js";
import { fetchPage } from "../../src/news/fetch-page.js";
import { followRedirects } from "../../src/news/http-get.js";
import { rss, rssItem, useFeedServer } from "./feed-server.js";

const server = await useFeedServer();
server.handle((req, res) => {
  if (req.url === "/hop") return res.writeHead(302, { location: "http://127.0.0.1:9/inside" }).end();
  if (req.url === "/rss")
    return res.writeHead(200, { "content-type": "application/rss+xml" }).end(rss([rssItem("a")]));
  res.writeHead(200, { "content-type": "text/html" }).end("<html><body><p>x</p></body></html>");
});

describe("isPublicAddress", () => {
  it("should refuse loopback, private, link-local, unspecified and other non-public addresses", () => {
    for (const ip of [
      "127.0.0.1",
      "127.8.9.10",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "0.0.0.0",
      "100.64.0.1",
      "224.0.0.1",
      "255.255.255.255",
      "::",
      "::1",
      "fc00::1",
      "fd12:3456::1",
      "fe80::1",
      "ff02::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "not an address",
    ])
      expect(isPublicAddress(ip), ip).toBe(false);
  });

  it("should let public addresses through", () => {
    for (const ip of ["8.8.8.8", "151.101.1.1", "172.32.0.1", "2a00:1450:4002::65", "::ffff:8.8.8.8"])
      expect(isPublicAddress(ip), ip).toBe(true);
  });
});

describe("assertPublicUrl", () => {
  it("should refuse a URL whose host is, or resolves to, a non-public address", async () => {
    await expect(assertPublicUrl("http://127.0.0.1:8080/x")).rejects.toThrow(AddressRefusedError);
    await expect(assertPublicUrl("http://[::1]/x")).rejects.toThrow(AddressRefusedError);
    await expect(assertPublicUrl("http://localhost/x")).rejects.toThrow(AddressRefusedError);
    await expect(assertPublicUrl("http://8.8.8.8/x")).resolves.toBeUndefined();
  });
});

describe("fetching from a private address", () => {
  it("should refuse a feed or a page on loopback, sending no request, unless allowed", async () => {
    server.clear();
    const feed = await fetchFeed(`${server.origin}/rss`, { etag: null, lastModified: null }).catch((e) => e);
    expect(feed).toMatchObject({ code: NewsFetchErrorCode.AddressRefused });
    const page = await fetchPage(`${server.origin}/a`).catch((e) => e);
    expect(page).toMatchObject({ code: NewsFetchErrorCode.AddressRefused });
    expect(server.requests).toHaveLength(0);
    const allowed = await fetchFeed(
      `${server.origin}/rss`,
      { etag: null, lastModified: null },
      {
        allowPrivateAddresses: true,
      },
    );
    expect(allowed.status).toBe("ok");
  });

  it("should check every hop of a redirect chain, not the first URL only", async () => {
    // The first URL let through as if public: the test server can only be on loopback.
    const first = `${server.origin}/hop`;
    const err = await followRedirects(
      first,
      { headers: new Headers(), signal: AbortSignal.timeout(2000) },
      5,
      () => new Error("too many"),
      (url) => (url === first ? Promise.resolve() : assertPublicUrl(url)),
    ).catch((e) => e);
    expect(err).toBeInstanceOf(AddressRefusedError);
    expect((err as AddressRefusedError).url).toBe("http://127.0.0.1:9/inside");
  });
});
