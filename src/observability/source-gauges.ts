/**
 * Each source's health as Redis holds it (the poll workers record it), read when Prometheus scrapes: a
 * source that keeps failing backs off for hours between polls, so poll counters alone cannot say it has
 * been failing for an hour; failures in a row can.
 */
import { Gauge, type Registry } from "prom-client";
import { bounded } from "../bounded.js";
import type { SourceHealth, SourceStore } from "../news/source-store.js";

/**
 * Registers mercato_source_failures_in_row{source} and mercato_source_last_ok_timestamp_seconds{source}.
 * One read serves both gauges of a scrape; a read slower than `timeoutMs` leaves them empty.
 */
export function registerSourceGauges(
  registry: Registry,
  store: SourceStore,
  sourceIds: readonly string[],
  timeoutMs = 2000,
): void {
  let reading: Promise<SourceHealth[]> | null = null;
  const read = () => {
    reading ??= (async () => {
      let health: SourceHealth[] = [];
      const r = await bounded(
        store.listHealth(sourceIds).then((h) => {
          health = h;
        }),
        timeoutMs,
      );
      return r === "done" ? health : [];
    })().finally(() => {
      reading = null;
    });
    return reading;
  };
  new Gauge({
    name: "mercato_source_failures_in_row",
    help: "Failed polls of a source since its last success (0: healthy)",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const h of await read()) this.set({ source: h.sourceId }, h.failuresInRow);
    },
  });
  new Gauge({
    name: "mercato_source_last_ok_timestamp_seconds",
    help: "When a source last answered (200 or 304), Unix seconds; absent until it has",
    labelNames: ["source"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const h of await read())
        if (h.lastOkAt) this.set({ source: h.sourceId }, Date.parse(h.lastOkAt) / 1000);
    },
  });
}
