/**
 * Commands typed into the console chat while Redis is down: each must get a reply (the "temporarily
 * unavailable" answer counts), none may be lost without a word.
 */
import { consoleProbe } from "./console-probe.js";

const LINES = ["/watch Kim Min-Jae", "/follow Milan", "/list", "/latest Milan", "/unwatch Kim Min-Jae"];

export interface OutageCommandFigures {
  typed: number;
  unanswered: number;
  slowestMs: number;
}

/** Types the lines one after the other into a chat whose Redis is (about to be) down. */
export async function outageCommands(redisUrl: string, timeoutMs: number): Promise<OutageCommandFigures> {
  const probe = consoleProbe(redisUrl, `{chaos-outage-cmd-${process.pid}}`, timeoutMs);
  const f: OutageCommandFigures = { typed: 0, unanswered: 0, slowestMs: 0 };
  try {
    for (const line of LINES) {
      f.typed++;
      const r = await probe.type(line);
      f.slowestMs = Math.max(f.slowestMs, r.ms);
      if (!r.answered) f.unanswered++;
    }
  } finally {
    await probe.close();
  }
  return f;
}
