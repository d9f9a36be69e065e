import { Worker } from "bullmq";
import { describe, expect, it } from "vitest";
import { deliveryPriority } from "../../jobs/fanout.js";
import { createProducers, createQueues } from "../../src/pipeline.js";
import { DeliverJobSchema, DeliverQueue } from "../../src/queues.js";
import { createWorkerRedis } from "../../src/redis.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, url, prefix } = useTestRedis();

describe("delivery order", () => {
  it("should deliver a small audience's alert before a queued broadcast, and a chat's own retry before both", async () => {
    const queues = createQueues(redis, prefix);
    const producers = createProducers(queues);
    // A broadcast already queued: 20 chunks of a 100,000-chat audience.
    for (let i = 0; i < 20; i++)
      await producers.enqueueDeliveries({
        platform: "console",
        chatIds: [`big-${i}`],
        jobId: `big:${i}`,
        delayMs: 0,
        priority: deliveryPriority(100_000),
      });
    await producers.enqueueDeliveries({
      platform: "console",
      chatIds: ["small"],
      jobId: "small:1",
      delayMs: 0,
      priority: deliveryPriority(3),
    });
    await producers.enqueueDeliver({ platform: "console", id: "retry" }, 0);
    const order: string[] = [];
    const connection = createWorkerRedis(url);
    const worker = new Worker(
      DeliverQueue.console,
      async (job) => {
        const d = DeliverJobSchema.parse(job.data);
        order.push("chats" in d ? d.chats[0]! : d.chat.id);
      },
      { connection, prefix, concurrency: 1 },
    );
    try {
      for (let t = 0; order.length < 22 && t < 100; t++) await new Promise((r) => setTimeout(r, 50));
      expect(order.slice(0, 3)).toEqual(["retry", "small", "big-0"]);
      expect(order).toHaveLength(22);
    } finally {
      await worker.close();
      connection.disconnect();
      await queues.close();
    }
  });
});
