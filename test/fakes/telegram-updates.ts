/** A chat as updates carry it. */
export interface FakeChat {
  id: number;
  type: "private" | "group" | "supergroup" | "channel";
  title?: string;
  username?: string;
}

/** A user as updates carry it. */
export interface FakeUser {
  id: number;
  first_name?: string;
  language_code?: string;
}

export type FakeUpdate = Record<string, unknown> & { update_id: number };

/**
 * The queue of users' updates behind the fake's getUpdates: tests push, the bot long-polls. Confirmed
 * updates (below the offset the bot sends) are dropped, as Telegram does.
 */
export interface TelegramUpdates {
  /** Queues an update (its update_id assigned here) and returns it. */
  pushUpdate(update: Record<string, unknown>): FakeUpdate;
  /** A user writes `text` in a chat. `senderChat` is set for anonymous group admins. */
  pushText(o: { chat: FakeChat; from: FakeUser; text: string; senderChat?: FakeChat }): FakeUpdate;
  /** A user taps an inline button with `data` under message `messageId`. */
  pushCallback(o: { chat: FakeChat; from: FakeUser; data: string; messageId?: number }): FakeUpdate;
  /** The bot's own membership in a chat changed (blocked, unblocked, kicked, added). */
  pushMyChatMember(o: {
    chat: FakeChat;
    from: FakeUser;
    status: "member" | "administrator" | "kicked" | "left";
  }): FakeUpdate;
  /** The service message a group leaves when it becomes a supergroup. */
  pushMigrate(o: { chat: FakeChat; from: FakeUser; to: number }): FakeUpdate;
  /** getUpdates: pending updates from `offset`, waiting up to `timeout` s for one. */
  take(params: Record<string, unknown>, signal: AbortSignal): Promise<FakeUpdate[]>;
  /** Updates not confirmed yet. */
  pending(): number;
  close(): void;
}

const user = (u: FakeUser) => ({ is_bot: false, first_name: "Fan", ...u });

export function createTelegramUpdates(): TelegramUpdates {
  let queue: FakeUpdate[] = [];
  let nextId = 1000;
  let nextMessageId = 1;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of waiters) w();
    waiters.clear();
  };
  const date = () => Math.floor(Date.now() / 1000);
  const message = (chat: FakeChat, from: FakeUser, fields: Record<string, unknown>) =>
    updates.pushUpdate({
      message: { message_id: nextMessageId++, date: date(), chat, from: user(from), ...fields },
    });
  const updates: TelegramUpdates = {
    pushUpdate(update) {
      const u = { ...update, update_id: nextId++ };
      queue.push(u);
      wake();
      return u;
    },
    pushText: ({ chat, from, text, senderChat }) =>
      message(chat, from, {
        text,
        ...(senderChat ? { sender_chat: senderChat } : {}),
        ...(text.startsWith("/")
          ? { entities: [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] }
          : {}),
      }),
    pushCallback: ({ chat, from, data, messageId }) =>
      updates.pushUpdate({
        callback_query: {
          id: String(nextId),
          from: user(from),
          chat_instance: String(chat.id),
          data,
          message: { message_id: messageId ?? nextMessageId++, date: date(), chat, text: "alert" },
        },
      }),
    pushMyChatMember: ({ chat, from, status }) =>
      updates.pushUpdate({
        my_chat_member: {
          chat,
          from: user(from),
          date: date(),
          old_chat_member: {
            status: status === "member" ? "kicked" : "member",
            user: { id: 1, is_bot: true, first_name: "bot" },
          },
          new_chat_member: { status, user: { id: 1, is_bot: true, first_name: "bot" } },
        },
      }),
    pushMigrate: ({ chat, from, to }) => message(chat, from, { migrate_to_chat_id: to }),
    async take(params, signal) {
      const offset = Number(params.offset ?? 0);
      const limit = Number(params.limit ?? 100);
      const timeoutMs = Number(params.timeout ?? 0) * 1000;
      const ready = () => {
        if (offset) queue = queue.filter((u) => u.update_id >= offset);
        return queue.slice(0, limit);
      };
      let found = ready();
      if (found.length || !timeoutMs) return found;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, timeoutMs);
        waiters.add(done);
        signal.addEventListener("abort", done, { once: true });
      });
      found = signal.aborted ? [] : ready();
      return found;
    },
    pending: () => queue.length,
    close: wake,
  };
  return updates;
}
