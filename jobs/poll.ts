import { UnrecoverableError } from "bullmq";
import type { Logger } from "../src/log.js";
import { canonicalUrl } from "../src/news/canonical-url.js";
import type { PollOutcome } from "../src/news/poll-source.js";
import type { Source } from "../src/news/sources.js";
import type { Metrics } from "../src/observability/metrics.js";
import { type IngestJob, IngestJobSchema, PollJobSchema } from "../src/queues.js";

export interface PollDeps {
  /** Sources known when the worker started: for poll jobs that do not carry their source. */
  sources: ReadonlyMap<string, Source>;
  /** Fetches one source with its conditional-GET state, backoff and health bookkeeping. */
  poll(source: Source, signal?: AbortSignal): Promise<PollOutcome>;
  enqueueIngest(jobs: IngestJob[]): Promise<void>;
  log: Logger;
  /** Counts each poll's outcome per source; absent in tests that do not look. */
  metrics?: Metrics;
}

/** The poll outcomes as the metrics name them. */
const OUTCOME = {
  ok: "ok",
  "not-modified": "not_modified",
  failed: "error",
  "skipped-backoff": "skipped_backoff",
};

/**
 * poll: one source → its new items as ingest jobs. A failing source records its failure and backs off;
 * it never throws, so one bad feed costs the others nothing. A source's first fetch is marked backfill.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processPoll(data: unknown, deps: PollDeps, signal?: AbortSignal): Promise<PollOutcome> {
  const parsed = PollJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid poll payload: ${parsed.error.message}`);
  const source = parsed.data.source ?? deps.sources.get(parsed.data.sourceId);
  if (!source) throw new UnrecoverableError(`unknown source ${parsed.data.sourceId}`);
  const outcome = await deps.poll(source, signal).catch((err: unknown) => {
    deps.metrics?.polls.inc({ source: source.id, outcome: "error" });
    throw err;
  });
  deps.metrics?.polls.inc({ source: source.id, outcome: OUTCOME[outcome.status] });
  if (outcome.status === "failed") {
    deps.log.warn({ source: source.id, error: outcome.error }, "source failed");
    return outcome;
  }
  const jobs: IngestJob[] = [];
  for (const item of outcome.items) {
    const candidate = {
      sourceId: source.id,
      outlet: source.name,
      url: canonicalUrl(item.url),
      title: item.title.slice(0, 1000),
      description: item.description.slice(0, 20_000),
      published: item.published,
      categories: item.categories.slice(0, 50).map((c) => c.slice(0, 200)),
      backfill: outcome.backfill,
    };
    const ok = IngestJobSchema.safeParse(candidate);
    if (ok.success) jobs.push(ok.data);
    else
      deps.log.warn({ source: source.id, url: item.url, issue: ok.error.issues[0]?.message }, "item skipped");
  }
  await deps.enqueueIngest(jobs);
  deps.log.info(
    { source: source.id, status: outcome.status, items: jobs.length, backfill: outcome.backfill },
    "polled",
  );
  return outcome;
}
