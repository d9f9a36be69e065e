import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FeedNotAFeedError } from "../../src/news/errors.js";
import { isoDate, MAX_FEED_ITEMS, parseFeed } from "../../src/news/parse-feed.js";
import { projectRoot } from "../../src/paths.js";
import { IngestJobSchema } from "../../src/queues.js";
import { rss, rssItem } from "./feed-server.js";

/** The real feeds beside the project (../shared/feeds); a machine without them runs the other tests only. */
const SHARED_FEEDS = join(projectRoot, "..", "shared", "feeds");
const fixture = (name: string) => readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), "utf8");

describe("parseFeed", () => {
  describe.runIf(existsSync(SHARED_FEEDS))("on the real feeds in ../shared/feeds", () => {
    // Collected even when skipped: read the folder only where it exists.
    const files = existsSync(SHARED_FEEDS) ? readdirSync(SHARED_FEEDS).filter((f) => f.endsWith(".xml")) : [];

    it("should find the feed files", () => {
      expect(files.length).toBeGreaterThanOrEqual(5);
    });

    it.each(files)("should parse %s into plausible items", async (file) => {
      const xml = readFileSync(`${SHARED_FEEDS}/${file}`, "utf8");
      const items = await parseFeed(xml, "https://feeds.example/");
      expect(items.length).toBe((xml.match(/<item>/g) ?? []).length);
      for (const item of items) {
        expect(item.url).toMatch(/^https:\/\/[^/]+\.(it|com|net|es)\//);
        expect(item.title.length).toBeGreaterThan(10);
        expect(item.title).not.toMatch(/[<>]|&[a-z#0-9]+;/);
        expect(item.description).not.toMatch(/<\/?[a-z][^>]*>|&[a-z#0-9]+;/i);
        expect(item.published).toMatch(/^20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
        expect(item.guid).toBeTruthy();
        // Every item fits the ingest contract as is.
        const { guid: _guid, ...fields } = item;
        IngestJobSchema.parse({ ...fields, sourceId: "s", outlet: "o", backfill: false });
      }
    });

    it("should keep accents and curly quotes of an Italian feed", async () => {
      const items = await parseFeed(
        readFileSync(`${SHARED_FEEDS}/tuttomercatoweb-1f53023.xml`, "utf8"),
        "x:",
      );
      expect(items[0]?.title).toBe(
        "Lecce, Sticchi Damiani: “Minuto di silenzio va rispettato, ma la nostra tifoseria è ferita”",
      );
    });

    it("should keep the feed's offset in published dates", async () => {
      const items = await parseFeed(readFileSync(`${SHARED_FEEDS}/transfermarkt-a4c1c75.xml`, "utf8"), "x:");
      expect(items[0]?.published).toBe("2026-09-04T18:28:18+02:00");
    });
  });

  it("should read Atom entries: alternate link, summary as text, categories, published with offset", async () => {
    const items = await parseFeed(fixture("atom.xml"), "https://www.example.it/atom.xml");
    expect(items).toHaveLength(2);
    expect(items[0]).toEqual({
      guid: "tag:example.it,2026:1",
      url: "https://www.example.it/mercato/kim-accordo-juve?utm_source=rss",
      title: "Kim, c'è l’accordo con la Juve",
      description: "Il difensore Kim ha detto sì: visite mediche à Torino.",
      published: "2026-07-01T09:30:00+02:00",
      categories: ["Calciomercato", "juventus"],
    });
    expect(items[1]).toMatchObject({
      description: "Nessun sommario, solo contenuto.",
      published: "2026-06-30T18:00:00Z",
      categories: [],
    });
  });

  it("should survive HTML entities and bare ampersands that are not XML", async () => {
    const [item] = await parseFeed(fixture("sloppy-entities.xml"), "https://www.example.it/rss");
    expect(item?.title).toBe("Milan, c'è l’offerta: Q&A sul mercato rossonero &hearts;");
    expect(item?.description).toBe("Il club è al lavoro & tratta “a oltranza”.");
    expect(item?.url).toBe("https://www.example.it/milan-offerta?id=7&utm_medium=rss");
    expect(item?.categories).toEqual(["Milan", "Calciomercato"]);
    // CEST is not an RFC 2822 zone, but Italian feeds write it.
    expect(item?.published).toBe("2026-07-06T21:05:00+02:00");
  });

  it("should use a permalink guid when the item has no link, and drop items with neither", async () => {
    const xml = rss([
      "<title>a</title><guid>https://www.example.it/a</guid>",
      "<title>b</title><guid>not-a-url</guid>",
    ]);
    const items = await parseFeed(xml, "https://www.example.it/rss");
    expect(items.map((i) => i.url)).toEqual(["https://www.example.it/a"]);
  });

  it("should give null for a missing or unreadable date", async () => {
    const items = await parseFeed(
      rss(["<link>https://e.it/a</link>", "<link>https://e.it/b</link><pubDate>ieri</pubDate>"]),
      "https://e.it/",
    );
    expect(items.map((i) => i.published)).toEqual([null, null]);
  });

  it("should return no items for a feed without items", async () => {
    expect(await parseFeed(fixture("empty.xml"), "https://www.example.it/rss")).toEqual([]);
  });

  it("should cap the number of items", async () => {
    const many = Array.from({ length: MAX_FEED_ITEMS + 20 }, (_, i) => rssItem(`n${i}`));
    expect(await parseFeed(rss(many), "https://e.it/")).toHaveLength(MAX_FEED_ITEMS);
  });

  it("should reject an HTML page", async () => {
    await expect(parseFeed(fixture("html-page.html"), "https://e.it/")).rejects.toThrow(FeedNotAFeedError);
    await expect(parseFeed(fixture("html-page.html"), "https://e.it/")).rejects.toThrow(/HTML page/);
  });

  it("should reject other XML and broken XML", async () => {
    await expect(parseFeed("<sitemap><url/></sitemap>", "https://e.it/")).rejects.toThrow(
      /root element <sitemap>/,
    );
    await expect(parseFeed('<rss version="2.0"><channel><item>', "https://e.it/")).rejects.toThrow(
      FeedNotAFeedError,
    );
    await expect(parseFeed("   ", "https://e.it/")).rejects.toThrow(/no XML root/);
  });
});

describe("isoDate", () => {
  it("should keep the offset of RFC 822 and ISO dates", () => {
    expect(isoDate("Fri, 04 Sep 2026 18:28:18 +0200")).toBe("2026-09-04T18:28:18+02:00");
    expect(isoDate("2026-09-04T18:28:18-03:00")).toBe("2026-09-04T18:28:18-03:00");
  });

  it("should read a time without offset as UTC", () => {
    expect(isoDate("2026-09-04T18:28:18")).toBe("2026-09-04T18:28:18Z");
  });

  describe("hostile and broken feeds (issue 13)", () => {
    it("should read a year-10000 date as no date, so the item still fits the ingest contract", async () => {
      const items = await parseFeed(
        rss([
          `<title>Kim al Milan</title><link>https://example.it/a</link><pubDate>Sat, 01 Jan 10000 00:00:00 GMT</pubDate>`,
        ]),
        "https://example.it/rss",
      );
      expect(items[0]?.published).toBeNull();
      expect(IngestJobSchema.shape.published.safeParse(items[0]?.published).success).toBe(true);
      expect(isoDate("0000-01-01T00:00:00Z")).toBeNull();
      expect(isoDate("Sat, 01 Jan 10000 00:00:00 GMT")).toBeNull();
      expect(isoDate("Wed, 02 Sep 2026 10:00:00 +0200")).toBe("2026-09-02T10:00:00+02:00");
    });

    it("should refuse a billion-laughs feed as entity expansion, before parsing it", async () => {
      const laughs = Array.from(
        { length: 9 },
        (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`,
      ).join("\n");
      const xml = `<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 "lol">\n${laughs}\n]>\n${rss([
        "<title>&lol9;</title><link>https://example.it/a</link>",
      ]).replace(/^<\?xml[^>]*>\n/, "")}`;
      const err = await parseFeed(xml, "https://example.it/rss").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FeedNotAFeedError);
      expect((err as Error).message).toMatch(/entity expansion/);
    });

    it("should see past a DOCTYPE with an internal subset that declares no entity", async () => {
      const xml = rss(["<title>a</title><link>https://example.it/a</link>"]).replace(
        "<rss",
        '<!DOCTYPE rss [ <!ATTLIST rss version CDATA "2.0"> ]>\n<rss',
      );
      expect(await parseFeed(xml, "https://example.it/rss")).toHaveLength(1);
    });
  });
});
