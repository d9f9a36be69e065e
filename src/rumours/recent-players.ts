import type { Keys, Redis } from "../redis.js";
import { playerKey } from "../understand/types.js";

/** A player named in a live rumour. */
export interface RecentPlayer {
  key: string;
  name: string;
}

/**
 * Players seen in live rumours (inside the memory window) whose name has a word starting with `prefix`,
 * most recently seen first: one read of the rumour store's `rumour:recent` index (capped at
 * MAX_RECENT_PLAYERS). This finds the players the gazetteer does not know yet (youth players, names
 * written as the news spelled them).
 */
export async function recentPlayersByPrefix(
  redis: Redis,
  keys: Keys,
  prefix: string,
  limit: number,
): Promise<RecentPlayer[]> {
  const want = playerKey(prefix);
  if (!want || limit <= 0) return [];
  const members = await redis.zrevrange(keys.key("rumour", "recent"), 0, -1);
  const found = new Map<string, string>();
  for (const m of members) {
    const tab = m.indexOf("\t");
    const key = m.slice(0, tab);
    if (found.has(key) || !(key.startsWith(want) || key.includes(`-${want}`))) continue;
    found.set(key, m.slice(tab + 1));
    if (found.size >= limit) break;
  }
  return [...found].map(([key, name]) => ({ key, name })).sort((a, b) => a.name.localeCompare(b.name));
}
