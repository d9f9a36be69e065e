import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type FeedServer, startFeedServer } from "../src/demo/feed-server.js";
import { projectRoot } from "../src/paths.js";
import type { RedisHandle } from "../src/redis-server.js";
import { privateRedis } from "./helpers/private-redis.js";
import { waitFor } from "./helpers/wait-for.js";

const children: ChildProcess[] = [];
let server: RedisHandle | null = null;
let feeds: FeedServer | null = null;
afterAll(async () => {
  await feeds?.close();
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  await server?.stop();
});

describe("npm start while its Redis goes away (issue 13, 4)", () => {
  it("should answer commands with 'momentaneamente non disponibile', log few lines, and work again after", {
    timeout: 90_000,
  }, async () => {
    // A private redis-server: stopping the shared one on 6379 would break every other test.
    const { url, dataDir, start } = await privateRedis();
    server = await start();
    expect(server.started).toBe(true);

    feeds = await startFeedServer({ radar: [] });
    const sources = join(dataDir, "sources.json");
    writeFileSync(
      sources,
      JSON.stringify([{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }]),
    );
    const bot = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: projectRoot,
      env: {
        ...process.env,
        REDIS_URL: url,
        REDIS_AUTOSTART: "false",
        DATA_DIR: dataDir,
        TELEGRAM_BOT_TOKEN: "",
        DISCORD_TOKEN: "",
        SOURCES_FILE: sources,
        LANG: "en_US.UTF-8",
        LOG_LEVEL: "info",
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    children.push(bot);
    let stdout = "";
    let stderr = "";
    bot.stdout!.on("data", (d) => {
      stdout += String(d);
    });
    bot.stderr!.on("data", (d) => {
      stderr += String(d);
    });
    const type = (line: string) => bot.stdin!.write(`${line}\n`);

    // The terminal chat speaks Italian whatever LANG says (issue 16: one language, decided once).
    // Waits for the line after the banner too: a pipe may deliver the two in separate chunks.
    await waitFor(() => stdout.includes("chat nel terminale") && stdout.includes("Log in"), 20_000);
    // The terminal chat's logs go to a file, so the chat stays readable.
    const logFile = join(dataDir, "mercato-radar.log");
    expect(stdout).toContain(`Log in ${logFile}`);
    const logText = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
    type("/follow Milan");
    await waitFor(() => /Squadra seguita: Milan/.test(stdout), 10_000);

    await server.stop();
    server = null;
    const outageStart = stderr.length;
    const outageLogStart = logText().length;
    const before = stdout.length;
    type("/watch Rafael Leão");
    type("/list");
    type("/unfollow Milan");
    await waitFor(
      () => (stdout.slice(before).match(/momentaneamente non disponibile/g) ?? []).length >= 3,
      30_000,
    );
    // Let the outage last a while, as the 30 s did, and count what it wrote.
    await new Promise((r) => setTimeout(r, 8000));
    const outageLog = logText().slice(outageLogStart).split("\n").filter(Boolean);
    for (const line of outageLog) expect(() => JSON.parse(line), line).not.toThrow();
    expect(outageLog.length).toBeLessThan(25);
    // The terminal shows the warnings among them, as readable lines.
    const outageStderr = stderr.slice(outageStart).split("\n").filter(Boolean);
    expect(outageStderr.length).toBeLessThan(25);
    for (const line of outageStderr) expect(line).toMatch(/^(warning|error): /);

    server = await start();
    const after = stdout.length;
    type("/list");
    await waitFor(() => /Milan/.test(stdout.slice(after)), 20_000);

    const exited = new Promise<number | null>((r) => bot.once("exit", (code) => r(code)));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
