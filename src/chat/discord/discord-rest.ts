import { DefaultRestOptions, REST, type RESTOptions, type ResponseLike } from "discord.js";
import type { Logger } from "../../log.js";
import { DeliveryError } from "../types.js";
import type { DiscordLimits } from "./discord-limits.js";

/** POST /channels/{id}/messages: the route whose per-channel bucket we track in Redis. */
const MESSAGES_ROUTE = /\/channels\/(\d+)\/messages$/;

/** A response whose body was read once and can be read again (what discord.js expects of a ResponseLike). */
function buffered(res: ResponseLike, body: string, headers: Headers): ResponseLike {
  return {
    status: res.status,
    statusText: res.statusText,
    ok: res.ok,
    headers,
    body: null,
    bodyUsed: false,
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
    arrayBuffer: async () => new TextEncoder().encode(body).buffer as ArrayBuffer,
  };
}

/**
 * Wraps discord.js's HTTP strategy so that (0) every request logs its departure in the Redis-held global
 * window first (departGlobal), (1) every answer on a channel's message route teaches the
 * Redis-held bucket (awaited before discord.js sees the answer, so the next job in any process knows),
 * and (2) a 429 carries Discord's precise wait (the body's `retry_after`, else the Retry-After header) and
 * the body's `global` flag in the headers that discord.js reads, so RateLimitError holds Discord's wait.
 */
function learningRequest(limits: DiscordLimits, log: Logger): RESTOptions["makeRequest"] {
  return async (url, init) => {
    // Discord's global limit, per request: logged at the last moment before it leaves (discord-limits.ts).
    const hold = await limits.departGlobal();
    if (hold > 0)
      throw new DeliveryError("RATE_LIMITED", "discord: global window stays full", { retryAfterMs: hold });
    const res = await DefaultRestOptions.makeRequest(url, init);
    const channelId = init.method === "POST" ? MESSAGES_ROUTE.exec(new URL(url).pathname)?.[1] : undefined;
    if (res.status !== 429) {
      const remaining = res.headers.get("x-ratelimit-remaining");
      const resetAfter = res.headers.get("x-ratelimit-reset-after");
      if (channelId && remaining !== null && resetAfter !== null) {
        await limits
          .learnRoute(channelId, { remaining: Number(remaining), resetAfterMs: Number(resetAfter) * 1000 })
          .catch((err: unknown) => log.warn({ err }, "discord: could not record a route bucket"));
      }
      return res;
    }
    const text = await res.text();
    let body: { retry_after?: unknown; global?: unknown } = {};
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      // A 429 from a proxy in front of Discord (HTML, empty): the headers are all there is.
    }
    const headers = new Headers(res.headers as unknown as Headers);
    // The body's retry_after is Discord's precise wait; the header is the same rounded up to seconds.
    const bodyWait =
      typeof body.retry_after === "number" && body.retry_after > 0 ? body.retry_after : Number.NaN;
    const headerWait = Number(headers.get("retry-after") ?? Number.NaN);
    const wait = Number.isFinite(bodyWait)
      ? bodyWait
      : Number.isFinite(headerWait) && headerWait > 0
        ? headerWait
        : 1;
    headers.set("retry-after", String(wait));
    if (body.global === true) headers.set("x-ratelimit-global", "true");
    if (channelId && !headers.has("x-ratelimit-global")) {
      await limits.learnRoute(channelId, { remaining: 0, resetAfterMs: wait * 1000 }).catch(() => {});
    }
    return buffered(res, text, headers);
  };
}

/**
 * The REST client that sends alerts. No gateway: worker processes only need HTTP. discord.js's own
 * retries are off (the deliver queue retries 5xx with backoff, across processes), every rate limit is
 * thrown as RateLimitError instead of slept on in memory, and the in-process global counter is lifted
 * because the Redis-held global pacing (discord-limits.ts) is the one that holds across processes.
 */
export function createDiscordRest(opts: {
  token: string;
  apiRoot: string;
  limits: DiscordLimits;
  log: Logger;
}): REST {
  return new REST({
    api: opts.apiRoot,
    retries: 0,
    timeout: 10_000,
    rejectOnRateLimit: () => true,
    globalRequestsPerSecond: 1_000_000,
    makeRequest: learningRequest(opts.limits, opts.log),
  }).setToken(opts.token);
}
