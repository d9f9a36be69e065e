import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FeedServer, startFeedServer } from "../src/demo/feed-server.js";
import { projectRoot } from "../src/paths.js";
import { type FakeTelegramApi, startFakeTelegramApi } from "./fakes/fake-telegram-api.js";
import { useTestRedis } from "./helpers/redis.js";
import { waitFor } from "./helpers/wait-for.js";

const { url, prefix } = useTestRedis();
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
function startBot(fake: FakeTelegramApi): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: projectRoot,
    env: {
      ...process.env,
      REDIS_URL: url,
      REDIS_PREFIX: prefix,
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
    expect(api.commands.size).toBeGreaterThan(0); // command menus registered at start
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
    const started = Date.now();
    const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
    child.kill("SIGTERM");
    await exited;
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
