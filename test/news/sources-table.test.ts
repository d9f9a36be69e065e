import { describe, expect, it } from "vitest";
import type { SourceHealth } from "../../src/news/source-store.js";
import { formatSourcesTable, relativeTime, sourceState } from "../../src/news/sources-table.js";

const now = Date.parse("2026-07-01T12:00:00Z");
const blank = (sourceId: string): SourceHealth => ({
  sourceId,
  lastOkAt: null,
  lastErrorAt: null,
  lastError: null,
  failuresInRow: 0,
  nextAttemptAt: null,
  firstFetchedAt: null,
  items: null,
});

describe("the sources table", () => {
  it("should tell ok, failing and never polled apart", () => {
    expect(sourceState(blank("a"))).toBe("never polled");
    expect(sourceState({ ...blank("a"), lastOkAt: "2026-07-01T11:00:00Z" })).toBe("ok");
    expect(sourceState({ ...blank("a"), lastOkAt: "2026-07-01T11:00:00Z", failuresInRow: 2 })).toBe(
      "failing",
    );
  });

  it("should say times relative to now", () => {
    expect(relativeTime(now - 10_000, now)).toBe("just now");
    expect(relativeTime(now - 4 * 60_000, now)).toBe("4 min ago");
    expect(relativeTime(now + 3 * 3600_000, now)).toBe("in 3 h");
    expect(relativeTime(now - 3 * 86_400_000, now)).toBe("3 d ago");
  });

  it("should line the columns up, with a short last error and the backoff in the next poll", () => {
    const table = formatSourcesTable(
      [
        {
          id: "gazzetta",
          health: { ...blank("gazzetta"), lastOkAt: "2026-07-01T11:56:00Z", items: 40 },
          nextRunAt: now + 60_000,
        },
        {
          id: "tmw",
          health: {
            ...blank("tmw"),
            lastOkAt: "2026-06-30T12:00:00Z",
            lastErrorAt: "2026-07-01T11:30:00Z",
            lastError: {
              code: "NEWS_FETCH_TIMEOUT",
              message: "no answer within 15000 ms from www.tuttomercatoweb.com",
            },
            failuresInRow: 3,
            nextAttemptAt: "2026-07-01T14:00:00Z",
            items: 7,
          },
          nextRunAt: now + 60_000,
        },
        { id: "new-one", health: blank("new-one"), nextRunAt: null },
      ],
      now,
    );
    expect(table.split("\n")).toEqual([
      "SOURCE    STATE         LAST SUCCESS  LAST ERROR                                        ITEMS  NEXT POLL",
      "gazzetta  ok            4 min ago     -                                                    40  in 1 min",
      "tmw       failing       24 h ago      timeout, 30 min ago: no answer within 15000 ms …      7  in 2 h (backoff)",
      "new-one   never polled  never         -                                                     -  not scheduled",
    ]);
  });
});
