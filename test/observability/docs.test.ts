import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";
import { registerQueueGauges } from "../../src/observability/queue-gauges.js";
import { registerSourceGauges } from "../../src/observability/source-gauges.js";
import { projectRoot } from "../../src/paths.js";

/** The metrics a process registers; the gauges read nothing until scraped, so no Redis is needed. */
function metricNames(): Set<string> {
  const { registry } = createMetrics();
  registerQueueGauges(registry, {} as never, () => []);
  registerSourceGauges(registry, {} as never, []);
  return new Set(registry.getMetricsAsArray().map((m) => m.name));
}

/** Names in a PromQL text, histogram and summary suffixes taken off. */
const namesIn = (text: string) =>
  new Set(
    [...text.matchAll(/\b(?:mercato|nodejs|process)_[a-z0-9_]+/g)].map((m) =>
      m[0].replace(/_(bucket|sum|count)$/, ""),
    ),
  );

describe("the dashboard and the alert rules", () => {
  const known = metricNames();

  it("should be a Grafana dashboard whose queries use only metrics the bot exports", () => {
    const dashboard = JSON.parse(readFileSync(join(projectRoot, "docs/grafana-dashboard.json"), "utf8"));
    expect(dashboard.panels.length).toBeGreaterThan(0);
    const exprs = dashboard.panels.flatMap((p: { targets?: { expr: string }[] }) =>
      (p.targets ?? []).map((t) => t.expr),
    );
    for (const name of namesIn(exprs.join("\n"))) expect(known, name).toContain(name);
  });

  it("should alert on a failing source, a stale delivery queue and 429s, with metrics the bot exports", () => {
    const rules = readFileSync(join(projectRoot, "docs/alert-rules.yml"), "utf8");
    for (const alert of ["MercatoSourceFailing", "MercatoDeliveryQueueStale", "MercatoRateLimited"])
      expect(rules).toContain(`alert: ${alert}`);
    const exprs = [...rules.matchAll(/expr: (.+)/g)].map((m) => m[1]!).join("\n");
    for (const name of namesIn(exprs)) expect(known, name).toContain(name);
  });

  it("should describe every metric the bot exports in docs/observability.md", () => {
    const doc = readFileSync(join(projectRoot, "docs/observability.md"), "utf8");
    for (const name of known) if (name.startsWith("mercato_")) expect(doc, name).toContain(`\`${name}\``);
  });
});
