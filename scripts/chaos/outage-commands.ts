/**
 * Commands typed into the console chat while Redis is down: each must get a reply (the "temporarily
 * unavailable" answer counts), none may be lost without a word.
 */
import { createApp } from "../../src/app.js";
import { createConsoleChat } from "../../src/chat/console-chat.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

const LINES = ["/watch Kim Min-Jae", "/follow Milan", "/list", "/latest Milan", "/unwatch Kim Min-Jae"];

export interface OutageCommandFigures {
  typed: number;
  unanswered: number;
  slowestMs: number;
}

/** Types the lines one after the other into a chat whose Redis is (about to be) down. */
export async function outageCommands(redisUrl: string, timeoutMs: number): Promise<OutageCommandFigures> {
  const config = createConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: `{chaos-outage-cmd-${process.pid}}`,
    REDIS_AUTOSTART: "false",
    PAGE_FETCH: "false",
  });
  const app = createApp(config, createLogger("silent"), { sources: [] });
  let replies = 0;
  const chat = createConsoleChat({
    deps: app.commandDeps,
    log: app.log,
    lang: "en",
    out: { write: () => void replies++ },
  });
  const f: OutageCommandFigures = { typed: 0, unanswered: 0, slowestMs: 0 };
  try {
    for (const line of LINES) {
      f.typed++;
      const before = replies;
      const t = Date.now();
      const done = await Promise.race([
        chat.handleLine(line).then(
          () => "ok",
          () => "threw",
        ),
        new Promise<string>((r) => setTimeout(() => r("timeout"), timeoutMs)),
      ]);
      f.slowestMs = Math.max(f.slowestMs, Date.now() - t);
      if (done !== "ok" || replies === before) f.unanswered++;
    }
  } finally {
    await app.close().catch(() => {});
  }
  return f;
}
