/**
 * A console chat on the given Redis, driven line by line: whether each line got a reply, in time, without
 * an exception. Used by the fuzzed commands and by the commands typed during a Redis outage.
 */
import { createApp } from "../../src/app.js";
import { createConsoleChat } from "../../src/chat/console-chat.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";

export interface Typed {
  answered: boolean;
  threw: boolean;
  ms: number;
}

export interface ConsoleProbe {
  type(line: string): Promise<Typed>;
  /** Closes the app; `cleanup` runs first while Redis is there (it may not be, after an outage). */
  close(cleanup?: (app: ReturnType<typeof createApp>) => Promise<unknown>): Promise<void>;
}

export function consoleProbe(redisUrl: string, prefix: string, timeoutMs: number): ConsoleProbe {
  const config = createConfig({
    REDIS_URL: redisUrl,
    REDIS_PREFIX: prefix,
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
  return {
    async type(line) {
      const before = replies;
      const t = Date.now();
      const done = await Promise.race([
        chat.handleLine(line).then(
          () => "ok",
          () => "threw",
        ),
        new Promise<string>((r) => setTimeout(() => r("timeout"), timeoutMs)),
      ]);
      return { answered: done === "ok" && replies > before, threw: done === "threw", ms: Date.now() - t };
    },
    async close(cleanup) {
      try {
        await cleanup?.(app);
      } finally {
        await app.close().catch(() => {});
      }
    },
  };
}
