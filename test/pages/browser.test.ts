/**
 * The rumour page in a real browser: the demo runs the bot on its sample feeds and serves Kim Min-Jae's
 * page; headless Chromium (Debian's `chromium`) opens the link his alert carried in the terminal, whose
 * DOM must hold the drawn timeline and the
 * tables with the demo story's stages and outlets, and a screenshot is saved under a temporary folder.
 * Without chromium the test is skipped, except in CI (.ci/run sets MR_REQUIRE_BROWSER_TEST=1 and installs
 * it), where its absence fails.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../src/paths.js";
import { htmlProblems } from "../helpers/html-check.js";

const run = promisify(execFile);
const chromium = ["chromium", "chromium-browser"].find(
  (c) => spawnSync("sh", ["-c", `command -v ${c}`]).status === 0,
);

it("should find chromium for the browser test where CI requires it", () => {
  expect(chromium || process.env.MR_REQUIRE_BROWSER_TEST !== "1", "chromium on the PATH").toBeTruthy();
});

describe.skipIf(!chromium)(
  `the demo's player page in headless Chromium${chromium ? "" : " (skipped: chromium is not installed)"}`,
  () => {
    const dir = mkdtempSync(join(tmpdir(), "mr-browser-"));
    let demo: ChildProcessWithoutNullStreams;
    let output = "";
    let pageUrl = "";

    /** Chromium with a profile of its own, so runs side by side do not share a lock. */
    const browse = (args: string[]) =>
      run(
        chromium!,
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--hide-scrollbars",
          `--user-data-dir=${join(dir, "profile")}`,
          ...args,
        ],
        { timeout: 60_000, maxBuffer: 10_000_000 },
      );

    beforeAll(async () => {
      demo = spawn(join(projectRoot, "node_modules", ".bin", "tsx"), ["src/cli.ts", "demo"], {
        cwd: projectRoot,
        env: { ...process.env, LOG_LEVEL: "warn" },
      });
      demo.stdout.setEncoding("utf8");
      demo.stderr.setEncoding("utf8");
      demo.stderr.on("data", (s: string) => {
        output += s;
      });
      pageUrl = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the demo printed no page URL:\n${output}`)), 80_000);
        demo.stdout.on("data", (s: string) => {
          output += s;
          const m = /rumour page: (http:\/\/127\.0\.0\.1:\d+\/p\/kim-min-jae)/.exec(output);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
        demo.once("exit", (code) => reject(new Error(`the demo exited (${code}) early:\n${output}`)));
      });
    }, 90_000);

    afterAll(async () => {
      if (!demo || demo.exitCode !== null) return;
      const exited = new Promise((r) => demo.once("exit", r));
      demo.stdin.end("\n"); // Enter: the demo stops serving, cleans its keys and exits
      const timer = setTimeout(() => demo.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(timer);
    }, 30_000);

    it("should open the alert's link on Kim's timeline, with the demo story's stages and outlets", async () => {
      const alertLink = /🗓 Timeline: (\S+)/.exec(output)?.[1];
      expect(alertLink).toBe(`${pageUrl}?lang=en`);
      const { stdout } = await browse(["--dump-dom", alertLink!]);
      const doc = parseHTML(stdout).document;
      const lanes = [...doc.querySelectorAll("svg.timeline g.lane")].map((g) => g.getAttribute("data-club"));
      expect(lanes).toEqual(expect.arrayContaining(["Milan", "Inter"]));
      expect(doc.querySelectorAll("svg.timeline circle.dot").length).toBeGreaterThanOrEqual(3);
      const milan = doc.querySelector('section.link[data-club="Milan"]');
      expect(milan?.querySelector("h2")?.textContent).toContain("agreement");
      const rows = [...(milan?.querySelectorAll("table.days tbody tr") ?? [])];
      expect(rows.at(-1)?.querySelector("td.stage")?.textContent).toBe("agreement");
      const outlets = rows.map((r) => r.querySelector("td.outlets")?.textContent ?? "").join(" ");
      expect(outlets).toContain("radar-milano");
      expect(outlets).toContain("mercato-live");
      const moves = [...(milan?.querySelectorAll(".move") ?? [])].map((m) => m.textContent ?? "");
      expect(moves.some((m) => m.includes("talks"))).toBe(true);
      expect(moves.some((m) => m.includes("agreement") && m.includes("accordo"))).toBe(true);
      expect(doc.querySelector('section.link[data-club="Inter"] h2')?.textContent).toContain("interest");
      // The HTML as served, before the browser: well formed.
      expect(htmlProblems(await (await fetch(pageUrl)).text())).toEqual([]);
    }, 90_000);

    it("should render it on a phone's width and save a screenshot", async () => {
      const shot = join(dir, "player.png");
      await browse([`--screenshot=${shot}`, "--window-size=412,900", `${pageUrl}?lang=it`]);
      expect(statSync(shot).size).toBeGreaterThan(10_000);
      process.stderr.write(`browser test: screenshot at ${shot}\n`);
    }, 90_000);
  },
);
