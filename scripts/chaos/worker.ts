/**
 * One worker role of the chaos run, in a process of its own so that it can be killed with SIGKILL: the
 * real app wiring (createApp, startWorkers) with the console platform sending to the chaos sink.
 * Env: the bot's own variables plus CHAOS_ROLE (ingest | fanout | deliver, or all: the three at once, as the
 * cluster test runs two such processes side by side) and CHAOS_SINK (the sink URL).
 */
import { createApp, workerDeps } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { createLogger } from "../../src/log.js";
import { startWorkers } from "../../src/pipeline.js";
import { QueueName } from "../../src/queues.js";
import { sinkAdapter } from "./sink.js";

const ROLE_QUEUE = {
  ingest: [QueueName.Ingest],
  fanout: [QueueName.Fanout],
  deliver: [QueueName.DeliverConsole],
  all: [QueueName.Ingest, QueueName.Fanout, QueueName.DeliverConsole],
} as const;

const role = process.env.CHAOS_ROLE as keyof typeof ROLE_QUEUE;
const queues = ROLE_QUEUE[role];
if (!queues || !process.env.CHAOS_SINK) {
  process.stderr.write("CHAOS_ROLE (ingest|fanout|deliver|all) and CHAOS_SINK are required\n");
  process.exit(2);
}
const config = createConfig(process.env);
const log = createLogger(config.LOG_LEVEL);
const app = createApp(config, log, { sources: [] });
startWorkers(app.queues, {
  ...workerDeps(app, [sinkAdapter(process.env.CHAOS_SINK)]),
  only: [...queues],
  concurrency: { [QueueName.DeliverConsole]: 16 },
  // Short locks so that a killed worker's job runs again within seconds, not the default 30 s.
  lockDurationMs: Number(process.env.CHAOS_LOCK_MS ?? 3000),
});
process.stdout.write("ready\n");
