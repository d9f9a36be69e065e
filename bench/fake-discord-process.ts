/**
 * The fake Discord in a process of its own, at a raised scheduling priority where the OS allows it, for the
 * delivery bench: Discord is not on the bot's machine, and a fake that shared the bot's CPU (or its event
 * loop) would stamp the machine's own pauses, the CPU hog's among them, on its arrival times and count them
 * against the limit.
 */
import { fork } from "node:child_process";
import { setPriority } from "node:os";
import { fileURLToPath } from "node:url";
import { type FakeDiscordOptions, startFakeDiscord } from "../test/fakes/fake-discord.js";

/** What the bench reads from the fake at the end. */
export interface FakeDiscordStats {
  messages: number;
  channels: number;
  firstAt: number;
  lastAt: number;
  tooMany: { global: number; route: number; injected: number };
}

export interface FakeDiscordProcess {
  apiRoot: string;
  token: string;
  applicationId: string;
  stats(): Promise<FakeDiscordStats>;
  close(): Promise<void>;
}

/** Starts the fake in a child process and returns its address and a way to read its counts. */
export async function startFakeDiscordProcess(opts: FakeDiscordOptions): Promise<FakeDiscordProcess> {
  const child = fork(fileURLToPath(import.meta.url), ["--fake-discord", JSON.stringify(opts)], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  try {
    setPriority(child.pid!, -10);
  } catch {
    // Not allowed here (no privilege): the fake still runs apart from the bot's event loop.
  }
  const ask = <T>(type: string) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (m: { type: string; value: T }) => {
        if (m.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(m.value);
      };
      const onExit = () => reject(new Error("the fake Discord process exited"));
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send(type);
    });
  // The child says where it listens once it does; a message sent before it listens would be lost.
  const info = await new Promise<{ apiRoot: string; token: string; applicationId: string }>(
    (resolve, reject) => {
      child.once("exit", () => reject(new Error("the fake Discord process exited")));
      child.on("message", (m: { type: string; value: never }) => {
        if (m.type === "info") resolve(m.value);
      });
    },
  );
  return {
    ...info,
    stats: () => ask<FakeDiscordStats>("stats"),
    async close() {
      await ask("close");
      child.kill();
    },
  };
}

const flag = process.argv.indexOf("--fake-discord");
if (flag >= 0 && process.send) {
  const port = { postMessage: (m: unknown) => process.send!(m) };
  const fake = await startFakeDiscord(JSON.parse(process.argv[flag + 1]!) as FakeDiscordOptions);
  const channels = new Set<string>();
  let counted = 0;
  process.on("message", async (type: string) => {
    if (type === "stats") {
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
  port.postMessage({
    type: "info",
    value: { apiRoot: fake.apiRoot, token: fake.token, applicationId: fake.applicationId },
  });
}
