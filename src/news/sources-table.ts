import type { SourceHealth } from "./source-store.js";

/** One line of `cli sources`: a source's health and when its scheduler runs next (null: none). */
export interface SourceRow {
  id: string;
  health: SourceHealth;
  nextRunAt: number | null;
}

export type SourceState = "ok" | "failing" | "never polled";

export function sourceState(h: SourceHealth): SourceState {
  if (h.failuresInRow > 0) return "failing";
  return h.lastOkAt || h.lastErrorAt ? "ok" : "never polled";
}

/** "just now", "4 min ago", "in 2 h", "3 d ago": enough to see at a glance what is stale. */
export function relativeTime(atMs: number, nowMs: number): string {
  const s = Math.round((atMs - nowMs) / 1000);
  const abs = Math.abs(s);
  if (abs < 45) return s < 0 ? "just now" : "now";
  const n =
    abs < 90 * 60
      ? `${Math.max(1, Math.round(abs / 60))} min`
      : abs < 36 * 3600
        ? `${Math.round(abs / 3600)} h`
        : `${Math.round(abs / 86_400)} d`;
  return s < 0 ? `${n} ago` : `in ${n}`;
}

const ERROR_WIDTH = 48;

function shortError(h: SourceHealth, nowMs: number): string {
  if (!h.lastError) return "-";
  const code = h.lastError.code.replace(/^NEWS_FETCH_/, "").toLowerCase();
  const when = h.lastErrorAt ? `, ${relativeTime(Date.parse(h.lastErrorAt), nowMs)}` : "";
  const text = `${code}${when}: ${h.lastError.message.replace(/\s+/g, " ")}`;
  return text.length > ERROR_WIDTH ? `${text.slice(0, ERROR_WIDTH - 1)}…` : text;
}

/**
 * When the source is polled next: its scheduler's next run, or, while it backs off after failures,
 * the end of the backoff (runs before it skip the source).
 */
function nextPoll(row: SourceRow, nowMs: number): string {
  const backoff = row.health.nextAttemptAt ? Date.parse(row.health.nextAttemptAt) : null;
  if (backoff && (row.nextRunAt === null || backoff > row.nextRunAt))
    return `${relativeTime(backoff, nowMs)} (backoff)`;
  return row.nextRunAt === null ? "not scheduled" : relativeTime(row.nextRunAt, nowMs);
}

/** The `cli sources` table: plain text, columns padded to line up in a terminal. */
export function formatSourcesTable(rows: SourceRow[], nowMs: number): string {
  const header = ["SOURCE", "STATE", "LAST SUCCESS", "LAST ERROR", "ITEMS", "NEXT POLL"];
  const body = rows.map((r) => [
    r.id,
    sourceState(r.health),
    r.health.lastOkAt ? relativeTime(Date.parse(r.health.lastOkAt), nowMs) : "never",
    shortError(r.health, nowMs),
    r.health.items === null ? "-" : String(r.health.items),
    nextPoll(r, nowMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => [...cells[i]!].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 4 ? c.padStart(widths[i]!) : c + " ".repeat(widths[i]! - [...c].length)))
      .join("  ")
      .trimEnd();
  return [line(header), ...body.map(line)].join("\n");
}
