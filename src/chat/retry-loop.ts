/**
 * Retries `attempt` until it succeeds or `signal` aborts, waiting 1 s, 2 s, 4 s… up to `maxDelayMs`
 * between tries, and says so: the first failure and then every `logEvery`-th one are passed to
 * `onFailure` (a log line while a platform cannot be reached, not silence).
 * @returns the attempt's result, or undefined once aborted.
 */
export async function retryUntil<T>(
  attempt: () => Promise<T>,
  o: {
    signal: AbortSignal;
    onFailure(err: unknown, failures: number, nextDelayMs: number): void;
    maxDelayMs?: number;
    logEvery?: number;
  },
): Promise<T | undefined> {
  const maxDelay = o.maxDelayMs ?? 30_000;
  for (let failures = 1; !o.signal.aborted; failures++) {
    try {
      return await attempt();
    } catch (err) {
      if (o.signal.aborted) return undefined;
      const delay = Math.min(maxDelay, 1000 * 2 ** Math.min(failures - 1, 15));
      if (failures === 1 || failures % (o.logEvery ?? 5) === 0) o.onFailure(err, failures, delay);
      await new Promise<void>((resolve) => {
        const t = setTimeout(done, delay);
        function done() {
          clearTimeout(t);
          o.signal.removeEventListener("abort", done);
          resolve();
        }
        o.signal.addEventListener("abort", done, { once: true });
      });
    }
  }
  return undefined;
}
