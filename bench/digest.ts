import { performance } from "node:perf_hooks";
import { processDigestTick } from "../jobs/digest-tick.js";
import { createDigestSchedule } from "../src/digest/digest-schedule.js";
import { nextDigestAt } from "../src/digest/schedule.js";
import { silentLogger } from "../src/log.js";
import { createChatStateStore } from "../src/subscriptions/chat-state-store.js";
import { usedMemory, withBenchRedis } from "./bench-redis.js";
import type { Bench } from "./types.js";

const CHATS = 100_000;

const bench: Bench = () =>
  withBenchRedis(async ({ redis, keys }) => {
    const schedule = createDigestSchedule(redis, keys);
    const chatState = createChatStateStore(redis, keys);
    const start = new Date("2026-03-10T00:00:00Z");
    const before = await usedMemory(redis);
    for (let i = 0; i < CHATS; i += 1000) {
      const pipe = redis.pipeline();
      for (let j = i; j < Math.min(CHATS, i + 1000); j++) {
        const minute = (j * 7919) % 1440; // spread over the day
        const time = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
        const chat = `telegram:${100000000 + j}`;
        pipe.hset(keys.key("chat", chat, "state"), { digest: time, zone: "Europe/Rome", lang: "it" });
        pipe.zadd(keys.key("digest", "due"), nextDigestAt(time, "Europe/Rome", start).getTime(), chat);
      }
      await pipe.exec();
    }
    const after = await usedMemory(redis);
    const zsetBytes = Number(await redis.memory("USAGE", keys.key("digest", "due")));

    const tickAt = async (at: Date) => {
      let due = 0;
      const t0 = performance.now();
      await processDigestTick(
        {},
        { schedule, chatState, log: silentLogger(), now: () => at, enqueueDigest: async () => void due++ },
      );
      return { ms: performance.now() - t0, due };
    };
    // Normal operation: a tick every 30 s finds the chats of one minute (~70 of 100,000). The first tick
    // takes the night's digests, so the measured ones are steady state.
    await tickAt(new Date(start.getTime() + (8 * 60 + 59) * 60_000 + 30_000));
    const minutes: { ms: number; due: number }[] = [];
    for (let m = 0; m < 10; m++)
      minutes.push(await tickAt(new Date(start.getTime() + (9 * 60 + m) * 60_000)));
    const normal = minutes.reduce((a, b) => ({ ms: a.ms + b.ms, due: a.due + b.due }), { ms: 0, due: 0 });
    const empty = await tickAt(new Date(start.getTime() + (9 * 60 + 9) * 60_000 + 30_000));
    // After an hour down: one tick catches up ~4,200 chats, once each.
    const catchUp = await tickAt(new Date(start.getTime() + (10 * 60 + 10) * 60_000));
    const again = await tickAt(new Date(start.getTime() + (10 * 60 + 10) * 60_000 + 30_000));
    return [
      {
        name: "digest tick, one minute's chats",
        value: `${(normal.ms / minutes.length).toFixed(1)} ms`,
        note: `${(normal.due / minutes.length).toFixed(0)} chats due per tick of ${CHATS.toLocaleString("en")}; an empty tick ${empty.ms.toFixed(1)} ms`,
      },
      {
        name: "digest tick, catch-up after 1 h down",
        value: `${catchUp.ms.toFixed(0)} ms`,
        note: `${catchUp.due} chats due, each once (the next tick finds ${again.due})`,
      },
      {
        name: "Redis memory per chat (digest)",
        value: `${((after - before) / CHATS).toFixed(0)} B`,
        note: `schedule entry + settings hash; the sorted set alone ${(zsetBytes / CHATS).toFixed(0)} B/chat`,
      },
    ];
  });
export default bench;
