import { backoffMs } from "./backoff.js";
import { canonicalUrl } from "./canonical-url.js";
import { NewsFetchError } from "./errors.js";
import { type FetchFeedOptions, fetchFeed } from "./fetch-feed.js";
import type { FeedItem } from "./parse-feed.js";
import type { SourceStore } from "./source-store.js";
import type { Source } from "./sources.js";

export interface PollSourceDeps {
  store: SourceStore;
  /** Limits and user agent for fetchFeed; its signal is `signal` below. */
  fetch?: Omit<FetchFeedOptions, "signal">;
  now(): Date;
  /** The job's signal: aborting it rejects the poll with its reason and records nothing. */
  signal?: AbortSignal;
  /** For sources without `intervalSeconds` (config POLL_INTERVAL_SECONDS). Default 300. */
  defaultIntervalSeconds?: number;
  /** Jitter source for the backoff; Math.random by default. */
  random?: () => number;
}

export type PollStatus = "skipped-backoff" | "not-modified" | "ok" | "failed";

export interface PollOutcome {
  status: PollStatus;
  /** New fetch's items (status "ok" only), URLs canonical and unique, in feed order. */
  items: FeedItem[];
  /** The source's first successful fetch: ingest its items without alerting. */
  backfill: boolean;
  /** Why it failed (status "failed"). */
  error?: NewsFetchError;
  /** When the source may be polled again (statuses "skipped-backoff" and "failed"), ISO 8601. */
  nextAttemptAt?: string;
}

/**
 * One poll of one source, with its bookkeeping: skips a source that is backing off; sends its stored
 * validators (a 304 parses nothing); on success stores the new validators, resets its health and
 * flags the first successful fetch as backfill; on failure records the error and pushes the next
 * attempt out exponentially (backoffMs). A fetch failure is a result, not a throw: the source's state
 * already says what to do next.
 *
 * Bookkeeping happens before the caller enqueues the items, so a crash in between loses them until
 * the feed changes (the next 200 lists them again and ingest de-duplicates); never the other way round,
 * which would alert twice.
 *
 * @throws the signal's reason when `deps.signal` aborts; Redis errors; unexpected (non-NewsFetchError) bugs.
 */
export async function pollSource(source: Source, deps: PollSourceDeps): Promise<PollOutcome> {
  const { store } = deps;
  const at = deps.now();
  const health = await store.getHealth(source.id);
  if (health.nextAttemptAt && Date.parse(health.nextAttemptAt) > at.getTime()) {
    return { status: "skipped-backoff", items: [], backfill: false, nextAttemptAt: health.nextAttemptAt };
  }
  const validators = await store.getValidators(source.id, source.url);
  let result: Awaited<ReturnType<typeof fetchFeed>>;
  try {
    result = await fetchFeed(source.url, validators, { ...deps.fetch, signal: deps.signal });
  } catch (err) {
    if (deps.signal?.aborted || !(err instanceof NewsFetchError)) throw err;
    const intervalMs = (source.intervalSeconds ?? deps.defaultIntervalSeconds ?? 300) * 1000;
    const { nextAttemptAt } = await store.recordFailure(source.id, {
      code: err.code,
      message: err.message,
      at,
      delayMs: (failures) => backoffMs(failures, intervalMs, deps.random),
    });
    return {
      status: "failed",
      items: [],
      backfill: false,
      error: err,
      nextAttemptAt: nextAttemptAt.toISOString(),
    };
  }
  const items = result.status === "ok" ? uniqueCanonical(result.items) : [];
  await store.recordSuccess(source.id, {
    url: source.url,
    validators: result.validators,
    at,
    ...(result.status === "ok" ? { items: items.length } : {}),
  });
  if (result.status === "not-modified") return { status: "not-modified", items: [], backfill: false };
  const backfill = await store.markFetched(source.id, at);
  return { status: "ok", items, backfill };
}

/** Items with canonical URLs, the first of each URL kept: feeds repeat an article under several sections. */
function uniqueCanonical(items: FeedItem[]): FeedItem[] {
  const seen = new Set<string>();
  const out: FeedItem[] = [];
  for (const item of items) {
    const url = canonicalUrl(item.url);
    if (seen.has(url)) continue;
    seen.add(url);
    out.push({ ...item, url });
  }
  return out;
}
