import { describe, expect, it } from "vitest";
import type { ChatAddress } from "../../src/queues.js";
import { createSubscriptionStore } from "../../src/subscriptions/subscription-store.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const store = createSubscriptionStore(redis, keys, { maxPerChat: 3 });
const a: ChatAddress = { platform: "telegram", id: "100" };
const b: ChatAddress = { platform: "discord", id: "200" };
const kim = { key: "kim-min-jae", name: "Kim Min-Jae" };

describe("createSubscriptionStore", () => {
  it("should index watchers and followers both ways", async () => {
    expect(await store.watch(a, kim)).toBe("added");
    expect(await store.watch(a, kim)).toBe("exists");
    expect(await store.watch(b, kim)).toBe("added");
    expect(await store.follow(a, "Milan")).toBe("added");
    expect((await store.watchersOf("kim-min-jae")).map((c) => c.id).sort()).toEqual(["100", "200"]);
    expect(await store.followersOf("Milan")).toEqual([a]);
    expect(await store.followersOf("Inter")).toEqual([]);
    expect(await store.list(a)).toEqual({ players: [kim], clubs: ["Milan"] });
  });

  it("should refuse entries past the per-chat cap and change nothing", async () => {
    expect(await store.follow(a, "Inter")).toBe("added");
    expect(await store.follow(a, "Roma")).toBe("full");
    expect(await store.followersOf("Roma")).toEqual([]);
    expect((await store.list(a)).clubs).toEqual(["Inter", "Milan"]);
  });

  it("should remove from both sides", async () => {
    expect(await store.unwatch(b, "kim-min-jae")).toBe(true);
    expect(await store.unwatch(b, "kim-min-jae")).toBe(false);
    expect(await store.watchersOf("kim-min-jae")).toEqual([a]);
  });

  it("should move every subscription to a new chat id", async () => {
    const moved: ChatAddress = { platform: "telegram", id: "-100999" };
    await store.moveChat(a, moved);
    expect(await store.list(a)).toEqual({ players: [], clubs: [] });
    expect((await store.list(moved)).clubs).toEqual(["Inter", "Milan"]);
    expect(await store.watchersOf("kim-min-jae")).toEqual([moved]);
  });
});
