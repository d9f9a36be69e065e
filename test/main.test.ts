import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths.js";

const tsx = join(projectRoot, "node_modules", ".bin", "tsx");

describe("npm start", () => {
  it("should exit at once with one message naming every bad variable", { timeout: 20_000 }, () => {
    const r = spawnSync(tsx, ["src/main.ts"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        REDIS_URL: "http://nope",
        MAX_SUBSCRIPTIONS_PER_CHAT: "lots",
        TELEGRAM_BOT_TOKEN: "abc",
      },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Invalid config");
    for (const name of ["REDIS_URL", "MAX_SUBSCRIPTIONS_PER_CHAT", "TELEGRAM_BOT_TOKEN"])
      expect(r.stderr).toContain(name);
    expect(r.stderr).not.toContain("    at "); // a message, not a stack trace
  });
});
