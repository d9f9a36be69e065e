import { describe, expect, it } from "vitest";
import type { ChatAddress } from "../../src/queues.js";
import { createChatStateStore } from "../../src/subscriptions/chat-state-store.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const c = (id: string): ChatAddress => ({ platform: "telegram", id });

describe("quiet hours among many chats", () => {
  it("should return only the chats that set quiet hours, including those set before the index existed", async () => {
    const store = createChatStateStore(redis, keys);
    // Written the way the store wrote quiet hours before the `chat:quiet` set: the state hash alone.
    await redis.hset(keys.key("chat", "telegram:1", "state"), { quietFrom: "23:00", quietTo: "07:00" });
    await store.setQuiet(c("2"), { from: "22:00", to: "06:00" });
    await store.setLang(c("3"), "en");
    const quiet = await store.quietAmong([c("1"), c("2"), c("3"), c("4")]);
    expect([...quiet.keys()].sort()).toEqual(["telegram:1", "telegram:2"]);
    expect(quiet.get("telegram:2")?.quiet).toEqual({ from: "22:00", to: "06:00" });
    // Turned off, and moved: the index follows.
    await store.setQuiet(c("2"), null);
    await store.moveChat(c("1"), c("-100"));
    const after = await createChatStateStore(redis, keys).quietAmong([c("1"), c("2"), c("-100")]);
    expect([...after.keys()]).toEqual(["telegram:-100"]);
  });
});
