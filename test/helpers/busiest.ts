/** Most entries of `times` within any `ms` span: how many requests one window of a rate limit saw. */
export function busiest(times: number[], ms: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= ms) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/** How far a test process's own pauses may move a departure (CI shares two cores with other work). */
export const STALL_ALLOWANCE_MS = 100;
