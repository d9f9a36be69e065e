import { createHash } from "node:crypto";
import type { Keys, Redis } from "../redis.js";
import { foldName } from "../understand/types.js";

/** "busy": another URL with the same content is being processed right now (its lease is live). */
export type ClaimResult = "new" | "seen-url" | "seen-content" | "busy";

/**
 * Remembers which articles were processed, by canonical URL and by content, so the same article from two
 * feeds, or twice from one, or re-published under a new URL, is processed once.
 *
 * Two phases, so that a worker killed mid-article loses nothing: `claim` writes a processing marker with
 * a lease, owned by the URL; `complete` turns it into "processed" for the memory window. A claim of a URL
 * whose own marker is still there is the retry of an attempt that died: it takes the marker over and
 * processes again (every later step is idempotent). A marker nobody completes expires with its lease.
 */
export interface ArticleDedupe {
  /** Claims an article for processing; only the first claim of a URL or a content returns "new". */
  claim(canonicalUrl: string, contentHash: string): Promise<ClaimResult>;
  /** Marks a claimed article processed, once its outcome (events handed on, or none) is recorded. */
  complete(canonicalUrl: string, contentHash: string): Promise<void>;
}

/** How long a processing marker holds off other claims: past the slowest page read and extraction. */
export const CLAIM_LEASE_MS = 5 * 60_000;

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

// One round trip, atomic. KEYS: url, content. ARGV: memory ms, lease ms, owner marker. A processed URL
// wins over content; a new URL with processed content is remembered as processed too, so its next
// appearance is a plain URL repeat. The owner's own marker (an attempt that died) is taken over.
const CLAIM_SCRIPT = `
local u = redis.call('GET', KEYS[1])
if u == '1' then return 1 end
if u and u ~= ARGV[3] then return 3 end
local c = redis.call('GET', KEYS[2])
if c == '1' then
  redis.call('SET', KEYS[1], '1', 'PX', ARGV[1])
  return 2
end
if c and c ~= ARGV[3] then return 3 end
redis.call('SET', KEYS[1], ARGV[3], 'PX', ARGV[2])
redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[2])
return 0`;

// KEYS: url, content. ARGV: memory ms, owner marker. Only the owner's markers become "processed".
const COMPLETE_SCRIPT = `
for i = 1, 2 do
  if redis.call('GET', KEYS[i]) == ARGV[2] then redis.call('SET', KEYS[i], '1', 'PX', ARGV[1]) end
end
return 1`;

export function createArticleDedupe(redis: Redis, keys: Keys, opts: { memoryDays: number }): ArticleDedupe {
  const ttl = opts.memoryDays * 86_400_000;
  const urlKey = (url: string) => keys.key("article", "url", sha1(url));
  const contentKey = (hash: string) => keys.key("article", "content", hash);
  // The owner is the URL: a retried ingest job (its id comes from the URL) is the same owner.
  const owner = (url: string) => `p:${sha1(url)}`;
  return {
    async claim(url, hash) {
      const r = Number(
        await redis.eval(CLAIM_SCRIPT, 2, urlKey(url), contentKey(hash), ttl, CLAIM_LEASE_MS, owner(url)),
      );
      return (["new", "seen-url", "seen-content", "busy"] as const)[r] ?? "busy";
    },
    async complete(url, hash) {
      await redis.eval(COMPLETE_SCRIPT, 2, urlKey(url), contentKey(hash), ttl, owner(url));
    },
  };
}
