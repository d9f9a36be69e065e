/**
 * What /readyz asks: named checks (Redis answers, the bot is logged in, the workers run), each bounded in
 * time so that a probe never hangs on a Redis that does not answer.
 */
import { bounded } from "../bounded.js";
import type { Redis } from "../redis.js";

export type ReadinessCheck = () => boolean | Promise<boolean>;
export type CheckResult = "ok" | "failing" | "timeout";

export interface Readiness {
  /** Adds (or replaces) a check; every check must pass for the process to be ready. */
  add(name: string, check: ReadinessCheck): void;
  check(): Promise<{ ready: boolean; checks: Record<string, CheckResult> }>;
}

export function createReadiness(timeoutMs = 1000): Readiness {
  const checks = new Map<string, ReadinessCheck>();
  const run = async (check: ReadinessCheck): Promise<CheckResult> => {
    let passed = false;
    const r = await bounded(
      Promise.resolve()
        .then(check)
        .then((ok) => {
          passed = ok;
        }),
      timeoutMs,
    );
    if (r === "timeout") return "timeout";
    return r === "done" && passed ? "ok" : "failing";
  };
  return {
    add(name, check) {
      checks.set(name, check);
    },
    async check() {
      const entries = await Promise.all([...checks].map(async ([name, c]) => [name, await run(c)] as const));
      return { ready: entries.every(([, r]) => r === "ok"), checks: Object.fromEntries(entries) };
    },
  };
}

/** Redis answers a PING. */
export const redisAnswers =
  (redis: Redis): ReadinessCheck =>
  async () =>
    (await redis.ping()) === "PONG";
