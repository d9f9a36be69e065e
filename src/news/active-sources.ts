import type { Keys, Redis } from "../redis.js";
import { type Source, SourcesFileSchema } from "./sources.js";

/** The sources the running bot schedules, as its scheduler last applied them. */
export interface ActiveSources {
  sources: Source[];
  /** The file they were read from (absolute path). */
  file: string;
  /** When the scheduler applied them, ISO 8601. */
  savedAt: string;
}

/**
 * One Redis key holding the list the scheduler role applied, so `cli sources` shows what the running
 * bot polls, not what the CLI's own SOURCES_FILE says. Bounded by the file's 1,000 sources; no expiry,
 * since a bot that runs keeps it current and one that stopped still polled these last.
 */
export interface ActiveSourcesStore {
  save(sources: Source[], meta: { file: string; at: Date }): Promise<void>;
  /** Null when no scheduler stored a list yet, or the stored one no longer validates. */
  load(): Promise<ActiveSources | null>;
}

export function createActiveSourcesStore(redis: Redis, keys: Keys): ActiveSourcesStore {
  const key = keys.key("sources", "active");
  return {
    async save(sources, { file, at }) {
      await redis.set(key, JSON.stringify({ sources, file, savedAt: at.toISOString() }));
    },
    async load() {
      const raw = await redis.get(key);
      if (!raw) return null;
      try {
        const v = JSON.parse(raw) as { sources?: unknown; file?: unknown; savedAt?: unknown };
        const sources = SourcesFileSchema.safeParse(v.sources);
        if (!sources.success || typeof v.file !== "string" || typeof v.savedAt !== "string") return null;
        return { sources: sources.data, file: v.file, savedAt: v.savedAt };
      } catch {
        return null;
      }
    },
  };
}
