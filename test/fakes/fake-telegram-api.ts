import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  createFloodControl,
  FAKE_TELEGRAM_LIMITS,
  type FakeTelegramLimits,
} from "./telegram-flood-control.js";
import { checkTelegramHtml } from "./telegram-html.js";
import { createTelegramUpdates, type TelegramUpdates } from "./telegram-updates.js";

export { FAKE_TELEGRAM_LIMITS, type FakeTelegramLimits };

export interface ApiErrorBody {
  error_code: number;
  description: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

/** The errors Telegram answers when a chat is gone, moved, or the server is in trouble. */
export const TelegramErrors = {
  blocked: { error_code: 403, description: "Forbidden: bot was blocked by the user" },
  kicked: { error_code: 403, description: "Forbidden: bot was kicked from the group chat" },
  deactivated: { error_code: 403, description: "Forbidden: user is deactivated" },
  chatNotFound: { error_code: 400, description: "Bad Request: chat not found" },
  migrated: (to: number): ApiErrorBody => ({
    error_code: 400,
    description: "Bad Request: group chat was upgraded to a supergroup chat",
    parameters: { migrate_to_chat_id: to },
  }),
  tooMany: (seconds: number): ApiErrorBody => ({
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  }),
  server: (code = 502): ApiErrorBody => ({
    error_code: code,
    description: code === 502 ? "Bad Gateway" : "Internal Server Error",
  }),
} satisfies Record<string, ApiErrorBody | ((...a: never[]) => ApiErrorBody)>;

export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  at: number;
  /** The HTTP status answered. */
  status: number;
}

/** A sendMessage Telegram accepted. */
export interface SentMessage {
  chatId: string;
  text: string;
  parseMode?: string;
  replyMarkup?: { inline_keyboard: { text: string; callback_data?: string }[][] };
  linkPreview?: { url?: string; is_disabled?: boolean };
  at: number;
}

type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export interface FakeTelegramApi extends TelegramUpdates {
  apiRoot: string;
  token: string;
  /** What getMe answers; pass it as `botInfo` to skip getMe. */
  botInfo: ReturnType<typeof botInfoFor>;
  calls: ApiCall[];
  sent: SentMessage[];
  /** Every 429 the fake's own limits answered (injected errors are not counted). */
  tooMany: { chatId: string; retryAfter: number; at: number }[];
  /** Command menus from setMyCommands, by "<scope>/<language_code or default>". */
  commands: Map<string, { command: string; description: string }[]>;
  webhook: { url: string; secret?: string } | null;
  /** The next call of `method` (to `chatId`, if given) answers this error, `times` times. */
  setNextError(method: string, error: ApiErrorBody, opts?: { chatId?: string; times?: number }): void;
  setMember(chatId: number, userId: number, status: MemberStatus, extra?: Record<string, unknown>): void;
  addChat(chat: {
    id: number;
    type: "private" | "group" | "supergroup" | "channel";
    title?: string;
    username?: string;
  }): void;
  setLimits(limits: Partial<FakeTelegramLimits> | null): void;
  /** Forgets calls, messages, errors and limit state (not members, chats, updates). */
  clear(): void;
  close(): Promise<void>;
}

/** getMe's answer: every field grammY's UserFromGetMe asks for. */
const botInfoFor = (id: number) => ({
  id,
  is_bot: true as const,
  first_name: "Mercato Radar",
  username: "mercato_radar_test_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
});

const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const raw = Buffer.concat(chunks).toString("utf8");
  return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
};

/**
 * A Bot API server on 127.0.0.1 for tests: speaks the methods the bot calls, enforces Telegram's send
 * limits (bot-wide as a token bucket, per chat, per group), checks HTML like Telegram, and can inject
 * any error. Users' updates go into a queue that getUpdates long-polls.
 */
