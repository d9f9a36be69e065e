import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { projectRoot } from "../../src/paths.js";
import { replay } from "../../src/replay.js";
import { useTestRedis } from "../helpers/redis.js";

const { url } = useTestRedis();
const dir = join(projectRoot, "test", "fixtures", "stream");
const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
  watch: string[];
  follow: string[];
  alerts: { watcher: string; file: string; club: string; stage: string }[];
};

describe("a stream of copies, rewrites and re-publications (articles written for the project)", () => {
  it("should alert every new link and stage move once, and nothing else", { timeout: 20_000 }, async () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .map((f) => join(dir, f));
    const alerts = await replay(createConfig({ REDIS_URL: url }), silentLogger(), {
      watch: expected.watch,
      follow: expected.follow,
      files,
    });
    const got = alerts.flatMap((a) =>
      a.clubs.map((club) => ({ watcher: a.watcher, file: basename(a.file), club, stage: a.stage })),
    );
    expect(got).toEqual(expect.arrayContaining(expected.alerts));
    expect(got).toHaveLength(expected.alerts.length);
    const perStage = alerts.flatMap((a) => a.clubs.map((c) => `${a.watcher}|${a.player}|${c}|${a.stage}`));
    expect(new Set(perStage).size).toBe(perStage.length); // never twice at one stage
  });
});
