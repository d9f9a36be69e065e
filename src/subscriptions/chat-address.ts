import type { ChatAddress } from "../queues.js";

export type { ChatAddress };

/** "telegram:-1001234" — the form chats take in Redis sets and job ids. */
export function chatString(chat: ChatAddress): string {
  return `${chat.platform}:${chat.id}`;
}

/** Inverse of chatString. @throws Error on a string that is not one. */
export function parseChatString(s: string): ChatAddress {
  const i = s.indexOf(":");
  const platform = s.slice(0, i);
  if (i < 1 || !["console", "telegram", "discord"].includes(platform))
    throw new Error(`not a chat address: ${s}`);
  return { platform: platform as ChatAddress["platform"], id: s.slice(i + 1) };
}
