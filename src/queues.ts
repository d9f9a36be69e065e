/**
 * The contract between the pipeline's steps: queue names and the schema of every job payload.
 *
 *   poll ─► ingest ─► fanout ─► deliver ─► chat
 *
 * Producers run `Schema.parse` before `queue.add`; workers run `safeParse` first thing and fail the job
 * with UnrecoverableError when it does not match. No other file names a queue with a string literal.
 */
import { z } from "zod";
import { SourceSchema } from "./news/sources.js";
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
  /** Every 30 s: which chats are due a digest. */
  DigestTick: "digest-tick",
  /** One job per chat and digest: compose it and hand it to delivery. */
  Digest: "digest",
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
 * every source's own interval); consumed by jobs/poll.ts. The scheduler's jobs carry the source's
 * definition, so a worker polls a source added to the sources file after it started; a job without one
 * (the demo, tests, jobs queued before this field) is looked up in the worker's own list.
 */
export const PollJobSchema = z
  .strictObject({ sourceId: z.string().min(1).max(100), source: SourceSchema.optional() })
  .refine((j) => !j.source || j.source.id === j.sourceId, "source.id must equal sourceId");
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
 * Why a link moved: the words of the article that decided the stage (about 240 characters at most, feed
 * text: escape where shown) and the outlet that carried them. Optional everywhere: payloads written
 * before evidence existed still parse.
 */
export const EvidenceRefSchema = z.strictObject({
  text: z.string().max(300),
  outlet: z.string().max(200),
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

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
        /** The text that decided the new stage and its outlet, when the extractor gave one. */
        evidence: EvidenceRefSchema.optional(),
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

/** One link in a digest: where it stands, how it moved since the last digest, how solid it is. */
export const DigestLineSchema = z.strictObject({
  /** The club (in a player's section) or the player (in a club's section). */
  name: z.string().max(200),
  stage: StageSchema,
  /** Stages the link went through since the last digest, oldest first; empty when it only repeated. */
  moves: z.array(StageSchema).max(10),
  outlets: z.number().int().min(0),
  article: ArticleRefSchema.nullable(),
  /** A push held back for the digest: by quiet hours, the hourly cap, the chat's /pause or its /filter. */
  held: z.enum(["quiet", "cap", "paused", "filtered"]).nullable(),
  /**
   * In a club's section, the club the player is linked to when it is another club the chat follows: the
   * player is listed once, under the first of them, with every link (Fabbian: Bologna, → Fiorentina).
   */
  to: z.string().max(200).optional(),
  /**
   * Higher stages reported without certainty since the last digest ("potrebbe chiudere"): they never
   * ring, the digest shows them as "reported by N outlets". Absent in digests composed before claims.
   */
  claims: z
    .array(
      z.strictObject({
        stage: StageSchema,
        /** Distinct outlets that claimed it. */
        outlets: z.number().int().min(1),
        /** The latest claim's words and outlet. */
        evidence: EvidenceRefSchema.optional(),
      }),
    )
    .max(5)
    .optional(),
});
export type DigestLine = z.infer<typeof DigestLineSchema>;

/** A chat's daily digest, composed by jobs/digest.ts, rendered by each platform's adapter. */
export const DigestSchema = z.strictObject({
  /** "held": only the alerts a chat without a daily digest had held, sent when the hold ended. */
  kind: z.enum(["daily", "held"]).optional(),
  since: z.iso.datetime({ offset: true }),
  until: z.iso.datetime({ offset: true }),
  players: z
    .array(
      z.strictObject({
        name: z.string().max(200),
        club: z.string().max(200).nullable(),
        lines: z.array(DigestLineSchema).max(20),
      }),
    )
    .max(50),
  clubs: z
    .array(z.strictObject({ club: z.string().max(200), lines: z.array(DigestLineSchema).max(20) }))
    .max(30),
});
export type Digest = z.infer<typeof DigestSchema>;

/**
 * deliver-<platform>, two kinds of job, produced by jobs/fanout.ts and jobs/digest.ts, consumed by
 * jobs/deliver.ts, which sends within the platform's limits:
 * - `{chat}`: "send what waits in this chat's outbox", a few seconds after fanout put an alert there;
 *   the waiting alerts leave as one message, and a job that finds the outbox empty does nothing;
 * - `{chat, digest}`: the chat's digest, split to the platform's size limits;
 * - `{platform, chats}`: the same as `{chat}` for each of many chats of one platform, asked by fanout once
 *   per chunk of an event's chats (a broadcast is a few hundred jobs, not one per chat: docs/adr/009).
 */
export const DeliverJobSchema = z.union([
  z.strictObject({ chat: ChatAddressSchema }),
  z.strictObject({ chat: ChatAddressSchema, digest: DigestSchema }),
  z.strictObject({
    platform: z.enum(PLATFORMS),
    chats: z.array(ChatAddressSchema.shape.id).min(1).max(5000),
  }),
]);
export type DeliverJob = z.infer<typeof DeliverJobSchema>;

/** digest-tick: produced every 30 s by a job scheduler; consumed by jobs/digest-tick.ts. */
export const DigestTickJobSchema = z.strictObject({});

/** digest: one per chat and due time, produced by jobs/digest-tick.ts; consumed by jobs/digest.ts. */
export const DigestJobSchema = z.strictObject({
  chat: ChatAddressSchema,
  due: z.iso.datetime({ offset: true }),
});
export type DigestJob = z.infer<typeof DigestJobSchema>;
