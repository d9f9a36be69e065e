/** The longest a failing source waits: long enough to spare a dead server, short enough to notice it back. */
export const MAX_BACKOFF_MS = 6 * 60 * 60 * 1000;

/**
 * How long a source waits after `failures` failures in a row: its interval × 2^failures, capped at
 * {@link MAX_BACKOFF_MS}, then shortened by up to 20 % of jitter so that sources that failed together
 * (a network outage) don't all come back at the same tick. `random` is Math.random's contract, [0, 1).
 *
 * @example backoffMs(3, 300_000, () => 0) // 2_400_000 (40 minutes)
 */
export function backoffMs(failures: number, intervalMs: number, random: () => number = Math.random): number {
  if (failures <= 0) return 0;
  // 2 ** 30 already dwarfs any interval; capping the exponent keeps the product finite.
  const base = Math.min(intervalMs * 2 ** Math.min(failures, 30), MAX_BACKOFF_MS);
  return Math.round(base * (1 - 0.2 * random()));
}
