import { Redis, type RedisOptions } from "ioredis";

export type { Redis };

/**
 * Redis key names. Every key starts with the configured prefix, a Cluster hash tag like `{mr}`,
 * so all of the bot's keys live in one slot and multi-key commands work on Redis Cluster too.
 */
export interface Keys {
  readonly prefix: string;
  /** `${prefix}:${parts.join(":")}` */
  key(...parts: (string | number)[]): string;
}

export function createKeys(prefix: string): Keys {
  return { prefix, key: (...parts) => [prefix, ...parts].join(":") };
}

/**
 * A connection for stores and producers: fails fast when Redis is away instead of queueing commands
 * forever (BullMQ's production guide).
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 3,
    lazyConnect: false,
    ...options,
  });
}

/** A connection for BullMQ workers: they block, so they must never give up a command (BullMQ requires null). */
export function createWorkerRedis(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
