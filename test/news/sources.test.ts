import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSources, parseSources, SourcesFileError, withLine } from "../../src/news/sources.js";

const valid = {
  id: "tmw",
  name: "TuttoMercatoWeb",
  url: "https://www.tuttomercatoweb.com/rss",
  language: "it",
};

function writeTemp(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "sources-")), "sources.json");
  writeFileSync(path, content);
  return path;
}

describe("loadSources", () => {
  it("should load the shipped data/sources.json", () => {
    const sources = loadSources("data/sources.json");
    expect(sources.length).toBeGreaterThanOrEqual(8);
    expect(sources.map((s) => s.id)).toContain("tuttomercatoweb");
    expect(sources.every((s) => s.url.startsWith("https://"))).toBe(true);
  });

  it("should name the file when it is missing or not JSON", () => {
    expect(() => loadSources("/nonexistent/sources.json")).toThrow(
      /Invalid sources file \/nonexistent\/sources.json/,
    );
    expect(() => loadSources(writeTemp("[{"))).toThrow(SourcesFileError);
  });

  it("should say on which line and column a JSON syntax error is", () => {
    expect(withLine("Unexpected token } in JSON at position 11", '[\n  {"id":\n}')).toBe(
      "Unexpected token } in JSON at position 11 (line 3 column 1)",
    );
    expect(withLine("Unexpected end of JSON input", "[")).toBe("Unexpected end of JSON input");
    expect(() => loadSources(writeTemp('[\n  {"id": "a",\n  }\n]'))).toThrow(/line 3/);
  });
});

describe("parseSources", () => {
  it("should accept a valid list and keep the optional interval", () => {
    expect(parseSources([{ ...valid, intervalSeconds: 120 }])).toEqual([{ ...valid, intervalSeconds: 120 }]);
  });

  it("should name every bad entry by index, id and field", () => {
    const bad = [valid, { ...valid, id: "Bad:Id", url: "ftp://x", language: "Italian" }];
    try {
      parseSources(bad, "sources.json");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SourcesFileError);
      const problems = (err as SourcesFileError).problems.join("\n");
      expect(problems).toMatch(/^1 \(Bad:Id\)\.id: /m);
      expect(problems).toMatch(/^1 \(Bad:Id\)\.url: /m);
      expect(problems).toMatch(/^1 \(Bad:Id\)\.language: /m);
    }
  });

  it("should reject duplicate ids and URLs, unknown keys, digit-only ids and an empty list", () => {
    expect(() => parseSources([valid, valid])).toThrow(/duplicate id[\s\S]*duplicate url/);
    expect(() => parseSources([{ ...valid, extra: 1 }])).toThrow(/extra/);
    expect(() => parseSources([{ ...valid, id: "123" }])).toThrow(/digits only/);
    expect(() => parseSources([])).toThrow(SourcesFileError);
  });
});
