import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createFakeGateway, type FakeGateway, type FakeGuild } from "./fake-discord-gateway.js";

export type { FakeGuild };

/** A response the fake gives instead of the normal one (error injection). */
export interface InjectedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeDiscordOptions {
  /** Discord's global limit: this many requests per window of 1 s that starts with a request. Default 50. */
  globalPerSecond?: number;
  /** Each channel's POST /messages bucket. Default Discord's 5 per 5 s. */
  route?: { limit: number; windowMs: number };
  guilds?: FakeGuild[];
  /** Gateway heartbeat interval. */
  heartbeatMs?: number;
}

export interface RecordedMessage {
  channelId: string;
  body: Record<string, unknown>;
  at: number;
}

export interface RecordedCallback {
  interactionId: string;
  token: string;
  type: number;
  data: Record<string, unknown> | undefined;
  at: number;
}

const TOKEN = "fake-discord-token-0000000000000000000000000000000000000000000000";

/**
 * A fake Discord on 127.0.0.1 for the tests and the bench: the REST routes the bot uses, with the
 * rate-limit headers and 429s of the real one, error injection, and the gateway (fake-discord-gateway.ts)
 * on the same port. Point discord.js at `apiRoot`; `GET /gateway/bot` hands out the gateway URL.
 *
 * Limits, like Discord's: a global window of `globalPerSecond` requests that starts with the first request
 * after the last window (interaction callbacks are exempt), and one bucket per channel for POST
 * /channels/{id}/messages, announced in X-RateLimit-Limit/Remaining/Reset/Reset-After/Bucket. Past either:
 * 429 with Retry-After (whole seconds), a JSON body with `retry_after` and `global`, and the scope headers.
 */
