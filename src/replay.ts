/**
 * Replay: article files through ingest, dedupe and the alert policy in date order, as if they had arrived
 * that way, with chats that watch or follow what the command line says. Runs the real processors on a
 * private key prefix of a real Redis, removed afterwards.
 */
import { randomUUID } from "node:crypto";
import { runTextCommand } from "../commands/run-command.js";
import type { CommandContext } from "../commands/types.js";
import { processFanout } from "../jobs/fanout.js";
import { processIngest } from "../jobs/ingest.js";
import { createApp } from "./app.js";
import type { Config } from "./config.js";
import type { Logger } from "./log.js";
import { type ArticleFile, readArticleFile } from "./news/article-file.js";
import type { ChatAddress, IngestJob } from "./queues.js";
import { STAGE_RANK } from "./understand/types.js";

export interface ReplayAlert {
  watcher: string;
  file: string;
  player: string;
  clubs: string[];
  stage: string;
  kind: string;
  /** Each club that moved, at its own stage. */
  changes: { club: string; stage: string }[];
}

export interface ReplayOptions {
  watch: string[];
  follow: string[];
  files: string[];
}

/** The outlet of an article without an `outlet:` header: its URL's host, else "unknown". */
function outletOf(url: string | null): string {
  try {
    return (url && new URL(url).hostname.replace(/^www\./, "")) || "unknown";
  } catch {
    return "unknown";
  }
}

/** Dated files first in date order, then undated ones in the order given. */
export function replayOrder(files: ArticleFile[]): ArticleFile[] {
  const dated = files.filter((f) => f.date && !Number.isNaN(Date.parse(f.date)));
  const undated = files.filter((f) => !dated.includes(f));
  return [...dated.sort((a, b) => Date.parse(a.date!) - Date.parse(b.date!)), ...undated];
}

/** One alert line per delivered message, in the order they would have been pushed. */
export async function replay(config: Config, log: Logger, opts: ReplayOptions): Promise<ReplayAlert[]> {
  const prefix = `{replay-${randomUUID().slice(0, 8)}}`;
  const app = createApp({ ...config, REDIS_PREFIX: prefix }, log, { sources: [] });
  try {
    const watchers = new Map<string, string>(); // chat id → "watch:NAME" / "follow:CLUB"
    for (const [verb, names] of [
      ["watch", opts.watch],
      ["follow", opts.follow],
    ] as const) {
      for (const name of names) {
        const label = `${verb}:${name}`;
        const chat: ChatAddress = { platform: "console", id: label.slice(0, 100) };
        const ctx: CommandContext = {
          platform: "console",
          chat,
          chatKind: "private",
          userId: "replay",
          isAdmin: true,
          lang: "en",
          deps: app.commandDeps,
        };
        const reply = await runTextCommand(`/${verb} ${name}`, ctx, log);
        log.info({ label, reply: reply?.text }, "replay subscription");
        watchers.set(chat.id, label);
      }
    }

    const files = replayOrder(await Promise.all(opts.files.map(readArticleFile)));
    const alerts: ReplayAlert[] = [];
    let clock = new Date(0);
    for (const f of files) {
      if (f.date && !Number.isNaN(Date.parse(f.date))) clock = new Date(Date.parse(f.date));
      const job: IngestJob = {
        sourceId: "replay",
        outlet: f.outlet ?? outletOf(f.url),
        url: f.url ?? `file://${f.file}`,
        title: f.title ?? "",
        description: "",
        text: f.text,
        published:
          f.date && !Number.isNaN(Date.parse(f.date)) ? new Date(Date.parse(f.date)).toISOString() : null,
        categories: [],
        backfill: false,
      };
      const chats = new Map<string, ChatAddress>();
      await processIngest(job, {
        ...app,
        now: () => clock,
        enqueueFanout: async (event) => {
          await processFanout(event, {
            ...app,
            log,
            batchWindowMs: 0,
            // Replay shows what the alert policy pushes; per-chat caps are delivery's business.
            maxPushesPerHour: Number.POSITIVE_INFINITY,
            now: () => clock,
            enqueueDeliveries: async (b) => {
              for (const id of b.chatIds) chats.set(id, { platform: b.platform, id });
            },
          });
        },
      });
      for (const chat of chats.values()) {
        const items = await app.outbox.peek(chat, 100);
        await app.outbox.remove(
          chat,
          items.map((i) => i.alert.id),
        );
        for (const { alert } of items) {
          const top = [...alert.changes].sort((a, b) => STAGE_RANK[b.stage] - STAGE_RANK[a.stage])[0]!;
          alerts.push({
            watcher: watchers.get(chat.id) ?? chat.id,
            file: f.file,
            player: alert.player.name,
            clubs: alert.changes.map((c) => c.club),
            stage: top.stage,
            kind: top.kind,
            changes: alert.changes.map((c) => ({ club: c.club, stage: c.stage })),
          });
        }
      }
    }
    return alerts;
  } finally {
    const { deleteKeysByPrefix } = await import("./redis-cleanup.js");
    await deleteKeysByPrefix(app.redis, prefix);
    await app.close();
  }
}
