import { UnrecoverableError } from "bullmq";
import { describe, expect, it } from "vitest";
import { type PollDeps, processPoll } from "../../jobs/poll.js";
import { silentLogger } from "../../src/log.js";
import type { Source } from "../../src/news/sources.js";

const known: Source = { id: "known", name: "Known", url: "https://known.example/rss", language: "it" };
const added: Source = { id: "added", name: "Added", url: "https://added.example/rss", language: "en" };

function deps(): PollDeps & { polled: Source[] } {
  const polled: Source[] = [];
  return {
    polled,
    sources: new Map([[known.id, known]]),
    poll: async (source) => {
      polled.push(source);
      return { status: "not-modified", items: [], backfill: false };
    },
    enqueueIngest: async () => {},
    log: silentLogger(),
  };
}

describe("processPoll: which source a job polls", () => {
  it("should poll the source the job carries, even one the worker did not know at start", async () => {
    const d = deps();
    await processPoll({ sourceId: "added", source: added }, d);
    expect(d.polled).toEqual([added]);
  });

  it("should prefer the job's definition over the worker's older one", async () => {
    const d = deps();
    const moved = { ...known, url: "https://known.example/new-rss" };
    await processPoll({ sourceId: "known", source: moved }, d);
    expect(d.polled).toEqual([moved]);
  });

  it("should look a job without a definition up in the worker's list", async () => {
    const d = deps();
    await processPoll({ sourceId: "known" }, d);
    expect(d.polled).toEqual([known]);
    await expect(processPoll({ sourceId: "added" }, d)).rejects.toBeInstanceOf(UnrecoverableError);
  });

  it("should refuse a job whose definition names another source", async () => {
    await expect(processPoll({ sourceId: "known", source: added }, deps())).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
