import { UnrecoverableError } from "bullmq";
import type { Logger } from "../src/log.js";
import { type IngestJob, IngestJobSchema, type RumourEvent } from "../src/queues.js";
import { type ArticleDedupe, contentHash } from "../src/rumours/article-dedupe.js";
import type { NearDuplicateIndex } from "../src/rumours/near-duplicates.js";
import type { RumourStore } from "../src/rumours/rumour-store.js";
import type { Understander } from "../src/understand/types.js";

export interface IngestDeps {
  dedupe: ArticleDedupe;
  nearDuplicates: NearDuplicateIndex;
  understander: Understander;
  rumours: RumourStore;
  /** Hands an alertable event to the fanout step. */
  enqueueFanout(event: RumourEvent): Promise<void>;
  /** The moment the article counts as seen: now, or the article's date in a replay. */
  now(job: IngestJob): Date;
  log: Logger;
}

export interface IngestResult {
  status: "duplicate" | "near-duplicate" | "processed";
  players: number;
  events: RumourEvent[];
}

/**
 * ingest: one new article → facts → rumour memory → events. An article already processed (same canonical
 * URL or same content) stops here, and so does a syndicated copy or light rewrite of one (MinHash): it
 * is no new outlet's evidence and alerts no one. Backfill articles update the memory but alert no one.
 * @throws UnrecoverableError when the payload does not match the contract.
 */
export async function processIngest(data: unknown, deps: IngestDeps): Promise<IngestResult> {
  const parsed = IngestJobSchema.safeParse(data);
  if (!parsed.success) throw new UnrecoverableError(`invalid ingest payload: ${parsed.error.message}`);
  const job = parsed.data;
  const body = job.text ?? job.description;
  const claim = await deps.dedupe.claim(job.url, contentHash(job.title, body));
  if (claim !== "new") {
    deps.log.debug({ url: job.url, claim }, "article already processed");
    return { status: "duplicate", players: 0, events: [] };
  }
  const at = deps.now(job);
  const copy = await deps.nearDuplicates.check(job.url, `${job.title}\n${body}`, at);
  if (copy) {
    deps.log.info({ url: job.url, of: copy.of, similarity: copy.similarity }, "near-duplicate article");
    return { status: "near-duplicate", players: 0, events: [] };
  }
  const facts = deps.understander.extract({
    title: job.title,
    lead: job.text ? job.description : undefined,
    text: body,
    url: job.url,
    outlet: job.outlet,
  });
  const article = { url: job.url, title: job.title, outlet: job.outlet, published: job.published };
  const events: RumourEvent[] = [];
  for (const player of facts.players) {
    if (!player.links.length) continue;
    const event = await deps.rumours.observe({ player, article, outlet: job.outlet, cited: facts.cited, at });
    if (event) events.push(event);
  }
  if (!job.backfill) for (const e of events) await deps.enqueueFanout(e);
  deps.log.info(
    { url: job.url, players: facts.players.length, events: events.length, backfill: job.backfill },
    "article ingested",
  );
  return { status: "processed", players: facts.players.length, events };
}
