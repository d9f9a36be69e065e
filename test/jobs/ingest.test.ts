import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { type IngestDeps, processIngest } from "../../jobs/ingest.js";
import { type IngestJob, IngestJobSchema, type RumourEvent } from "../../src/queues.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";
import { createFakePageReader, pageRead } from "../fakes/fake-page-reader.js";
import { testIngestDeps } from "../helpers/ingest-deps.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const understander = createUnderstander(loadGazetteer());
const fanned: RumourEvent[] = [];

/** Fresh stores for each test, on keys of their own. */
function deps(over: Partial<IngestDeps> = {}): IngestDeps {
  return testIngestDeps(redis, keys, understander, {
    enqueueFanout: async (e) => void fanned.push(e),
    ...over,
  });
}

// Written for this test: the teaser names no player, the article does.
const job = (over: Partial<IngestJob> = {}): IngestJob =>
  IngestJobSchema.parse({
    sourceId: "radar",
    outlet: "Radar",
    url: `https://example.test/calciomercato/milan-difesa-${randomUUID().slice(0, 6)}`,
    title: "Milan, si pensa alla difesa per gennaio",
    description: "I rossoneri cercano un centrale di esperienza.",
    published: "2026-01-12T09:00:00Z",
    categories: [],
    backfill: false,
    ...over,
  });
const BODY =
  "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae: il difensore sudcoreano piace ai rossoneri, che pensano al prestito con diritto di riscatto.";

describe("processIngest", () => {
  it("should understand the page when it can be read, and say so", async () => {
    const pages = createFakePageReader();
    pages.setNext(pageRead({ lead: "I rossoneri cercano un centrale.", body: BODY }));
    const r = await processIngest(job(), deps({ pages }));
    expect(r).toMatchObject({ status: "processed", textSource: "page" });
    expect(r.events.map((e) => e.player.key)).toEqual(["kim-min-jae"]);
  });

  it("should postpone a job whose host is busy before claiming it, so that the retry is not a duplicate", async () => {
    const pages = createFakePageReader();
    pages.setNext({ status: "busy", waitMs: 800 }, pageRead({ body: BODY }));
    const waits: number[] = [];
    const postponed = new Error("postponed");
    const postpone = async (ms: number) => {
      waits.push(ms);
      return postponed;
    };
    const d = deps({ pages, postpone });
    const j = job();
    await expect(processIngest(j, d)).rejects.toBe(postponed);
    expect(waits[0]).toBeGreaterThanOrEqual(800);
    expect(await processIngest(j, d)).toMatchObject({ status: "processed", textSource: "page" });
  });

  it("should use the feed text when the host stays busy and the job may wait no longer", async () => {
    const pages = createFakePageReader({ status: "busy", waitMs: 500 });
    const r = await processIngest(job(), deps({ pages }));
    expect(r).toMatchObject({ status: "processed", textSource: "feed", pageFallback: "host-busy" });
  });

  it("should use the feed text when the page fails or says less than the teaser", async () => {
    const failing = createFakePageReader({
      status: "failed",
      code: "NEWS_FETCH_ROBOTS_DISALLOWED",
      detail: "robots.txt",
      transient: false,
      cached: false,
    });
    expect(await processIngest(job(), deps({ pages: failing }))).toMatchObject({
      textSource: "feed",
      pageFallback: "NEWS_FETCH_ROBOTS_DISALLOWED",
    });
    const stub = createFakePageReader(pageRead({ body: "Leggi tutto" }));
    expect(await processIngest(job(), deps({ pages: stub }))).toMatchObject({
      textSource: "feed",
      pageFallback: "shorter-than-teaser",
    });
  });

  it("should use the feed text when the page reader throws on a hostile page, not fail the item", async () => {
    const pages = createFakePageReader();
    pages.read = async () => {
      throw new TypeError("First argument to Readability constructor should be a document object.");
    };
    expect(await processIngest(job({ description: BODY }), deps({ pages }))).toMatchObject({
      status: "processed",
      textSource: "feed",
      pageFallback: "page-error",
    });
  });

  it("should read no page when the job brings its text (replay)", async () => {
    const pages = createFakePageReader();
    const r = await processIngest(job({ text: BODY, description: "" }), deps({ pages }));
    expect(r).toMatchObject({ status: "processed", textSource: "provided" });
    expect(pages.asked).toEqual([]);
  });

  it("should create no link and no alert from an item that is not transfer news", async () => {
    const pages = createFakePageReader();
    pages.setNext(
      pageRead({
        body: "Il Milan batte l'Inter 2-1 nel derby. Kim Min-Jae, seguito in passato dai rossoneri, guarda dalla tribuna del Bayern Monaco. Gol, rigore e Var.",
      }),
    );
    const before = fanned.length;
    const r = await processIngest(
      job({
        url: "https://example.test/serie-a/milan-inter-2-1",
        title: "Milan-Inter 2-1, decide un rigore nel recupero",
        description: "Derby pazzo a San Siro.",
      }),
      deps({ pages }),
    );
    expect(r).toMatchObject({ status: "not-mercato", events: [] });
    expect(fanned.length).toBe(before);
  });
});
