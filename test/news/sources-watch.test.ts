import { describe, expect, it } from "vitest";
import type { Source } from "../../src/news/sources.js";
import { diffSources } from "../../src/news/sources-watch.js";

const s = (id: string, extra: Partial<Source> = {}): Source => ({
  id,
  name: id.toUpperCase(),
  url: `https://${id}.example/rss`,
  language: "it",
  ...extra,
});

describe("diffSources", () => {
  it("should name the sources added, removed and changed", () => {
    expect(
      diffSources(
        [s("a"), s("b"), s("c"), s("d")],
        [s("a"), s("c", { url: "https://c.example/new" }), s("d", { intervalSeconds: 60 }), s("e")],
      ),
    ).toEqual({ added: ["e"], removed: ["b"], changed: ["c", "d"] });
  });

  it("should find nothing between two equal lists in another order", () => {
    expect(diffSources([s("a"), s("b")], [s("b"), s("a")])).toEqual({ added: [], removed: [], changed: [] });
  });
});
