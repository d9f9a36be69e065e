import { afterAll, describe, expect, it } from "vitest";
import { createDiscordLimits, DISCORD_GLOBAL_PER_SECOND } from "../../../src/chat/discord/discord-limits.js";
import { createRedis, type Redis } from "../../../src/redis.js";
import { busiest, STALL_ALLOWANCE_MS } from "../../helpers/busiest.js";
import { useTestRedis } from "../../helpers/redis.js";

const { keys, url } = useTestRedis();
const clients: Redis[] = [];
afterAll(() => {
  for (const r of clients) r.disconnect();
});

describe("Discord's global limit, per request in Redis", () => {
  it("should let at most 50 requests of several processes leave in any second together", async () => {
    // Two processes (two connections), 40 senders each, 130 requests: as jobs of one channel or of many.
    const processes = [0, 1].map(() => {
      const redis = createRedis(url);
      clients.push(redis);
      return createDiscordLimits(redis, keys);
    });
    const departures: number[] = [];
    let next = 0;
    const sender = async (limits: (typeof processes)[number]) => {
      while (next++ < 130) {
        // A pace booked more than 3 s ahead (-ms): wait that long and book again, as the queue would.
        for (let wait = await limits.scheduleGlobal(3000); ; wait = await limits.scheduleGlobal(3000)) {
          await new Promise((r) => setTimeout(r, Math.abs(wait)));
          if (wait >= 0) break;
        }
        expect(await limits.departGlobal()).toBe(0);
        departures.push(Date.now());
      }
    };
    await Promise.all(processes.flatMap((l) => Array.from({ length: 40 }, () => sender(l))));
    expect(departures).toHaveLength(130);
    // Departures are logged on Redis's clock; this process's own pauses on a busy machine can move the
    // moment it sees one by up to a stall. Unpaced, all 130 would leave within a few hundred ms.
    expect(busiest(departures, 1000 - STALL_ALLOWANCE_MS)).toBeLessThanOrEqual(DISCORD_GLOBAL_PER_SECOND);
  });
});
