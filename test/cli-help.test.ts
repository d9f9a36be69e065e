import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../src/paths.js";

const tsx = join(projectRoot, "node_modules", ".bin", "tsx");

describe("cli help", () => {
  it("should print the usage and exit 0, not answer 'unknown command' (issue 16)", {
    timeout: 20_000,
  }, () => {
    const r = spawnSync(tsx, ["src/cli.ts", "help"], { cwd: projectRoot, encoding: "utf8", timeout: 15_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/start/);
    expect(r.stdout).toMatch(/register-commands/);
    expect(r.stderr).not.toContain("unknown command");
  });
});
