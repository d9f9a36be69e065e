import { afterAll, describe, expect, it } from "vitest";
import { createApp, workerDeps } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { silentLogger } from "../../src/log.js";
import { startWorkers } from "../../src/pipeline.js";
import { deleteKeysByPrefix } from "../../src/redis-cleanup.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const app = createApp(createConfig({ REDIS_URL: url, REDIS_PREFIX: prefix }), silentLogger(), {
  sources: [{ id: "slow", name: "Slow", url: "http://127.0.0.1:9/feed.xml", language: "it" }],
});
afterAll(async () => {
  await deleteKeysByPrefix(app.redis, prefix);
  await app.close();
});

describe("closing the workers at shutdown (issue 13, 11)", () => {
  it("should wait for running jobs at most the grace, leaving them in Redis for a retry", {
    timeout: 20_000,
  }, async () => {
    let started = false;
    const deps = workerDeps(app, []);
    // A job that outlives any shutdown: a poll that never answers.
    deps.poll.poll = () => {
      started = true;
      return new Promise(() => {});
    };
    const workers = startWorkers(app.queues, deps);
    await app.queues.poll.add("poll", { sourceId: "slow" }, { jobId: "slow-1" });
    await waitFor(() => started, 5000);
    const t0 = Date.now();
    await workers.close(500);
    expect(Date.now() - t0).toBeLessThan(3000);
    const job = await app.queues.poll.getJob("slow-1");
    // Neither completed nor failed: BullMQ hands it out again once its lock lapses (a stalled job).
    expect(["active", "waiting", "delayed"]).toContain(await job!.getState());
  });
});
