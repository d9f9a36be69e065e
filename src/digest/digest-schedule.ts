import type { ChatAddress } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import { chatString, parseChatString } from "../subscriptions/chat-address.js";

/**
 * When each chat's next digest is due: one sorted set `digest:due` (member chat, score epoch ms), read by
 * a short tick. Scales to any number of chats with one key, unlike a scheduler per chat.
 */
export interface DigestSchedule {
  /** Puts a chat on the schedule at `at` unless it is already there. */
  ensure(chat: ChatAddress, at: Date): Promise<void>;
  /** Sets (or with null, removes) a chat's next digest. */
  set(chat: ChatAddress, at: Date | null): Promise<void>;
  next(chat: ChatAddress): Promise<Date | null>;
  /**
   * Puts each chat on the schedule at its time, or moves it there if that is earlier (ZADD LT): how held
   * alerts of chats without a digest are released. One call for the lot.
   */
  earliest(entries: { chat: ChatAddress; at: Date }[]): Promise<void>;
  /**
   * Claims up to `limit` chats due at `now`: each moves to the time `following` gives it (or off the
   * schedule for null) only if no other tick moved it first. Returns the claimed chats and their due times.
   */
  claimDue(
    now: Date,
    limit: number,
    following: (due: { chat: ChatAddress; due: Date }[]) => Promise<(Date | null)[]>,
  ): Promise<{ chat: ChatAddress; due: Date }[]>;
  size(): Promise<number>;
}

// Compare-and-set per member: only the tick that read score ARGV[i+1] moves it.
const CLAIM = `
local claimed = {}
for i = 1, #ARGV, 3 do
  local current = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if current and tonumber(current) == tonumber(ARGV[i + 1]) then
    if ARGV[i + 2] == '' then redis.call('ZREM', KEYS[1], ARGV[i])
    else redis.call('ZADD', KEYS[1], ARGV[i + 2], ARGV[i]) end
    claimed[#claimed + 1] = ARGV[i]
  end
end
return claimed`;

export function createDigestSchedule(redis: Redis, keys: Keys): DigestSchedule {
  const key = keys.key("digest", "due");
  return {
    async ensure(chat, at) {
      await redis.zadd(key, "NX", at.getTime(), chatString(chat));
    },
    async set(chat, at) {
      if (at) await redis.zadd(key, at.getTime(), chatString(chat));
      else await redis.zrem(key, chatString(chat));
    },
    async earliest(entries) {
      if (!entries.length) return;
      await redis.zadd(key, "LT", ...entries.flatMap((e) => [e.at.getTime(), chatString(e.chat)]));
    },
    async next(chat) {
      const s = await redis.zscore(key, chatString(chat));
      return s === null ? null : new Date(Number(s));
    },
    async claimDue(now, limit, following) {
      const due = await redis.zrangebyscore(key, "-inf", now.getTime(), "WITHSCORES", "LIMIT", 0, limit);
      if (!due.length) return [];
      const items: { member: string; score: string; chat: ChatAddress; due: Date }[] = [];
      for (let i = 0; i < due.length; i += 2) {
        items.push({
          member: due[i]!,
          score: due[i + 1]!,
          chat: parseChatString(due[i]!),
          due: new Date(Number(due[i + 1])),
        });
      }
      const nexts = await following(items);
      const args = items.flatMap((it, i) => [
        it.member,
        it.score,
        nexts[i] ? String(nexts[i]!.getTime()) : "",
      ]);
      const byMember = new Map(items.map((it) => [it.member, it.due]));
      const claimed = (await redis.eval(CLAIM, 1, key, ...args)) as string[];
      return claimed.map((m) => ({ chat: parseChatString(m), due: byMember.get(m)! }));
    },
    size: () => redis.zcard(key),
  };
}
