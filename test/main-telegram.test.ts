import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedServer, startFeedServer } from "../src/demo/feed-server.js";
import { projectRoot } from "../src/paths.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "./fakes/fake-telegram-api.js";
import { deleteByPrefix, useTestRedis } from "./helpers/redis.js";
import { waitFor } from "./helpers/wait-for.js";

const { url, prefix, redis } = useTestRedis();
const flakyPrefix = `${prefix.slice(0, -1)}-flaky}`;
let api: FakeTelegramApi;
let feeds: FeedServer;
let bot: ChildProcess;
let stderr = "";

beforeAll(async () => {
  api = await startFakeTelegramApi();
  feeds = await startFeedServer({
    radar: [
      {
        id: "a",
        title: "Serie A, le formazioni",
        date: "2026-01-10T08:00:00Z",
        text: "Le probabili formazioni della giornata.",
      },
    ],
  });
  const sources = join(tmpdir(), `mr-sources-${process.pid}.json`);
  writeFileSync(
    sources,
    JSON.stringify([{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }]),
  );
  sourcesFile = sources;
  bot = startBot(api);
  bot.stderr?.on("data", (d) => {
    stderr += String(d);
  });
});

let sourcesFile = "";
const bots: ChildProcess[] = [];
/** `npm start`'s process, as node --import tsx (not the tsx CLI: signals must reach our process). */
function startBot(fake: FakeTelegramApi, keyPrefix = prefix): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      REDIS_URL: url,
      REDIS_PREFIX: keyPrefix,
      SOURCES_FILE: sourcesFile,
      // The feed server is on 127.0.0.1.
      ALLOW_PRIVATE_ADDRESSES: "true",
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  bots.push(child);
  return child;
}

afterAll(async () => {
  await deleteByPrefix(redis, flakyPrefix);
  for (const b of bots) if (b.exitCode === null && b.signalCode === null) b.kill("SIGKILL");
  await feeds.close();
  await api.close();
});

describe("npm start with a Telegram token", () => {
  it("should answer /start through the Bot API, poll the sources, and stop cleanly on SIGTERM", {
    timeout: 30_000,
  }, async () => {
    // Long polling starts after the menus are registered and any webhook is deleted.
    await waitFor(() => api.calls.some((c) => c.method === "deleteWebhook"), 20_000);
    await waitFor(() => api.commands.size > 0, 10_000); // command menus registered beside the start
    api.pushText({ chat: { id: 4242, type: "private" }, from: { id: 4242 }, text: "/start" });
    await waitFor(() => api.sent.some((m) => m.chatId === "4242"), 10_000);
    await waitFor(() => feeds.requests.some((r) => r.path === "/radar.xml"), 10_000);
    const exited = new Promise<number | null>((r) => bot.once("exit", (code) => r(code)));
    bot.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/"level":(50|60)/); // no error or fatal log lines
  });

  it("should still exit on SIGTERM when the Bot API has gone away", { timeout: 40_000 }, async () => {
    const gone = await startFakeTelegramApi();
    const child = startBot(gone);
    await waitFor(() => gone.calls.some((c) => c.method === "deleteWebhook"), 20_000);
    await gone.close(); // the long poll now talks to nobody
    let err = "";
    child.stderr?.on("data", (d) => {
      err += String(d);
    });
    const started = Date.now();
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    // Issue 13, 11: grammY's last getUpdates rejected unhandled, Redis stayed open, exit 1 after 15 s.
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(err).not.toContain("unhandled rejection");
    expect(err).not.toContain("exiting anyway");
  });

  it("should start and answer when setMyCommands fails for a while, publishing the menus later", {
    timeout: 40_000,
  }, async () => {
    const flaky = await startFakeTelegramApi();
    flaky.setNextError("setMyCommands", { error_code: 502, description: "Bad Gateway" }, { times: 2 });
    // Its own prefix: the fake numbers updates from 1 again, and the update dedupe remembers ids.
    const child = startBot(flaky, flakyPrefix);
    flaky.pushText({ chat: { id: 4343, type: "private" }, from: { id: 4343 }, text: "/start" });
    await waitFor(() => flaky.sent.some((m) => m.chatId === "4343"), 20_000);
    await waitFor(() => flaky.commands.has("all_private_chats/it"), 20_000);
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    await flaky.close();
  });

  it("should say so in the log while the Bot API cannot be reached, and still stop on SIGTERM", {
    timeout: 40_000,
  }, async () => {
    const gone = await startFakeTelegramApi();
    await gone.close(); // its port now refuses connections
    const child = startBot(gone);
    let err = "";
    child.stderr?.on("data", (d) => {
      err += String(d);
    });
    await waitFor(() => err.includes("cannot reach the Bot API"), 20_000);
    const line = err.split("\n").find((l) => l.includes("cannot reach the Bot API"))!;
    expect(() => JSON.parse(line)).not.toThrow();
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });
});
