import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const roles = ["bot", "worker", "scheduler"] as const;

/**
 * Every setting of the bot, read from the environment (and an optional .env that main loads first).
 * Keep README's table of variables in step with this schema.
 */
export const ConfigSchema = z
  .object({
    REDIS_URL: z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379"),
    // A Redis Cluster's seed nodes; when set, every connection is a cluster client and REDIS_URL gives
    // only the credentials and TLS.
    REDIS_CLUSTER_NODES: z
      .string()
      .transform((s) =>
        s
          .split(",")
          .map((n) => n.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^[^\s:]+:\d{1,5}$/, "comma-separated host:port, e.g. 10.0.0.1:7000,10.0.0.2:7000")
              .transform((n) => {
                const i = n.lastIndexOf(":");
                return { host: n.slice(0, i), port: Number(n.slice(i + 1)) };
              })
              .refine((n) => n.port >= 1 && n.port <= 65_535, "a port from 1 to 65535"),
          )
          .min(1, "at least one host:port"),
      )
      .optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^\{[A-Za-z0-9_-]{1,32}\}$/, "a Redis Cluster hash tag such as {mr}")
      .default("{mr}"),
    REDIS_AUTOSTART: bool.default(true),
    DATA_DIR: z.string().min(1).default(".data"),
    ROLES: z
      .string()
      .default(roles.join(","))
      .transform((s) =>
        s
          .split(",")
          .map((r) => r.trim())
          .filter(Boolean),
      )
      .pipe(z.array(z.enum(roles)).min(1)),
    // /healthz, /readyz and /metrics; the Dockerfile's HEALTHCHECK asks 127.0.0.1 on this port. 0: off.
    HEALTH_PORT: z.coerce.number().int().min(0).max(65_535).default(9090),
    HEALTH_HOST: z.string().min(1).default("0.0.0.0"),
    // Where people reach the rumour pages (served by the health server: /, /p/<player>, /c/<club>), as
    // alerts link them, e.g. http://127.0.0.1:9090 or https://radar.example.org. Unset: no pages, no links.
    PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .transform((u) => u.replace(/\/+$/, ""))
      .optional(),
    // Page requests per minute per client address (a third of it may come at once).
    PAGES_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(60),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Where the terminal chat's logs go; `${DATA_DIR}/mercato-radar.log` when unset (see log.ts). */
    LOG_FILE: z.string().min(1).optional(),
    SOURCES_FILE: z.string().min(1).default("data/sources.json"),
    POLL_INTERVAL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(300),
    FETCH_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(15_000),
    FETCH_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(5_000_000),
    USER_AGENT: z
      .string()
      .min(3)
      .default("MercatoRadar/0.1 (+https://github.com/mercato-radar/mercato-radar)"),
    PAGE_FETCH: bool.default(true),
    // Feeds and their links are anyone's to write: by default nothing is fetched from loopback, private
    // or link-local addresses. Tests and the demo serve their feeds on 127.0.0.1 and turn this on.
    ALLOW_PRIVATE_ADDRESSES: bool.default(false),
    PAGE_TIMEOUT_MS: z.coerce.number().int().min(500).max(120_000).default(10_000),
    PAGE_MAX_BYTES: z.coerce.number().int().min(10_000).max(50_000_000).default(3_000_000),
    PAGE_CACHE_TTL_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(172_800),
    ROBOTS_CACHE_TTL_SECONDS: z.coerce.number().int().min(60).max(604_800).default(86_400),
    HOST_MIN_INTERVAL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
    HOST_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    MAX_SUBSCRIPTIONS_PER_CHAT: z.coerce.number().int().min(1).max(10_000).default(100),
    MAX_PUSHES_PER_HOUR: z.coerce.number().int().min(1).max(1000).default(5),
    DIGEST_TICK_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
    BATCH_WINDOW_MS: z.coerce.number().int().min(0).max(60_000).default(3000),
    RUMOUR_MEMORY_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[A-Za-z0-9_-]{30,}$/, "a BotFather token like 123456:ABC-DEF…")
      .optional(),
    TELEGRAM_API_ROOT: z.url().default("https://api.telegram.org"),
    TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{12,256}$/, "12 to 256 characters of A-Z, a-z, 0-9, _ and -")
      .optional(),
    TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().min(1).max(65_535).default(8080),
    // Telegram's paid broadcasts: up to 1000 messages/s for 0.1 Star a message from the bot's balance. For
    // large deployments only; off, the bot keeps to the free 30/s.
    TELEGRAM_PAID_BROADCAST: bool.default(false),
    TELEGRAM_PAID_BROADCAST_PER_SECOND: z.coerce.number().int().min(30).max(1000).default(1000),
    DISCORD_TOKEN: z.string().min(50, "a Discord bot token").optional(),
    DISCORD_API_ROOT: z.url().default("https://discord.com/api"),
    DISCORD_APPLICATION_ID: z
      .string()
      .regex(/^\d{17,20}$/, "a Discord application id (snowflake)")
      .optional(),
  })
  .superRefine((c, ctx) => {
    if (c.TELEGRAM_WEBHOOK_URL && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["TELEGRAM_WEBHOOK_SECRET"],
        message: "required when TELEGRAM_WEBHOOK_URL is set",
      });
    }
    if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
      ctx.addIssue({
        code: "custom",
        path: ["DISCORD_APPLICATION_ID"],
        message: "required when DISCORD_TOKEN is set",
      });
    }
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Thrown by createConfig; its message names every bad variable and what it expects. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid config:\n${problems.map((p) => `  - ${p}`).join("\n")}`, options);
  }
}

/**
 * Parses the environment into a Config. Empty strings count as unset, as in most .env tooling.
 * @throws ConfigError naming every bad variable.
 */
export function createConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(problems, { cause: parsed.error });
  }
  return parsed.data;
}
