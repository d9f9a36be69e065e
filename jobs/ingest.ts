import { UnrecoverableError } from "bullmq";
import type { Logger } from "../src/log.js";
import type { PageRead, PageReader } from "../src/news/page-reader.js";
import type { Metrics } from "../src/observability/metrics.js";
import { type IngestJob, IngestJobSchema, type RumourEvent } from "../src/queues.js";
import { type ArticleDedupe, contentHash } from "../src/rumours/article-dedupe.js";
import type { NearDuplicateIndex } from "../src/rumours/near-duplicates.js";
import type { RumourStore } from "../src/rumours/rumour-store.js";
import { isMercato } from "../src/understand/mercato-gate.js";
import type { ArticleText, Understander } from "../src/understand/types.js";

/** What processIngest works with: stores, the understander, the page reader, and how to hand on and put off. */
export interface IngestDeps {
  dedupe: ArticleDedupe;
  nearDuplicates: NearDuplicateIndex;
  understander: Understander;
  rumours: RumourStore;
  /** Reads the article page behind an item; absent or null: the feed's title and teaser only. */
  pages?: PageReader | null;
  /**
   * Puts this job off for `ms` (its host is busy) and returns the error to throw. Absent (a replay, or a
   * job that has waited long enough): the item is understood from its feed text at once.
   */
  postpone?: ((ms: number) => Promise<Error>) | undefined;
  /** Hands an alertable event to the fanout step. */
  enqueueFanout(event: RumourEvent): Promise<void>;
  /** The moment the article counts as seen: now, or the article's date in a replay. */
  now(job: IngestJob): Date;
  log: Logger;
  /** Counts items by result, gate decisions and rumour events by kind; absent in tests that do not look. */
  metrics?: Metrics;
}

/** Where the text that was understood came from: the article page, the feed item, or the job itself (replay). */
export type TextSource = "page" | "feed" | "provided";

/** What became of one item: processed, or why not; and which text was understood. */
export interface IngestResult {
  status: "duplicate" | "near-duplicate" | "not-mercato" | "processed";
  players: number;
  events: RumourEvent[];
  textSource: TextSource;
  /** Why the page was asked for and not used: its error code, "host-busy", "shorter-than-teaser". */
  pageFallback?: string;
}

/**
 * ingest: one new item → its article text → is it transfer news? → facts → rumour memory → events.
 *
 * The text is the article page's when it can be read (see PageReader), else the feed's title and teaser;
 * when the page's host is busy the job is postponed, before anything is claimed, so the retried job is
 * not its own duplicate. The claim is completed only after the events are handed on, so an attempt killed
 * half-way is processed again by its retry (the rumour store replays the events the article caused, and
 * their ids are deterministic); an article already processed (same canonical URL or same content) stops there,
 * and so does a syndicated copy or light rewrite of one (MinHash): it is no new outlet's evidence and
 * alerts no one. An item that is not transfer news (a match report, a referee, another sport) creates no
 * link and no alert. Backfill articles update the memory but alert no one.
 * @throws UnrecoverableError when the payload does not match the contract.
 * @throws the error of `deps.postpone` when the page's host is busy.
 */
