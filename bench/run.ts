/**
 * `npm run bench`: runs every benchmark and prints one table.
 * Each entry is a module in bench/ exporting a Bench; add yours to the list.
 */
import { cpus } from "node:os";
import type { Bench, BenchRow } from "./types.js";

/** A bench module; `summary` is a line printed after the table (the fanout bench's headline). */
type BenchModule = { default: Bench; summary?: () => string };
const benches: Record<string, () => Promise<BenchModule>> = {
  extraction: () => import("./extraction.js"),
  dedupe: () => import("./dedupe.js"),
  digest: () => import("./digest.js"),
  "discord-delivery": () => import("./discord-delivery.js"),
  "telegram-delivery": () => import("./telegram-delivery.js"),
  fanout: () => import("./fanout.js"),
  "player-page": () => import("./player-page.js"),
};

const only = process.argv.slice(2);
const rows: BenchRow[] = [];
const summaries: (() => string)[] = [];
for (const [name, load] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  process.stderr.write(`bench: ${name}…\n`);
  const mod = await load();
  rows.push(...(await mod.default()));
  if (mod.summary) summaries.push(mod.summary);
}
const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`\nMercato Radar benchmarks — Node ${process.version}, ${cpus().length} × ${cpu}\n`);
const w0 = Math.max(...rows.map((r) => r.name.length), 9);
const w1 = Math.max(...rows.map((r) => r.value.length), 5);
console.log(`${"benchmark".padEnd(w0)}  ${"value".padStart(w1)}  note`);
console.log(`${"-".repeat(w0)}  ${"-".repeat(w1)}  ----`);
for (const r of rows) console.log(`${r.name.padEnd(w0)}  ${r.value.padStart(w1)}  ${r.note ?? ""}`);
if (summaries.length) console.log("");
for (const s of summaries) console.log(s());
process.exit(0);
