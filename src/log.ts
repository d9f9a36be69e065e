import { type Logger, pino } from "pino";

export type { Logger };

/**
 * Structured JSON logs on stderr, so stdout stays free for the console chat and the CLI's JSON lines.
 */
export function createLogger(level: string = "info"): Logger {
  return pino({ level, base: undefined }, pino.destination(2));
}

/** A logger that drops everything; for tests and the measuring CLI. */
export function silentLogger(): Logger {
  return pino({ level: "silent" });
}
