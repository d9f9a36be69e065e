import { createHash } from "node:crypto";
import type { Keys, Redis } from "../redis.js";
import { bandKeys, encodeSignature, signature, similarityToStored } from "./minhash.js";

/** Estimated Jaccard similarity of word 3-shingles from which a text counts as a copy or rewrite. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export interface NearDuplicate {
  /** The earlier article's canonical URL. */
  of: string;
  similarity: number;
}

/** A short stable id for an article in the index (its URL is kept once, in the signature's entry). */
const shortId = (url: string) => createHash("sha1").update(url).digest("base64url").slice(0, 12);

/**
 * Finds articles that are copies or light rewrites of one seen within the memory window (LSH over MinHash
 * signatures), and remembers each new one.
 *
 * Keys: one hash per day, `neardup:<yyyymmdd>`, expiring after the memory window: fields `b:<band>` →
 * the short id of the first article with that band, `s:<id>` → its 256-byte signature, `u:<id>` → its URL. Day buckets bound memory without per-field
 * expiry; a check reads the window's buckets in one pipelined round trip.
 */
export interface NearDuplicateIndex {
  /** Checks `text` against the window and records it; returns the earlier article it copies, if any. */
  check(id: string, text: string, at: Date): Promise<NearDuplicate | null>;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10).replace(/-/g, "");

export function createNearDuplicateIndex(
  redis: Redis,
  keys: Keys,
  opts: { memoryDays: number; threshold?: number },
): NearDuplicateIndex {
  const threshold = opts.threshold ?? NEAR_DUPLICATE_THRESHOLD;
  const bucket = (d: string) => keys.key("neardup", d);
  return {
    async check(url, text, at) {
      const sig = signature(text);
      if (!sig) return null;
      const id = shortId(url);
      const bands = bandKeys(sig).map((b) => `b:${b}`);
      const days = Array.from({ length: opts.memoryDays + 1 }, (_, i) => day(at.getTime() - i * 86_400_000));
      const pipe = redis.pipeline();
      for (const d of days) pipe.hmget(bucket(d), ...bands);
      const candidates = new Set<string>();
      for (const [, values] of (await pipe.exec()) ?? [])
        for (const v of (values as (string | null)[]) ?? []) if (v && v !== id) candidates.add(v);

      let best: { id: string; similarity: number } | null = null;
      if (candidates.size) {
        const ids = [...candidates].slice(0, 20);
        const sigPipe = redis.pipeline();
        for (const d of days) sigPipe.hmgetBuffer(bucket(d), ...ids.map((c) => `s:${c}`));
        for (const [, values] of (await sigPipe.exec()) ?? []) {
          (values as (Buffer | null)[]).forEach((v, i) => {
            if (!v) return;
            const sim = similarityToStored(sig, v);
            if (sim >= threshold && (!best || sim > best.similarity)) best = { id: ids[i]!, similarity: sim };
          });
        }
      }
      const today = bucket(day(at.getTime()));
      const write = redis.pipeline();
      for (const b of bands) write.hsetnx(today, b, id);
      write.hset(today, `s:${id}`, encodeSignature(sig), `u:${id}`, url);
      write.pexpire(today, (opts.memoryDays + 1) * 86_400_000);
      if (best) for (const d of days) write.hget(bucket(d), `u:${(best as { id: string }).id}`);
      const results = (await write.exec()) ?? [];
      if (!best) return null;
      const found = results.slice(bands.length + 2).find(([, v]) => typeof v === "string");
      return {
        of: (found?.[1] as string | undefined) ?? (best as { id: string }).id,
        similarity: (best as { similarity: number }).similarity,
      };
    },
  };
}