export async function startFakeDiscord(opts: FakeDiscordOptions = {}) {
  const globalPerSecond = opts.globalPerSecond ?? 50;
  const route = opts.route ?? { limit: 5, windowMs: 5000 };
  const applicationId = "900000000000000001";
  const botUser = { id: "900000000000000002", username: "mercato-radar" };
  const guilds: FakeGuild[] = opts.guilds ?? [];
  const messages: RecordedMessage[] = [];
  const callbacks: RecordedCallback[] = [];
  const edits: { token: string; body: Record<string, unknown> }[] = [];
  const commandPuts: { path: string; body: unknown[] }[] = [];
  const requests: { method: string; path: string; status: number; at: number }[] = [];
  const tooMany = { global: 0, route: 0, injected: 0 };
  const injected: { method?: string; path: RegExp; response: InjectedResponse; times: number }[] = [];
  const channelErrors = new Map<string, InjectedResponse>();
  let global = { start: 0, count: 0 };
  const buckets = new Map<string, { start: number; count: number }>();

  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(body === undefined ? "" : JSON.stringify(body));
  };
  const tooManyRequests = (res: ServerResponse, waitMs: number, scope: "global" | "user", extra = {}) => {
    const retryAfter = Math.max(0.001, waitMs / 1000);
    json(
      res,
      429,
      {
        message: "You are being rate limited.",
        retry_after: Number(retryAfter.toFixed(3)),
        global: scope === "global",
      },
      {
        "retry-after": String(Math.ceil(retryAfter)),
        "x-ratelimit-scope": scope,
        ...(scope === "global" ? { "x-ratelimit-global": "true" } : {}),
        ...extra,
      },
    );
  };

  /** Takes one request of the global window; returns the ms to wait when it is spent. */
  function takeGlobal(now: number): number {
    if (now >= global.start + 1000) global = { start: now, count: 0 };
    if (global.count >= globalPerSecond) return global.start + 1000 - now;
    global.count++;
    return 0;
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
    now: number,
  ): Promise<number> {
    const method = req.method ?? "GET";
    const path = new URL(req.url ?? "/", "http://x").pathname.replace(/^\/api(\/v\d+)?/, "");
    const isInteraction = /^\/(interactions|webhooks)\//.test(path);
    if (!isInteraction && req.headers.authorization !== `Bot ${TOKEN}`) {
      json(res, 401, { message: "401: Unauthorized", code: 0 });
      return 401;
    }
    const inject = injected.find(
      (i) => (!i.method || i.method === method) && i.path.test(path) && i.times > 0,
    );
    if (inject) {
      inject.times--;
      if (inject.response.status === 429) tooMany.injected++;
      json(res, inject.response.status, inject.response.body, inject.response.headers);
      return inject.response.status;
    }
    if (!isInteraction) {
      const wait = takeGlobal(now);
      if (wait > 0) {
        tooMany.global++;
        tooManyRequests(res, wait, "global");
        return 429;
      }
    }
    const on = (want: string, re: RegExp) => (method === want ? re.exec(path) : null);
    const post = on("POST", /^\/channels\/(\d+)\/messages$/);
    if (post) {
      const channelId = post[1]!;
      const err = channelErrors.get(channelId);
      if (err) {
        json(res, err.status, err.body, err.headers);
        return err.status;
      }
      let b = buckets.get(channelId);
      if (!b || now >= b.start + route.windowMs) {
        b = { start: now, count: 0 };
        buckets.set(channelId, b);
      }
      const resetAfter = (b.start + route.windowMs - now) / 1000;
      const headers = {
        "x-ratelimit-limit": String(route.limit),
        "x-ratelimit-reset": ((b.start + route.windowMs) / 1000).toFixed(3),
        "x-ratelimit-reset-after": resetAfter.toFixed(3),
        "x-ratelimit-bucket": "fake-messages-bucket",
      };
      if (b.count >= route.limit) {
        tooMany.route++;
        tooManyRequests(res, b.start + route.windowMs - now, "user", {
          ...headers,
          "x-ratelimit-remaining": "0",
        });
        return 429;
      }
      b.count++;
      messages.push({ channelId, body: body as Record<string, unknown>, at: now });
      const id = String(1_000_000_000_000_000n + BigInt(messages.length));
      json(
        res,
        200,
        { id, channel_id: channelId, ...(body as object) },
        {
          ...headers,
          "x-ratelimit-remaining": String(route.limit - b.count),
        },
      );
      return 200;
    }
    const callback = on("POST", /^\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (callback) {
      const cb = body as { type: number; data?: Record<string, unknown> };
      callbacks.push({
        interactionId: callback[1]!,
        token: callback[2]!,
        type: cb.type,
        data: cb.data,
        at: now,
      });
      res.writeHead(204).end();
      return 204;
    }
    const webhook = /^\/webhooks\/\d+\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook) {
      edits.push({ token: webhook[1]!, body: body as Record<string, unknown> });
      json(res, 200, { id: "1", channel_id: "1", content: "", ...(body as object) });
      return 200;
    }
    if (method === "PUT" && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      const list = body as Record<string, unknown>[];
      commandPuts.push({ path, body: list });
      json(
        res,
        200,
        list.map((c, i) => ({
          id: String(800000000000000000n + BigInt(i)),
          application_id: applicationId,
          version: "1",
          ...c,
        })),
      );
      return 200;
    }
    if (method === "GET" && path === "/gateway/bot") {
      const port = (server.address() as AddressInfo).port;
      const limit = { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 };
      json(res, 200, { url: `ws://127.0.0.1:${port}`, shards: 1, session_start_limit: limit });
      return 200;
    }
    if (method === "GET" && path === "/users/@me") {
      json(res, 200, { ...botUser, discriminator: "0", bot: true, avatar: null, global_name: null });
      return 200;
    }
    if (method === "POST" && path === "/users/@me/channels") {
      const userId = String((body as { recipient_id?: string }).recipient_id ?? "");
      // A stable DM channel per user, as Discord does.
      json(res, 200, {
        id: String(700000000000000000n + BigInt(userId.slice(-12) || "0")),
        type: 1,
        recipients: [{ id: userId }],
      });
      return 200;
    }
    const channel = on("GET", /^\/channels\/(\d+)$/);
    if (channel) {
      const guild = guilds.find((g) => g.channels.some((c) => c.id === channel[1]));
      const ch = guild?.channels.find((c) => c.id === channel[1]);
      if (!guild || !ch) json(res, 404, { message: "Unknown Channel", code: 10003 });
      else json(res, 200, { id: ch.id, name: ch.name, type: ch.type ?? 0, guild_id: guild.id });
      return guild ? 200 : 404;
    }
    json(res, 404, { message: "404: Not Found", code: 0 });
    return 404;
  }

  const server = createServer((req, res) => {
    const arrived = Date.now(); // as Discord's edge would see it, before reading the body
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const raw = Buffer.concat(chunks).toString("utf8");
      const body = raw ? (JSON.parse(raw) as unknown) : undefined;
      const path = (req.url ?? "/").split("?")[0]!;
      handle(req, res, body, arrived)
        .then((status) => requests.push({ method: req.method ?? "GET", path, status, at: arrived }))
        .catch((err: unknown) => json(res, 500, { message: String(err), code: 0 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const gateway: FakeGateway = createFakeGateway(
    server,
    { applicationId, botUser, token: TOKEN, guilds: () => guilds },
    opts.heartbeatMs ? { heartbeatMs: opts.heartbeatMs } : {},
  );

  return {
    apiRoot: `http://127.0.0.1:${port}/api`,
    token: TOKEN,
    applicationId,
    botUser,
    guilds,
    gateway,
    messages,
    callbacks,
    edits,
    commandPuts,
    requests,
    tooMany,
    /** The next `times` requests matching make this answer instead (e.g. a 429, a 500). */
    inject(match: { method?: string; path: RegExp }, response: InjectedResponse, times = 1): void {
      injected.push({ ...match, response, times });
    },
    /** Every POST to this channel's messages gets this answer (403 Missing Access, 404 Unknown Channel). */
    setChannelError(channelId: string, response: InjectedResponse | null): void {
      if (response) channelErrors.set(channelId, response);
      else channelErrors.delete(channelId);
    },
    messagesTo: (channelId: string) => messages.filter((m) => m.channelId === channelId),
    async close(): Promise<void> {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeDiscord = Awaited<ReturnType<typeof startFakeDiscord>>;
