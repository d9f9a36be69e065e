import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type WebSocket, WebSocketServer } from "ws";

/** A server as the fake gateway announces it in GUILD_CREATE. */
export interface FakeGuild {
  id: string;
  name: string;
  channels: { id: string; name: string; type?: number }[];
}

export interface GatewayIdentity {
  applicationId: string;
  botUser: { id: string; username: string };
  token: string;
  guilds: () => FakeGuild[];
}

/** One message of the gateway protocol. */
interface GatewayPayload {
  op: number;
  d: unknown;
  s?: number | null;
  t?: string | null;
}

/** Builds the GUILD_CREATE payload discord.js needs to cache a server and its channels. */
export function guildCreatePayload(g: FakeGuild, botUserId: string) {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: "1",
    unavailable: false,
    member_count: 2,
    large: false,
    joined_at: new Date().toISOString(),
    features: [],
    roles: [
      {
        id: g.id,
        name: "@everyone",
        permissions: "0",
        position: 0,
        color: 0,
        hoist: false,
        managed: false,
        mentionable: false,
        flags: 0,
      },
    ],
    emojis: [],
    stickers: [],
    members: [],
    presences: [],
    voice_states: [],
    threads: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    channels: g.channels.map((c, i) => ({
      id: c.id,
      name: c.name,
      type: c.type ?? 0,
      position: i,
      guild_id: g.id,
      permission_overwrites: [],
    })),
    preferred_locale: "it",
    system_channel_id: null,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    premium_tier: 0,
    nsfw_level: 0,
    application_id: null,
    bot_user_id: botUserId,
  };
}

/**
 * The fake Discord gateway on the fake's HTTP server: HELLO (op 10) on connect, IDENTIFY (op 2) →
 * READY then one GUILD_CREATE per server, heartbeat (op 1) → ACK (op 11); tests push any dispatch.
 */
export function createFakeGateway(
  server: Server,
  identity: GatewayIdentity,
  opts: { heartbeatMs?: number } = {},
) {
  const wss = new WebSocketServer({ noServer: true });
  const sockets = new Set<WebSocket>();
  const identified = new Set<WebSocket>();
  const received: GatewayPayload[] = [];
  let seq = 0;
  let heartbeats = 0;
  const waiters: (() => void)[] = [];

  const send = (ws: WebSocket, p: GatewayPayload) => ws.send(JSON.stringify(p));
  const dispatchTo = (ws: WebSocket, t: string, d: unknown) => send(ws, { op: 0, t, s: ++seq, d });

  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit("connection", ws, req));
  });
  wss.on("connection", (ws: WebSocket) => {
    sockets.add(ws);
    ws.on("close", () => {
      sockets.delete(ws);
      identified.delete(ws);
    });
    ws.on("message", (raw) => {
      const p = JSON.parse(String(raw)) as GatewayPayload;
      received.push(p);
      if (p.op === 1) {
        heartbeats++;
        send(ws, { op: 11, d: null });
      } else if (p.op === 2) {
        const d = p.d as { token?: string };
        if (d.token !== identity.token && d.token !== `Bot ${identity.token}`) {
          ws.close(4004, "Authentication failed.");
          return;
        }
        const guilds = identity.guilds();
        dispatchTo(ws, "READY", {
          v: 10,
          user: {
            ...identity.botUser,
            discriminator: "0",
            global_name: null,
            avatar: null,
            bot: true,
            flags: 0,
          },
          guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
          session_id: `session-${Date.now()}`,
          resume_gateway_url: `ws://127.0.0.1:${(server.address() as { port: number }).port}`,
          shard: [0, 1],
          application: { id: identity.applicationId, flags: 0 },
          private_channels: [],
          relationships: [],
          user_settings: {},
          presences: [],
          guild_join_requests: [],
          geo_ordered_rtc_regions: [],
        });
        for (const g of guilds) dispatchTo(ws, "GUILD_CREATE", guildCreatePayload(g, identity.botUser.id));
        identified.add(ws);
        for (const w of waiters.splice(0)) w();
      }
    });
    send(ws, { op: 10, d: { heartbeat_interval: opts.heartbeatMs ?? 41_250 } });
  });

  return {
    /** Every payload the bot sent (IDENTIFY, heartbeats…). */
    received,
    get heartbeats() {
      return heartbeats;
    },
    /** Resolves once a bot has identified (READY sent). */
    identified(): Promise<void> {
      if (identified.size) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    /** Sends a dispatch (op 0) with event name `t` to every identified bot. */
    dispatch(t: string, d: unknown): void {
      for (const ws of identified) dispatchTo(ws, t, d);
    },
    async close(): Promise<void> {
      for (const ws of sockets) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export type FakeGateway = ReturnType<typeof createFakeGateway>;
