import type { Keys, Redis } from "../redis.js";
import { bandKeys, decodeSignature, encodeSignature, signature, similarity } from "./minhash.js";

/** Estimated Jaccard similarity of word 3-shingles from which a text counts as a copy or rewrite. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

export interface NearDuplicate {
  /** The earlier article's id (its canonical URL). */
  of: string;
  similarity: number;
}

/**
 * Finds articles that are copies or light rewrites of one seen within the memory window (LSH over MinHash
 * signatures), and remembers each new one.
 *
 * Keys: one hash per day, `neardup:<yyyymmdd>`, expiring after the memory window: fields `b:<band>` →
 * the first article with that band, `s:<id>` → its signature. Day buckets bound memory without per-field
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
    async check(id, text, at) {
      const sig = signature(text);
      if (!sig) return null;
      const bands = bandKeys(sig).map((b) => `b:${b}`);
      const days = Array.from({ length: opts.memoryDays + 1 }, (_, i) => day(at.getTime() - i * 86_400_000));
      const pipe = redis.pipeline();
      for (const d of days) pipe.hmget(bucket(d), ...bands);
      const found = (await pipe.exec()) ?? [];
      const candidates = new Set<string>();
      for (const [, values] of found)
        for (const v of (values as (string | null)[]) ?? []) if (v && v !== id) candidates.add(v);

      let best: NearDuplicate | null = null;
      if (candidates.size) {
        const ids = [...candidates].slice(0, 20);
        const sigPipe = redis.pipeline();
        for (const d of days) sigPipe.hmget(bucket(d), ...ids.map((c) => `s:${c}`));
        const sigs = (await sigPipe.exec()) ?? [];
        for (const [, values] of sigs) {
          (values as (string | null)[]).forEach((v, i) => {
            if (!v) return;
            const s = similarity(sig, decodeSignature(v));
            if (s >= threshold && (!best || s > best.similarity)) best = { of: ids[i]!, similarity: s };
          });
        }
      }
      const today = bucket(day(at.getTime()));
      const write = redis.pipeline();
      for (const b of bands) write.hsetnx(today, b, id);
      write.hset(today, `s:${id}`, encodeSignature(sig));
      write.pexpire(today, (opts.memoryDays + 1) * 86_400_000);
      await write.exec();
      return best;
    },
  };
}