export async function startFakeTelegramApi(
  opts: { token?: string; limits?: Partial<FakeTelegramLimits> | null } = {},
): Promise<FakeTelegramApi> {
  const token = opts.token ?? "123456789:AAFakeTokenForTestsOnly_abcdefghijkl";
  const botId = Number(token.split(":")[0]);
  const flood = createFloodControl(opts.limits === null ? null : { ...FAKE_TELEGRAM_LIMITS, ...opts.limits });
  const updates = createTelegramUpdates();
  const errors: { method: string; chatId?: string; error: ApiErrorBody; times: number }[] = [];
  const members = new Map<string, Record<string, unknown>>();
  const chats = new Map<string, { id: number; type: string; title?: string; username?: string }>();
  let messageId = 0;

  const fake = {
    ...updates,
    apiRoot: "",
    token,
    botInfo: botInfoFor(botId),
    calls: [] as ApiCall[],
    sent: [] as SentMessage[],
    tooMany: [] as FakeTelegramApi["tooMany"],
    commands: new Map(),
    webhook: null as FakeTelegramApi["webhook"],
  } as FakeTelegramApi;

  const chatIdOf = (v: unknown): string => {
    const s = String(v);
    if (!s.startsWith("@")) return s;
    const found = [...chats.values()].find((c) => `@${c.username}` === s);
    return found ? String(found.id) : s;
  };

  const handle = async (
    method: string,
    p: Record<string, unknown>,
    signal: AbortSignal,
  ): Promise<[number, unknown]> => {
    const chatId = p.chat_id === undefined ? undefined : chatIdOf(p.chat_id);
    const i = errors.findIndex((e) => e.method === method && (e.chatId === undefined || e.chatId === chatId));
    if (i >= 0) {
      const e = errors[i]!;
      if (--e.times <= 0) errors.splice(i, 1);
      return [e.error.error_code, { ok: false, ...e.error }];
    }
    const fail = (error: ApiErrorBody): [number, unknown] => [error.error_code, { ok: false, ...error }];
    switch (method) {
      case "getMe":
        return [200, { ok: true, result: fake.botInfo }];
      case "getUpdates":
        if (fake.webhook)
          return fail({
            error_code: 409,
            description: "Conflict: can't use getUpdates method while webhook is active",
          });
        return [200, { ok: true, result: await updates.take(p, signal) }];
      case "sendMessage": {
        const text = String(p.text ?? "");
        let visible = text;
        if (p.parse_mode === "HTML") {
          const check = checkTelegramHtml(text);
          if (!check.ok) return fail({ error_code: 400, description: `Bad Request: ${check.error}` });
          visible = check.text;
        }
        if (!visible.trim())
          return fail({ error_code: 400, description: "Bad Request: message text is empty" });
        if (visible.length > 4096)
          return fail({ error_code: 400, description: "Bad Request: message is too long" });
        const now = Date.now();
        const wait = flood.admit(chatId!, now);
        if (wait > 0) {
          const retryAfter = Math.ceil(wait / 1000);
          fake.tooMany.push({ chatId: chatId!, retryAfter, at: now });
          return fail(TelegramErrors.tooMany(retryAfter));
        }
        fake.sent.push({
          chatId: chatId!,
          text,
          parseMode: p.parse_mode as string | undefined,
          replyMarkup: p.reply_markup as SentMessage["replyMarkup"],
          linkPreview: p.link_preview_options as SentMessage["linkPreview"],
          at: now,
        });
        const chat = chats.get(chatId!) ?? {
          id: Number(chatId),
          type: chatId!.startsWith("-") ? "group" : "private",
        };
        return [
          200,
          {
            ok: true,
            result: { message_id: ++messageId, date: Math.floor(now / 1000), chat, text: visible },
          },
        ];
      }
      case "setMyCommands": {
        const scope = (p.scope as { type?: string } | undefined)?.type ?? "default";
        fake.commands.set(
          `${scope}/${(p.language_code as string | undefined) ?? "default"}`,
          p.commands as never,
        );
        return [200, { ok: true, result: true }];
      }
      case "getChatMember": {
        const member = members.get(`${chatId}/${p.user_id}`) ?? { status: "member" };
        return [
          200,
          { ok: true, result: { user: { id: p.user_id, is_bot: false, first_name: "User" }, ...member } },
        ];
      }
      case "getChat": {
        const chat = chats.get(chatId!);
        return chat ? [200, { ok: true, result: chat }] : fail(TelegramErrors.chatNotFound);
      }
      case "answerCallbackQuery":
        return [200, { ok: true, result: true }];
      case "setWebhook":
        fake.webhook = { url: String(p.url), secret: p.secret_token as string | undefined };
        return [200, { ok: true, result: true }];
      case "deleteWebhook":
        fake.webhook = null;
        return [200, { ok: true, result: true }];
      default:
        return fail({ error_code: 404, description: "Not Found: method not found" });
    }
  };

  const server: Server = createServer(async (req, res) => {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec((req.url ?? "").split("?")[0]!);
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    let status = 404;
    let body: unknown = { ok: false, error_code: 404, description: "Not Found" };
    let payload: Record<string, unknown> = {};
    try {
      payload = await readBody(req);
      if (m && m[1] !== token)
        [status, body] = [401, { ok: false, error_code: 401, description: "Unauthorized" }];
      else if (m) [status, body] = await handle(m[2]!, payload, abort.signal);
    } catch (err) {
      [status, body] = [
        400,
        { ok: false, error_code: 400, description: `Bad Request: ${(err as Error).message}` },
      ];
    }
    if (m) fake.calls.push({ method: m[2]!, payload, at: Date.now(), status });
    if (!res.destroyed)
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  fake.setNextError = (method, error, o = {}) =>
    void errors.push({ method, error, chatId: o.chatId, times: o.times ?? 1 });
  fake.setMember = (chatId, userId, status, extra = {}) =>
    void members.set(`${chatId}/${userId}`, { status, ...extra });
  fake.addChat = (chat) => void chats.set(String(chat.id), chat);
  fake.setLimits = (l) => flood.reset(l === null ? null : { ...FAKE_TELEGRAM_LIMITS, ...l });
  fake.clear = () => {
    fake.calls.length = 0;
    fake.sent.length = 0;
    fake.tooMany.length = 0;
    errors.length = 0;
    flood.reset();
  };
  fake.close = () =>
    new Promise<void>((resolve) => {
      updates.close();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
