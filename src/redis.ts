import { Cluster, type ClusterOptions, Redis as RedisClient, type RedisOptions } from "ioredis";

/**
 * A connection to Redis: one server, or a Redis Cluster when REDIS_CLUSTER_NODES is set. Both speak the
 * same commands; what a Cluster does differently (SCAN and INFO answer per node) goes through `masters`.
 */
export type Redis = RedisClient | Cluster;

/** One node of a Redis Cluster, as REDIS_CLUSTER_NODES lists it. */
export interface ClusterNodeAddress {
  host: string;
  port: number;
}

/**
 * Where Redis is: the URL of one server, or the seed nodes of a Redis Cluster. With cluster nodes the URL
 * gives only the credentials and TLS (`rediss:`) every node is reached with.
 */
export interface RedisTarget {
  url: string;
  clusterNodes?: readonly ClusterNodeAddress[];
}

/** The target of a config (REDIS_URL and REDIS_CLUSTER_NODES). */
export function redisTarget(c: {
  REDIS_URL: string;
  REDIS_CLUSTER_NODES?: readonly ClusterNodeAddress[] | undefined;
}): RedisTarget {
  return c.REDIS_CLUSTER_NODES?.length
    ? { url: c.REDIS_URL, clusterNodes: c.REDIS_CLUSTER_NODES }
    : { url: c.REDIS_URL };
}

/** A readable name of the target for logs and messages. */
export function describeTarget(t: string | RedisTarget): string {
  const target = typeof t === "string" ? { url: t } : t;
  if (target.clusterNodes?.length)
    return `cluster ${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(",")}`;
  return new URL(target.url).host;
}

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

/** The credentials and TLS of a redis URL, for every node of a cluster. */
function urlAuth(url: string): RedisOptions {
  const u = new URL(url);
  return {
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === "rediss:" ? { tls: {} } : {}),
  };
}

/**
 * Connects to the target: a Redis client for a URL, an ioredis Cluster for cluster nodes. `options` are
 * per connection (per node on a cluster); the cluster's own `lazyConnect`, `enableOfflineQueue` and a
 * `retryStrategy` (as `clusterRetryStrategy`) are taken from them too.
 */
export function connectRedis(target: string | RedisTarget, options: RedisOptions = {}): Redis {
  const t = typeof target === "string" ? { url: target } : target;
  if (!t.clusterNodes?.length) return new RedisClient(t.url, options);
  const { lazyConnect, enableOfflineQueue, retryStrategy, readOnly: _readOnly, ...node } = options;
  const cluster: ClusterOptions = {
    redisOptions: { ...urlAuth(t.url), ...node },
    ...(lazyConnect !== undefined ? { lazyConnect } : {}),
    ...(enableOfflineQueue !== undefined ? { enableOfflineQueue } : {}),
    ...(retryStrategy !== undefined ? { clusterRetryStrategy: retryStrategy } : {}),
  };
  return new Cluster(
    t.clusterNodes.map((n) => ({ host: n.host, port: n.port })),
    cluster,
  );
}

/**
 * A connection for stores and producers: fails fast when Redis is away instead of queueing commands
 * forever (BullMQ's production guide).
 */
export function createRedis(target: string | RedisTarget, options: RedisOptions = {}): Redis {
  return connectRedis(target, {
    enableOfflineQueue: true,
    maxRetriesPerRequest: 3,
    lazyConnect: false,
    ...options,
  });
}

/** A connection for BullMQ workers: they block, so they must never give up a command (BullMQ requires null). */
export function createWorkerRedis(target: string | RedisTarget): Redis {
  return connectRedis(target, { maxRetriesPerRequest: null });
}

/**
 * The servers that hold the data: the client itself, or each master of a cluster. Commands that answer
 * for one server only (SCAN, INFO, DBSIZE) must run on each of them.
 */
export function masters(redis: Redis): RedisClient[] {
  return redis instanceof Cluster ? redis.nodes("master") : [redis];
}