export async function processIngest(data: unknown, deps: IngestDeps): Promise<IngestResult> {
  const parsed = IngestJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ingest payload: ${parsed.error.message}`);
  const job = parsed.data;
  const { article, source, fallback } = await articleText(job, deps);
  const done = (status: IngestResult["status"], players = 0, events: RumourEvent[] = []): IngestResult => {
    deps.metrics?.itemsIngested.inc({ result: status.replace("-", "_") });
    return {
      status,
      players,
      events,
      textSource: source,
      ...(fallback ? { pageFallback: fallback } : {}),
    };
  };
  // The content hash stays the feed's (or the file's): two feeds that carry one article agree on it.
  const hash = contentHash(job.title, job.text ?? job.description);
  const claim = await deps.dedupe.claim(job.url, hash);
  // The same content under another URL is being processed now: wait for its outcome rather than race it.
  if (claim === "busy" && deps.postpone)
    throw await deps.postpone(BUSY_RETRY_MS + Math.floor(Math.random() * JITTER_MS));
  if (claim !== "new") {
    deps.log.debug({ url: job.url, claim }, "article already processed");
    return done("duplicate");
  }
  // The claim completes only once the outcome is recorded: an attempt killed before that is run again.
  const finish = async (r: IngestResult) => {
    await deps.dedupe.complete(job.url, hash);
    return r;
  };
  const gate = isMercato({ ...job, text: source === "feed" ? undefined : article.text });
  deps.metrics?.gateDecisions.inc({ decision: gate.mercato ? "pass" : "drop" });
  if (!gate.mercato) {
    deps.log.info({ url: job.url, textSource: source, reasons: gate.reasons }, "not transfer news");
    return finish(done("not-mercato"));
  }
  const at = deps.now(job);
  const copy = await deps.nearDuplicates.check(
    job.url,
    [article.title, article.lead, article.text].filter(Boolean).join("\n"),
    at,
  );
  if (copy) {
    deps.log.info({ url: job.url, of: copy.of, similarity: copy.similarity }, "near-duplicate article");
    return finish(done("near-duplicate"));
  }
  const facts = deps.understander.extract(article);
  const ref = { url: job.url, title: job.title, outlet: job.outlet, published: job.published };
  const events: RumourEvent[] = [];
  for (const player of facts.players) {
    if (!player.links.length) continue;
    const event = await deps.rumours.observe({
      player,
      article: ref,
      outlet: job.outlet,
      cited: facts.cited,
      at,
    });
    if (event) events.push(event);
  }
  for (const e of events) for (const c of e.changes) deps.metrics?.rumourEvents.inc({ kind: c.kind });
  if (!job.backfill) for (const e of events) await deps.enqueueFanout(e);
  deps.log.info(
    {
      url: job.url,
      textSource: source,
      pageFallback: fallback,
      players: facts.players.length,
      events: events.length,
      backfill: job.backfill,
    },
    "article ingested",
  );
  return finish(done("processed", facts.players.length, events));
}

/** A small random spread, so that jobs put off together do not all come back in the same millisecond. */
const JITTER_MS = 200;
/** How long an item waits when the same content is being processed under another URL. */
const BUSY_RETRY_MS = 5000;

/**
 * The text to understand: the job's own (replay), else the article page's when it can be read and says
 * more than the teaser, else the feed's title and teaser.
 */
async function articleText(
  job: IngestJob,
  deps: IngestDeps,
): Promise<{ article: ArticleText; source: TextSource; fallback?: string }> {
  const base = { title: job.title, url: job.url, outlet: job.outlet };
  if (job.text !== undefined)
    return { article: { ...base, lead: job.description || undefined, text: job.text }, source: "provided" };
  const feed = (fallback?: string) => ({
    article: { ...base, text: job.description },
    source: "feed" as const,
    ...(fallback ? { fallback } : {}),
  });
  if (!deps.pages) return feed();
  let page: PageRead;
  try {
    page = await deps.pages.read(job.url);
  } catch (err) {
    // A page the reader chokes on (an empty or binary body) must not cost the item: its feed text is left.
    deps.log.warn(
      { url: job.url, err: err instanceof Error ? err.message : String(err) },
      "page reader threw",
    );
    return feed("page-error");
  }
  if (page.status === "busy") {
    if (deps.postpone) throw await deps.postpone(page.waitMs + Math.floor(Math.random() * JITTER_MS));
    return feed("host-busy");
  }
  if (page.status === "failed") {
    deps.log.info(
      { url: job.url, code: page.code, detail: page.detail },
      "page not read, using the feed text",
    );
    return feed(page.code);
  }
  const { title, lead, body } = page.article;
  // A page that says less than the teaser is a stub the extractor did not recognise.
  if (lead.length + body.length <= job.description.length) return feed("shorter-than-teaser");
  return {
    article: { ...base, title: job.title || title, lead: lead || undefined, text: body || lead },
    source: "page",
  };
}
