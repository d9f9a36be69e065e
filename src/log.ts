import { resolve } from "node:path";
import { type DestinationStream, type Logger, pino } from "pino";

export type { Logger };

/** Where a process's logs go. */
export type LogDestination =
  /** JSON lines on stderr: production, and every process that does not hold the terminal chat. */
  | { kind: "stderr" }
  /** JSON lines appended to `path`; warnings and errors also on stderr, one short line each. */
  | { kind: "file"; path: string };

/**
 * Picks where logs go. When the terminal is the chat, JSON lines between alerts and replies would bury
 * them: logs go to LOG_FILE (default `${DATA_DIR}/mercato-radar.log`) and only warnings reach the
 * terminal. Any other mode (a platform token, no bot role) keeps JSON on stderr for the log collector.
 */
export function chooseLogDestination(
  config: { LOG_FILE?: string | undefined; DATA_DIR: string },
  terminalChat: boolean,
): LogDestination {
  if (!terminalChat) return { kind: "stderr" };
  return { kind: "file", path: resolve(config.LOG_FILE ?? resolve(config.DATA_DIR, "mercato-radar.log")) };
}

/**
 * Structured JSON logs on stderr, so stdout stays free for the console chat and the CLI's JSON lines;
 * or, for the terminal chat, in a file with warnings echoed to stderr (see chooseLogDestination).
 */
export function createLogger(level: string = "info", to: LogDestination = { kind: "stderr" }): Logger {
  if (to.kind === "stderr") return pino({ level, base: undefined }, pino.destination(2));
  const file = pino.destination({ dest: to.path, mkdir: true, sync: true });
  return pino(
    { level, base: undefined },
    pino.multistream([
      { level: "trace", stream: file },
      { level: "warn", stream: terminalWarnings() },
    ]),
  );
}

/** A warning as one readable line for the terminal: "warning: source failed (dead: NEWS_FETCH_NETWORK)". */
export function warningLine(json: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const label = Number(o.level) >= 50 ? "error" : "warning";
  const detail = [o.source ?? o.queue ?? o.step, errorText(o.err) ?? errorText(o.error)]
    .filter((x): x is string => typeof x === "string" && x.length > 0)
    .join(": ");
  return `${label}: ${String(o.msg ?? "")}${detail ? ` (${detail})` : ""}`;
}

function errorText(e: unknown): string | undefined {
  if (typeof e === "string") return e;
  if (e && typeof e === "object") {
    const { code, message } = e as { code?: unknown; message?: unknown };
    return typeof code === "string" ? code : typeof message === "string" ? message : undefined;
  }
  return undefined;
}

function terminalWarnings(): DestinationStream {
  return { write: (line: string) => void process.stderr.write(`${warningLine(line)}\n`) };
}

/** A logger that drops everything; for tests and the measuring CLI. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
