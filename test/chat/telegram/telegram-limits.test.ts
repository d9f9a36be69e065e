import { describe, expect, it } from "vitest";
import { createTelegramLimits } from "../../../src/chat/telegram/index.js";
import { createRedis } from "../../../src/redis.js";
import { useTestRedis } from "../../helpers/redis.js";
import { tg } from "./telegram-harness.js";

const { redis, keys, url } = useTestRedis();
const options = { chatGapMs: 300, groupMax: 3, groupWindowMs: 1500, marginMs: 0 };

describe("createTelegramLimits", () => {
  it("should give a chat one slot per gap and say how long to wait", async () => {
    const limits = createTelegramLimits(redis, keys, options);
    expect(await limits.reserve(tg(1))).toBe(0);
    const wait = await limits.reserve(tg(1));
    expect(wait).toBeGreaterThan(200);
    expect(wait).toBeLessThanOrEqual(300);
    expect(await limits.reserve(tg(2))).toBe(0); // another chat is not held up
  });

  it("should hold across processes: two connections share one chat's slots", async () => {
    const other = createRedis(url);
    try {
      const a = createTelegramLimits(redis, keys, options);
      const b = createTelegramLimits(other, keys, options);
      expect(await a.reserve(tg(3))).toBe(0);
      expect(await b.reserve(tg(3))).toBeGreaterThan(0);
    } finally {
      other.disconnect();
    }
  });

  it("should cap a group per window, counting from its oldest send", async () => {
    const limits = createTelegramLimits(redis, keys, options);
    const group = tg(-100);
    const started = Date.now();
    for (let sent = 0; sent < 3; ) {
      const wait = await limits.reserve(group);
      if (wait === 0) sent++;
      else await new Promise((r) => setTimeout(r, wait));
    }
    const wait = await limits.reserve(group);
    expect(wait).toBeGreaterThan(1500 - (Date.now() - started) - 50);
    expect(wait).toBeGreaterThan(300); // the window, not the chat gap
  });

  it("should not apply the group cap to private chats", async () => {
    const limits = createTelegramLimits(redis, keys, { ...options, chatGapMs: 1 });
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 5));
      expect(await limits.reserve(tg(200))).toBe(0);
    }
  });
});
