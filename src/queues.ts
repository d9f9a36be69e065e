/**
 * The contract between the pipeline's steps: queue names and the schema of every job payload.
 *
 *   poll ─► ingest ─► fanout ─► deliver ─► chat
 *
 * Producers run `Schema.parse` before `queue.add`; workers run `safeParse` first thing and fail the job
 * with UnrecoverableError when it does not match. No other file names a queue with a string literal.
 */
import { z } from "zod";
import { STAGES } from "./understand/types.js";

/** Wire names of the queues. Values are stored in Redis: don't change them without a migration. */
export const QueueName = {
  Poll: "poll",
  Ingest: "ingest",
  Fanout: "fanout",
  // One deliver queue per platform, so each has its own bot-wide rate limit across processes and a
  // Discord 429 never holds up Telegram (see docs/adr/001-queue-contract.md).
  DeliverConsole: "deliver-console",
  DeliverTelegram: "deliver-telegram",
  DeliverDiscord: "deliver-discord",
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const PLATFORMS = ["console", "telegram", "discord"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** The deliver queue of each platform. */
export const DeliverQueue: Record<Platform, QueueName> = {
  console: QueueName.DeliverConsole,
  telegram: QueueName.DeliverTelegram,
  discord: QueueName.DeliverDiscord,
};

export const StageSchema = z.enum(STAGES);

/**
 * poll: one job per source and tick, produced by the job scheduler of that source (one per source,
 * every source's own interval); consumed by jobs/poll.ts.
 */
export const PollJobSchema = z.strictObject({ sourceId: z.string().min(1).max(100) });
export type PollJob = z.infer<typeof PollJobSchema>;

/**
 * ingest: one job per new feed item, produced by jobs/poll.ts (and the replay CLI); consumed by
 * jobs/ingest.ts, which understands the article and updates the rumours.
 */
export const IngestJobSchema = z.strictObject({
  sourceId: z.string().min(1).max(100),
  outlet: z.string().min(1).max(200),
  /** Canonical URL: the article's identity. */
  url: z.string().min(1).max(2000),
  title: z.string().max(1000),
  /** The feed's description or teaser, plain text. */
  description: z.string().max(20_000),
  /** Full body when the producer already has it (article files in replay); otherwise absent. */
  text: z.string().max(200_000).optional(),
  published: z.iso.datetime({ offset: true }).nullable(),
  categories: z.array(z.string().max(200)).max(50),
  /** A source's first fetch: remember what it says, never alert (no backfill flood). */
  backfill: z.boolean(),
});
export type IngestJob = z.infer<typeof IngestJobSchema>;

export const PlayerRefSchema = z.strictObject({
  key: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  club: z.string().max(200).nullable(),
  provisional: z.boolean(),
});

export const ArticleRefSchema = z.strictObject({
  url: z.string().max(2000),
  title: z.string().max(1000),
  outlet: z.string().max(200),
  published: z.iso.datetime({ offset: true }).nullable(),
});
export type ArticleRef = z.infer<typeof ArticleRefSchema>;

export const ChangeKindSchema = z.enum(["new", "stage", "collapsed", "official", "renewal"]);

/**
 * fanout: one job per alertable rumour event (a player's links moved in one article), produced by
 * jobs/ingest.ts; consumed by jobs/fanout.ts, which finds the chats that watch the player or follow a club.
 */
export const RumourEventSchema = z.strictObject({
  /** Deterministic: the same article and player give the same id, so a retried ingest never alerts twice. */
  id: z.string().min(1).max(300),
  player: PlayerRefSchema,
  /** The links that moved, each with why. */
  changes: z
    .array(
      z.strictObject({
        club: z.string().max(200),
        stage: StageSchema,
        previous: StageSchema.nullable(),
        kind: ChangeKindSchema,
      }),
    )
    .min(1)
    .max(20),
  /** The player's whole board after this article. */
  links: z.array(z.strictObject({ club: z.string().max(200), stage: StageSchema })).max(30),
  /** Distinct outlets that carried the changed rumours so far. */
  outlets: z.number().int().min(1),
  cited: z.array(z.string().max(200)).max(20),
  /** How solid the story is, from source tiers and the outlet count (src/rumours/credibility.ts). */
  credibility: z.enum(["low", "medium", "high"]),
  articles: z.array(ArticleRefSchema).min(1).max(3),
  at: z.iso.datetime({ offset: true }),
});
export type RumourEvent = z.infer<typeof RumourEventSchema>;
export const FanoutJobSchema = RumourEventSchema;
export type FanoutJob = RumourEvent;

/** Where a message goes: the platform and the chat's id there. */
export const ChatAddressSchema = z.strictObject({
  platform: z.enum(PLATFORMS),
  id: z.string().min(1).max(100),
});
export type ChatAddress = z.infer<typeof ChatAddressSchema>;

/**
 * An alert waiting in a chat's outbox (src/chat/outbox.ts), written by jobs/fanout.ts and read by
 * jobs/deliver.ts. Alerts that pile up for one chat within seconds leave as one message.
 */
export const OutboxItemSchema = z.strictObject({
  alert: RumourEventSchema,
  /** Why this chat gets it: "watch:Kim Min-Jae", "follow:Milan". */
  matched: z.array(z.string().max(300)).min(1).max(50),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/**
 * deliver-<platform>: "send what waits in this chat's outbox", produced by jobs/fanout.ts a few seconds
 * after it puts an alert there; consumed by jobs/deliver.ts, which renders the waiting alerts as one
 * message and sends it within the platform's limits. A job that finds the outbox empty does nothing.
 */
export const DeliverJobSchema = z.strictObject({ chat: ChatAddressSchema });
export type DeliverJob = z.infer<typeof DeliverJobSchema>;
