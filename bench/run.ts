/**
 * `npm run bench`: runs every benchmark and prints one table.
 * Each entry is a module in bench/ exporting a Bench; add yours to the list.
 */
import { cpus } from "node:os";
import type { Bench, BenchRow } from "./types.js";

const benches: Record<string, () => Promise<{ default: Bench }>> = {
  extraction: () => import("./extraction.js"),
  dedupe: () => import("./dedupe.js"),
  digest: () => import("./digest.js"),
  "discord-delivery": () => import("./discord-delivery.js"),
  "telegram-delivery": () => import("./telegram-delivery.js"),
};

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
for (const [name, load] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const { default: bench } = await load();
  rows.push(...(await bench()));
}
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`\nMercato Radar benchmarks — Node ${process.version}, ${cpus().length} × ${cpu}\n`);
const w0 = Math.max(...rows.map((r) => r.name.length), 9);
const w1 = Math.max(...rows.map((r) => r.value.length), 5);
console.log(`${"benchmark".padEnd(w0)}  ${"value".padStart(w1)}  note`);
console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ----`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padStart(w1)}  ${r.note ?? ""}`);
process.exit(0);
