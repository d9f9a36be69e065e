/** One line of the benchmark table. */
export interface BenchRow {
  /** What was measured, e.g. "extraction, 3 KB articles". */
  name: string;
  /** The figure, with its unit, e.g. "7,812 articles/s". */
  value: string;
  /** How it was measured, limits, machine. */
  note?: string;
}

/** A benchmark module: runs, returns rows, cleans up after itself. */
export type Bench = () => Promise<BenchRow[]>;
