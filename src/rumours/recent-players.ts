import type { Keys, Redis } from "../redis.js";
import { playerKey } from "../understand/types.js";
import type { Rumour } from "./types.js";

/** A player named in a live rumour. */
export interface RecentPlayer {
  key: string;
  name: string;
}

export interface RecentPlayersOptions {
  /** Stop scanning after this long and answer with what was found (autocomplete has 3 s in all). */
  budgetMs?: number;
  /** Keys looked at per SCAN round trip. */
  scanCount?: number;
}

/**
 * Players seen in live rumours (inside the memory window) whose name has a word starting with `prefix`,
 * read-only over the rumour store's keys: each `rumour:board:<playerKey>` is a player with a live rumour,
 * and the rumour itself holds his name as the news spelled it. This finds the players the gazetteer does
 * not know yet (youth players, provisional names).
 *
 * It SCANs with a key pattern, so its cost grows with the keyspace; the time budget bounds it. A sorted
 * set of recent player names written by RumourStore.observe would make this one ZRANGE (see report).
 */
export async function recentPlayersByPrefix(
  redis: Redis,
  keys: Keys,
  prefix: string,
  limit: number,
  opts: RecentPlayersOptions = {},
): Promise<RecentPlayer[]> {
  const want = playerKey(prefix);
  if (!want || limit <= 0) return [];
  const boardPrefix = `${keys.key("rumour", "board")}:`;
  const deadline = Date.now() + (opts.budgetMs ?? 500);
  const found = new Map<string, string>();
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(
      cursor,
      "MATCH",
      `${boardPrefix}*${want}*`,
      "COUNT",
      opts.scanCount ?? 1000,
    );
    cursor = next;
    for (const k of batch) {
      const key = k.slice(boardPrefix.length);
      if (!found.has(key) && (key.startsWith(want) || key.includes(`-${want}`))) found.set(key, "");
    }
  } while (cursor !== "0" && found.size < limit * 4 && Date.now() < deadline);
  const picked = [...found.keys()].slice(0, limit * 4);
  const named = await Promise.all(
    picked.map(async (key) => {
      const [club] = await redis.zrevrange(keys.key("rumour", "board", key), 0, 0);
      const raw = club ? await redis.get(keys.key("rumour", key, club)) : null;
      const name = raw ? (JSON.parse(raw) as Rumour).playerName : null;
      return name ? { key, name } : null;
    }),
  );
  return named
    .filter((p): p is RecentPlayer => p !== null)
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, limit);
}
