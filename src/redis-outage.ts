/**
 * Redis going away, as the rest of the bot sees it: which errors mean "Redis cannot be reached now"
 * (the command should say so and the user try again), and one rate-limited log line per cause while
 * every connection retries (an outage would otherwise write a line per connection per retry).
 */
import type { Logger } from "./log.js";

const UNREACHABLE =
  /max retries per request|Connection is closed|Stream isn't writeable|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|connect ETIMEDOUT|LOADING|Redis is loading|CLUSTERDOWN|TRYAGAIN|Failed to refresh slots cache|None of startup nodes is available|Cluster isn't ready/i;

/** Whether `err` says Redis cannot be reached (as opposed to a bug or a bad command). */
export function isRedisUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === "MaxRetriesPerRequestError" || err.name === "ClusterAllFailedError") return true;
  const code = (err as { code?: unknown }).code;
  return UNREACHABLE.test(`${typeof code === "string" ? code : ""} ${err.message}`);
}

/** How often one cause is logged again while it lasts. */
const REPEAT_MS = 60_000;

/** Something that reports connection errors: an ioredis client, a BullMQ worker or queue. */
interface ErrorSource {
  on(event: "error", listener: (err: Error) => void): unknown;
}

/**
 * One log line per cause (error code or message) and per minute, whichever connection reported it;
 * the next line of a cause says how many were left out. JSON through pino, never a stack trace.
 */
export function createRedisErrorLog(log: Logger, repeatMs = REPEAT_MS) {
  const seen = new Map<string, { at: number; skipped: number }>();
  const report = (err: unknown, where: string) => {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as { code?: unknown }).code;
    const cause = typeof code === "string" ? code : e.message.split("\n")[0]!.slice(0, 200);
    const now = Date.now();
    const last = seen.get(cause);
    if (last && now - last.at < repeatMs) {
      last.skipped++;
      return;
    }
    seen.set(cause, { at: now, skipped: 0 });
    log.warn({ cause, where, skipped: last?.skipped ?? 0 }, "redis unavailable");
  };
  return {
    report,
    /** Listens to a connection's errors (also keeps ioredis from printing unhandled ones). */
    watch(source: ErrorSource, where: string): void {
      source.on("error", (err) => report(err, where));
    },
  };
}

export type RedisErrorLog = ReturnType<typeof createRedisErrorLog>;
