/**
 * The fake chat platform of the chaos run: an instant HTTP endpoint on loopback that counts every
 * message it receives, per chat and alert. What it received is the ground truth of lost and duplicated.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatAdapter, DeliveryError } from "../../src/chat/types.js";

export interface Sink {
  url: string;
  /** "chat\talert id" → times received. */
  counts: Map<string, number>;
  /** Every message's arrival time (ms) and how many distinct chat–alert pairs had arrived by then. */
  arrivals: { at: number; pairs: number }[];
  reset(): void;
  close(): Promise<void>;
}

export async function startSink(): Promise<Sink> {
  const counts = new Map<string, number>();
  const arrivals: Sink["arrivals"] = [];
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => {
      body += d.toString();
    });
    req.on("end", () => {
      try {
        const { chat, ids } = JSON.parse(body) as { chat: string; ids: string[] };
        for (const id of ids) counts.set(`${chat}\t${id}`, (counts.get(`${chat}\t${id}`) ?? 0) + 1);
        arrivals.push({ at: Date.now(), pairs: counts.size });
        res.end("ok");
      } catch {
        res.statusCode = 400;
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    counts,
    arrivals,
    reset: () => {
      counts.clear();
      arrivals.length = 0;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** The console platform's adapter in a chaos worker: every message goes to the sink. */
export function sinkAdapter(url: string): ChatAdapter {
  return {
    platform: "console",
    async send(message) {
      const res = await fetch(url, {
        method: "POST",
        body: JSON.stringify({ chat: message.chat.id, ids: message.items.map((i) => i.alert.id) }),
        signal: AbortSignal.timeout(5000),
      }).catch((err: unknown) => {
        throw new DeliveryError("TRANSIENT", "sink unreachable", { cause: err });
      });
      if (!res.ok) throw new DeliveryError("TRANSIENT", `sink answered ${res.status}`);
      await res.text();
    },
  };
}
