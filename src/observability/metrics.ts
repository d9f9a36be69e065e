/**
 * The process's Prometheus metrics: one Registry per app (tests build several apps in one process and
 * must not see each other's counts), the named counters the jobs move, and Node's default metrics
 * (event-loop lag, heap, CPU). docs/observability.md says what each one means.
 */
import { Counter, collectDefaultMetrics, Registry } from "prom-client";

export interface Metrics {
  registry: Registry;
  /** Polls of a source by outcome: ok, not_modified, error, skipped_backoff. */
  polls: Counter<"source" | "outcome">;
  /** Ingest jobs by result: processed, duplicate, near_duplicate, not_mercato. */
  itemsIngested: Counter<"result">;
  /** The transfer-news gate: pass or drop. */
  gateDecisions: Counter<"decision">;
  /** Changed links of rumour events, by kind: new, stage, collapsed, official, renewal. */
  rumourEvents: Counter<"kind">;
  /** Chats an alert was placed for, by outcome: queued (pushed), held (digest), dropped (outbox full). */
  alerts: Counter<"outcome">;
  /** Messages by outcome: sent, retried (transient error), failed (for good), moved (chat moved). */
  deliveries: Counter<"platform" | "outcome">;
  /** Every classified send error, by its DeliveryError code. */
  deliveryErrors: Counter<"platform" | "code">;
  /** 429s from a platform: scope bot (the whole queue waits) or chat (only that chat waits). */
  rateLimited: Counter<"platform" | "scope">;
  /** Jobs that failed for good (no attempt left, or unrecoverable), per queue: they sit in the failed set. */
  jobsFailed: Counter<"queue">;
}

export function createMetrics(opts: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  const counter = <L extends string>(name: string, help: string, labelNames: L[]) =>
    new Counter<L>({ name, help, labelNames, registers: [registry] });
  if (opts.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return {
    registry,
    polls: counter("mercato_polls_total", "Polls of a source by outcome", ["source", "outcome"]),
    itemsIngested: counter("mercato_items_ingested_total", "Feed items ingested, by result", ["result"]),
    gateDecisions: counter("mercato_gate_decisions_total", "Transfer-news gate decisions", ["decision"]),
    rumourEvents: counter("mercato_rumour_events_total", "Changed links of rumour events, by kind", ["kind"]),
    alerts: counter("mercato_alerts_total", "Chats an alert was placed for, by outcome", ["outcome"]),
    deliveries: counter("mercato_deliveries_total", "Messages to chats by outcome", ["platform", "outcome"]),
    deliveryErrors: counter("mercato_delivery_errors_total", "Send errors by DeliveryError code", [
      "platform",
      "code",
    ]),
    rateLimited: counter("mercato_rate_limited_total", "429s received from a chat platform", [
      "platform",
      "scope",
    ]),
    jobsFailed: counter("mercato_jobs_failed_total", "Jobs that failed for good, per queue", ["queue"]),
  };
}
