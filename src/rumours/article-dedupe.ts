import { createHash } from "node:crypto";
import type { Keys, Redis } from "../redis.js";
import { foldName } from "../understand/types.js";

export type ClaimResult = "new" | "seen-url" | "seen-content";

/**
 * Remembers which articles were processed, by canonical URL and by content, so the same article from two
 * feeds, or twice from one, or re-published under a new URL, is processed once.
 */
export interface ArticleDedupe {
  /** Claims an article for processing; only the first claim of a URL or a content returns "new". */
  claim(canonicalUrl: string, contentHash: string): Promise<ClaimResult>;
}

/**
 * A hash of what the article says, blind to case, accents, punctuation and spacing, so a copy with other
 * markup or typography hashes the same.
 */
export function contentHash(title: string, text: string): string {
  const norm = (s: string) =>
    foldName(s)
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  return createHash("sha1")
    .update(`${norm(title)}\n${norm(text).slice(0, 4000)}`)
    .digest("hex");
}

const sha1 = (s: string) => createHash("sha1").update(s).digest("hex");

// One round trip, atomic: a URL seen before wins over content; a new URL with known content is
// remembered too, so its next appearance is a plain URL repeat.
const CLAIM_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 1 end
local seenContent = redis.call('EXISTS', KEYS[2])
redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
if seenContent == 1 then return 2 end
redis.call('SET', KEYS[2], '1', 'PX', ARGV[1])
return 0`;

export function createArticleDedupe(redis: Redis, keys: Keys, opts: { memoryDays: number }): ArticleDedupe {
  const ttl = opts.memoryDays * 86_400_000;
  return {
    async claim(url, hash) {
      const r = Number(
        await redis.eval(
          CLAIM_SCRIPT,
          2,
          keys.key("article", "url", sha1(url)),
          keys.key("article", "content", hash),
          ttl,
        ),
      );
      return r === 0 ? "new" : r === 1 ? "seen-url" : "seen-content";
    },
  };
}
