/** The limits the fake enforces on sendMessage, answering 429 with `retry_after` when broken. */
export interface FakeTelegramLimits {
  /** Bot-wide: a bucket of this many messages, refilled at this many per second. */
  botPerSecond: number;
  /** Least time between two messages to one chat. */
  chatGapMs: number;
  /** Most messages to one group (negative chat id) within groupWindowMs. */
  groupMax: number;
  groupWindowMs: number;
}

/** Telegram's documented limits. */
export const FAKE_TELEGRAM_LIMITS: FakeTelegramLimits = {
  botPerSecond: 30,
  chatGapMs: 1000,
  groupMax: 20,
  groupWindowMs: 60_000,
};

/**
 * Telegram's flood control as the fake plays it. The bot-wide limit is a token bucket (30 at most, refilled
 * at 30 per second): a second's worth may go at once, never more on average; a sliding count would punish
 * the few milliseconds of jitter between two sends that left a second apart.
 */
export interface FloodControl {
  /** 0 and the send is counted, or the ms to wait when a limit would break. */
  admit(chatId: string, now: number): number;
  /** Replaces the limits (null: none) and forgets what was sent. */
  reset(limits?: FakeTelegramLimits | null): void;
}

export function createFloodControl(initial: FakeTelegramLimits | null): FloodControl {
  let limits = initial;
  let bucket = { tokens: limits?.botPerSecond ?? 0, at: Date.now() };
  const lastToChat = new Map<string, number>();
  const groupSends = new Map<string, number[]>();
  return {
    admit(chatId, now) {
      if (!limits) return 0;
      const rate = limits.botPerSecond;
      const window = limits.groupWindowMs;
      const tokens = Math.min(rate, bucket.tokens + ((now - bucket.at) * rate) / 1000);
      const waits = [tokens >= 1 ? 0 : ((1 - tokens) * 1000) / rate];
      const last = lastToChat.get(chatId);
      if (last !== undefined) waits.push(last + limits.chatGapMs - now);
      const isGroup = chatId.startsWith("-");
      const recent = (groupSends.get(chatId) ?? []).filter((t) => t > now - window);
      if (isGroup && recent.length >= limits.groupMax) waits.push(recent[0]! + window - now);
      const wait = Math.max(...waits);
      if (wait > 0) return wait;
      bucket = { tokens: tokens - 1, at: now };
      lastToChat.set(chatId, now);
      if (isGroup) groupSends.set(chatId, [...recent, now]);
      return 0;
    },
    reset(next) {
      if (next !== undefined) limits = next;
      bucket = { tokens: limits?.botPerSecond ?? 0, at: Date.now() };
      lastToChat.clear();
      groupSends.clear();
    },
  };
}
