/**
 * The fake Discord in a worker thread of its own, for the delivery bench: Discord is not inside the bot's
 * process, and a fake that shared the bot's event loop would stamp the bot's own pauses on its arrival
 * times and count them against the limit.
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { type FakeDiscordOptions, startFakeDiscord } from "../test/fakes/fake-discord.js";

/** What the bench reads from the fake at the end. */
export interface FakeDiscordStats {
  messages: number;
  channels: number;
  firstAt: number;
  lastAt: number;
  tooMany: { global: number; route: number; injected: number };
}

export interface FakeDiscordThread {
  apiRoot: string;
  token: string;
  applicationId: string;
  stats(): Promise<FakeDiscordStats>;
  close(): Promise<void>;
}

/** Starts the fake in a worker thread and returns its address and a way to read its counts. */
export async function startFakeDiscordThread(opts: FakeDiscordOptions): Promise<FakeDiscordThread> {
  // The thread loads this TypeScript file through tsx's loader, as the bench itself runs.
  const boot = `(async () => {
    const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))});
    register();
    await import(${JSON.stringify(import.meta.url)});
  })();`;
  const worker = new Worker(boot, { eval: true, workerData: opts });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      const onMessage = (m: { type: string; value: T }) => {
        if (m.type !== type) return;
        worker.off("message", onMessage);
        resolve(m.value);
      };
      worker.on("message", onMessage);
      worker.postMessage(type);
    });
  const info = await ask<{ apiRoot: string; token: string; applicationId: string }>("info");
  return {
    ...info,
    stats: () => ask<FakeDiscordStats>("stats"),
    async close() {
      await ask("close");
      await worker.terminate();
    },
  };
}

if (!isMainThread && parentPort) {
  const port = parentPort;
  const fake = await startFakeDiscord(workerData as FakeDiscordOptions);
  const channels = new Set<string>();
  let counted = 0;
  port.on("message", async (type: string) => {
    if (type === "info") {
      port.postMessage({
        type,
        value: { apiRoot: fake.apiRoot, token: fake.token, applicationId: fake.applicationId },
      });
    } else if (type === "stats") {
      // Only the messages since the last call: a pass over all of them on every poll would stall the
      // fake's own event loop more as the run goes on, and stamp that stall on arrival times.
      for (; counted < fake.messages.length; counted++) channels.add(fake.messages[counted]!.channelId);
      const value: FakeDiscordStats = {
        messages: fake.messages.length,
        channels: channels.size,
        firstAt: fake.messages[0]?.at ?? 0,
        lastAt: fake.messages.at(-1)?.at ?? 0,
        tooMany: { ...fake.tooMany },
      };
      port.postMessage({ type, value });
    } else if (type === "close") {
      await fake.close();
      port.postMessage({ type, value: null });
    }
  });
}
