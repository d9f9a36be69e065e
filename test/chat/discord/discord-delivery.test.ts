import type { Job } from "bullmq";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type App, createApp, workerDeps } from "../../../src/app.js";
import { createDiscord, type Discord } from "../../../src/chat/discord/index.js";
import { DeliveryError } from "../../../src/chat/types.js";
import { createConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import { createProducers, startWorkers, type Workers } from "../../../src/pipeline.js";
import { type ChatAddress, DeliverQueue } from "../../../src/queues.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/fake-discord.js";
import { buildRumourEvent } from "../../helpers/builders.js";
import { useTestRedis } from "../../helpers/redis.js";
import { waitFor } from "../../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const log = silentLogger();

let fake: FakeDiscord;
let app: App;
/** Two "worker processes": each its own Discord client and workers; they share only Redis. */
const processes: { discord: Discord; workers: Workers; delivered: number }[] = [];
let nextChannel = 200_000_000_000_000_000n;
const newChannel = (): ChatAddress => ({ platform: "discord", id: String(++nextChannel) });

/** One alert waiting for a channel, and the deliver job that sends it. */
async function alert(chat: ChatAddress): Promise<void> {
  await app.outbox.put(chat, { alert: buildRumourEvent(), matched: ["watch:Kim Min-Jae"] });
  await createProducers(app.queues).enqueueDeliver(chat, 0);
}
const statusesTo = (chat: ChatAddress) =>
  fake.requests.filter((r) => r.path.endsWith(`/channels/${chat.id}/messages`)).map((r) => r.status);

beforeAll(async () => {
  // Discord's global 50/s; a small channel bucket (2 per second) so the tests see it run out.
  fake = await startFakeDiscord({ globalPerSecond: 50, route: { limit: 2, windowMs: 1000 } });
  const config = createConfig({
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_ROOT: fake.apiRoot,
  });
  app = createApp(config, log, { sources: [] });
  for (let i = 0; i < 2; i++) {
    const discord = createDiscord({
      ...app,
      token: fake.token,
      applicationId: fake.applicationId,
      apiRoot: fake.apiRoot,
    });
    const workers = startWorkers(app.queues, workerDeps(app, [discord.adapter]));
    const p = { discord, workers, delivered: 0 };
    const deliverer = workers.workers.find((w) => w.name === DeliverQueue.discord)!;
    deliverer.on("completed", (_job: Job, result: string) => {
      if (result === "sent") p.delivered++;
    });
    processes.push(p);
  }
});

afterAll(async () => {
  for (const p of processes) await p.workers.close();
  await app?.close();
  await fake?.close();
});

beforeEach(() => {
  fake.tooMany.global = 0;
  fake.tooMany.route = 0;
});

describe("Discord delivery rules", () => {
  it("should keep under the global 50 requests/s across two worker processes, without a 429", async () => {
    const chats = Array.from({ length: 150 }, newChannel);
    const before = fake.messages.length;
    for (const chat of chats) await alert(chat);
    await waitFor(() => fake.messages.length - before === 150, 8000);
    const at = fake.messages.slice(before).map((m) => m.at);
    // Discord counts 50 per window that starts with a request (as the fake does): no 429 is the proof.
    // On average the two processes together stay under 50/s too.
    expect((at.length - 1) / ((at.at(-1)! - at[0]!) / 1000)).toBeLessThanOrEqual(50);
    expect(fake.tooMany).toMatchObject({ global: 0, route: 0 });
    expect(processes.every((p) => p.delivered > 0)).toBe(true);
  });

  it("should wait for a channel's bucket learned from the headers, in whichever process sends next", async () => {
    const chat = newChannel();
    for (let n = 1; n <= 4; n++) {
      await alert(chat);
      await waitFor(() => fake.messagesTo(chat.id).length === n, 4000);
    }
    const at = fake.messagesTo(chat.id).map((m) => m.at);
    expect(at[2]! - at[0]!).toBeGreaterThanOrEqual(1000); // the third waited for the bucket to reset
    expect(fake.tooMany).toMatchObject({ global: 0, route: 0 });
  });

  it("should obey a 429's wait (the body's precise retry_after) and send once it has passed", async () => {
    const chat = newChannel();
    const path = new RegExp(`/channels/${chat.id}/messages$`);
    fake.inject(
      { method: "POST", path },
      {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: 1.2, global: false },
        headers: { "retry-after": "2" },
      },
    );
    await alert(chat);
    await waitFor(() => fake.messagesTo(chat.id).length === 1, 6000);
    const [limited, sent] = fake.requests.filter((r) => path.test(r.path));
    expect(sent!.at - limited!.at).toBeGreaterThanOrEqual(1200);
    expect(statusesTo(chat)).toEqual([429, 200]);
  });

  it("should obey a 429's Retry-After header when the body has no wait", async () => {
    const chat = newChannel();
    const path = new RegExp(`/channels/${chat.id}/messages$`);
    fake.inject(
      { method: "POST", path },
      { status: 429, body: { message: "Slow down" }, headers: { "retry-after": "2" } },
    );
    await alert(chat);
    await waitFor(() => fake.messagesTo(chat.id).length === 1, 6000);
    const [limited, sent] = fake.requests.filter((r) => path.test(r.path));
    expect(sent!.at - limited!.at).toBeGreaterThanOrEqual(2000);
  });

  it("should read the wait and the global flag from a 429's body when the header is missing", async () => {
    const chat = newChannel();
    fake.inject(
      { method: "POST", path: new RegExp(`/channels/${chat.id}/messages$`) },
      { status: 429, body: { message: "You are being rate limited.", retry_after: 0.8, global: true } },
    );
    const err = await processes[0]!.discord.adapter
      .send({ chat, items: [{ alert: buildRumourEvent(), matched: ["watch:Kim Min-Jae"] }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).code).toBe("RATE_LIMITED");
    expect((err as DeliveryError).message).toContain("global");
    expect((err as DeliveryError).details.retryAfterMs).toBeGreaterThanOrEqual(800);
    await new Promise((r) => setTimeout(r, 900)); // let the global wait pass for the next tests
  });

  it.each([
    [403, 50001, "Missing Access"],
    [403, 50013, "Missing Permissions"],
    [404, 10003, "Unknown Channel"],
  ])("should pause a channel on %i %i (%s) and keep its subscriptions", async (status, code, message) => {
    const chat = newChannel();
    await app.subscriptions.watch(chat, { key: "kim-min-jae", name: "Kim Min-Jae" });
    fake.setChannelError(chat.id, { status, body: { message, code } });
    await alert(chat);
    await waitFor(async () => (await app.chatState.paused(chat)) !== null, 4000);
    expect((await app.chatState.paused(chat))?.reason).toContain(String(code));
    expect((await app.subscriptions.list(chat)).players).toHaveLength(1);
    expect(await app.outbox.size(chat)).toBe(1); // kept for when the channel comes back
    expect(statusesTo(chat)).toEqual([status]);
  });

  it("should retry a 5xx with backoff and send once it recovers", async () => {
    const chat = newChannel();
    fake.inject({ method: "POST", path: new RegExp(`/channels/${chat.id}/messages$`) }, { status: 502 }, 2);
    await alert(chat);
    await waitFor(() => fake.messagesTo(chat.id).length === 1, 8000);
    expect(statusesTo(chat)).toEqual([502, 502, 200]);
  });

  it("should land in the failed set when 5xx go on past the attempts", async () => {
    const chat = newChannel();
    fake.setChannelError(chat.id, { status: 503, body: { message: "Service Unavailable", code: 0 } });
    await app.outbox.put(chat, { alert: buildRumourEvent(), matched: ["watch:Kim Min-Jae"] });
    const queue = app.queues.deliver.discord;
    const job = await queue.add(
      DeliverQueue.discord,
      { chat },
      { attempts: 3, backoff: { type: "fixed", delay: 100 } },
    );
    await waitFor(async () => (await job.getState()) === "failed", 6000);
    const failed = await queue.getJob(job.id!);
    expect(await failed?.getState()).toBe("failed");
    expect(failed?.attemptsMade).toBe(3);
    expect(failed?.failedReason).toContain("503");
    expect(await app.chatState.paused(chat)).toBeNull();
  });
});
