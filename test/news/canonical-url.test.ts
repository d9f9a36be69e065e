import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/news/canonical-url.js";

describe("canonicalUrl", () => {
  it("should lowercase scheme and host, drop the default port and the fragment", () => {
    expect(canonicalUrl("HTTPS://WWW.Example.IT:443/News/Kim#commenti")).toBe(
      "https://www.example.it/News/Kim",
    );
    expect(canonicalUrl("http://example.it:80/a")).toBe("http://example.it/a");
    expect(canonicalUrl("http://example.it:8080/a")).toBe("http://example.it:8080/a");
  });

  it("should strip tracking parameters", () => {
    const tracked =
      "https://www.example.it/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x&fbclid=1&gclid=2&mc_cid=3&mc_eid=4" +
      "&igshid=5&ref=home&ref_src=tw&cmpid=6&ito=7&xtor=RSS-1&_ga=8&id=42";
    expect(canonicalUrl(tracked)).toBe("https://www.example.it/a?id=42");
  });

  it("should fold the AMP variants onto the article", () => {
    const plain = "https://www.example.it/news/kim";
    expect(canonicalUrl("https://www.example.it/news/kim/amp")).toBe(plain);
    expect(canonicalUrl("https://www.example.it/news/kim/amp/")).toBe(plain);
    expect(canonicalUrl("https://www.example.it/news/kim?amp=1")).toBe(plain);
    expect(canonicalUrl("https://www.example.it/news/kim?amp")).toBe(plain);
    expect(canonicalUrl("https://www.example.it/news/kim?outputType=amp")).toBe(plain);
  });

  it("should fold trailing slashes but keep the root", () => {
    expect(canonicalUrl("https://example.it/news/kim/")).toBe("https://example.it/news/kim");
    expect(canonicalUrl("https://example.it/news//kim//")).toBe("https://example.it/news/kim");
    expect(canonicalUrl("https://example.it")).toBe("https://example.it/");
    expect(canonicalUrl("https://example.it/?utm_source=x")).toBe("https://example.it/");
  });

  it("should sort the remaining parameters and keep their encoding", () => {
    expect(canonicalUrl("https://e.it/s?q=caf%C3%A9+bar&b=2&a=1&a=0")).toBe(
      "https://e.it/s?a=0&a=1&b=2&q=caf%C3%A9+bar",
    );
  });

  it("should keep www, the scheme and the path's case, so the link still works", () => {
    expect(canonicalUrl("http://www.example.it/News")).toBe("http://www.example.it/News");
  });

  it("should uppercase percent-escapes in the path", () => {
    expect(canonicalUrl("https://e.it/caf%c3%a9")).toBe("https://e.it/caf%C3%A9");
  });

  it("should give the same URL twice (idempotent)", () => {
    const once = canonicalUrl("https://WWW.e.it/a/amp/?z=1&utm_source=x&a=2#f");
    expect(canonicalUrl(once)).toBe(once);
  });

  it("should throw on a relative or non-http URL", () => {
    expect(() => canonicalUrl("/news/kim")).toThrow(TypeError);
    expect(() => canonicalUrl("mailto:kim@example.it")).toThrow(TypeError);
  });
});
