import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseLogDestination, createLogger, warningLine } from "../src/log.js";

describe("chooseLogDestination", () => {
  it("should keep JSON on stderr when the terminal is not the chat (production)", () => {
    expect(chooseLogDestination({ DATA_DIR: ".data" }, false)).toEqual({ kind: "stderr" });
    expect(chooseLogDestination({ DATA_DIR: ".data", LOG_FILE: join("logs", "x.log") }, false)).toEqual({
      kind: "stderr",
    });
  });

  it("should write the terminal chat's logs to DATA_DIR/mercato-radar.log, or LOG_FILE", () => {
    expect(chooseLogDestination({ DATA_DIR: ".data" }, true)).toEqual({
      kind: "file",
      path: resolve(".data", "mercato-radar.log"),
    });
    // An absolute LOG_FILE is kept as given (built here from the temp dir: no path of one machine).
    const absolute = join(tmpdir(), "radar.log");
    expect(chooseLogDestination({ DATA_DIR: ".data", LOG_FILE: absolute }, true)).toEqual({
      kind: "file",
      path: absolute,
    });
  });
});

describe("createLogger to a file", () => {
  it("should write every line at the level to the file, creating its folder", () => {
    const path = join(mkdtempSync(join(tmpdir(), "log-")), "sub", "radar.log");
    const log = createLogger("info", { kind: "file", path });
    log.debug("not at this level");
    log.info({ source: "tmw" }, "polled");
    log.warn({ source: "tmw" }, "source failed");
    const lines = readFileSync(path, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.msg)).toEqual(["polled", "source failed"]);
  });
});

describe("warningLine", () => {
  it("should turn a JSON log line into one readable line", () => {
    expect(
      warningLine(
        JSON.stringify({
          level: 40,
          msg: "source failed",
          source: "tmw",
          error: { code: "NEWS_FETCH_TIMEOUT" },
        }),
      ),
    ).toBe("warning: source failed (tmw: NEWS_FETCH_TIMEOUT)");
    expect(warningLine(JSON.stringify({ level: 50, msg: "worker error", err: { message: "boom" } }))).toBe(
      "error: worker error (boom)",
    );
    expect(warningLine(JSON.stringify({ level: 40, msg: "plain" }))).toBe("warning: plain");
  });
});
