import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext } from "../../commands/types.js";
import { type App, createApp, workerDeps } from "../../src/app.js";
import { createConsoleChat } from "../../src/chat/console-chat.js";
import { createConfig } from "../../src/config.js";
import { type FeedServer, startFeedServer } from "../../src/demo/feed-server.js";
import { silentLogger } from "../../src/log.js";
import { startWorkers, type Workers } from "../../src/pipeline.js";
import { type ChatAddress, QueueName } from "../../src/queues.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const log = silentLogger();
const printed: string[] = [];
let app: App;
let workers: Workers;
let feeds: FeedServer;
const chat: ChatAddress = { platform: "console", id: "local" };

// Articles written for this test.
const fixture = {
  id: "calendar",
  title: "Serie A, cambia l'orario di Milan-Lazio",
  date: "2026-01-10T08:00:00Z",
  text: "La Lega ha spostato l'anticipo di sabato alle 18 per motivi di ordine pubblico.",
};
const kim = {
  id: "kim-talks",
  title: "Milan, contatti con il Bayern Monaco per Kim Min-Jae",
  date: "2026-01-12T09:00:00Z",
  text: "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae: il difensore sudcoreano piace ai rossoneri per gennaio.",
};

beforeAll(async () => {
  feeds = await startFeedServer({ radar: [fixture] });
  const config = createConfig({
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: "50",
    // The feed server is on 127.0.0.1.
    ALLOW_PRIVATE_ADDRESSES: "true",
  });
  app = createApp(config, log, {
    sources: [{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }],
  });
  const console = createConsoleChat({
    deps: app.commandDeps,
    log,
    lang: "en",
    out: { write: (t) => void printed.push(t) },
  });
  workers = startWorkers(app.queues, workerDeps(app, [console.adapter]));
  const ctx: CommandContext = {
    platform: "console",
    chat,
    chatKind: "private",
    userId: "me",
    isAdmin: true,
    lang: "en",
    deps: app.commandDeps,
  };
  await runTextCommand("/watch Kim Min-Jae", ctx, log);
  // Quiet hours around the current time in Rome, so the alert waits for the digest.
  const rome = DateTime.now().setZone("Europe/Rome");
  const hhmm = (d: DateTime) => d.toFormat("HH:mm");
  await runTextCommand(`/quiet ${hhmm(rome.minus({ hours: 1 }))}-${hhmm(rome.plus({ hours: 1 }))}`, ctx, log);
});

afterAll(async () => {
  await workers.close();
  await app.close();
  await feeds.close();
});

describe("from feed to digest in the console chat", () => {
  it("should hold an alert during quiet hours and deliver it in the digest", async () => {
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" }); // first fetch: remembered only
    await waitFor(async () => (await app.sourceStore.listHealth(["radar"]))[0]?.lastOkAt !== null);
    feeds.publish({ radar: [kim, fixture] });
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
    await waitFor(async () => (await app.held.list(chat)).alerts.length === 1, 5000);
    expect(printed.filter((p) => p.startsWith("🔔"))).toEqual([]);

    await app.digestSchedule.set(chat, new Date());
    await app.queues.digestTick.add(QueueName.DigestTick, {});
    await waitFor(() => printed.some((p) => p.startsWith("📰")), 5000);
    const digest = printed.find((p) => p.startsWith("📰"))!;
    expect(digest).toMatch(/Kim Min-jae \(Bayern Munich\)/i);
    expect(digest).toMatch(/Milan: talks · 1 outlet \(held during quiet hours\)/);
    expect(await app.held.list(chat)).toEqual({ alerts: [], read: 0 });
    // The next digest is planned for tomorrow at 09:00 Rome time.
    const next = await app.digestSchedule.next(chat);
    expect(DateTime.fromJSDate(next!).setZone("Europe/Rome").toFormat("HH:mm")).toBe("09:00");
  });
});
