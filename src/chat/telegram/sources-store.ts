import type { Lang } from "../../../commands/types.js";
import type { OutboxItem } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import { alertRef } from "./alert-keyboard.js";
import { sourcesText } from "./render-telegram.js";

/** How long an alert's Sources button keeps working. */
const TTL_MS = 30 * 86_400_000;

/**
 * What the Sources button of an alert shows, kept in Redis because callback data holds only 64 bytes.
 * Keys: `tg:src:<alert ref>`, expiring after 30 days.
 */
export interface SourcesStore {
  /** Records the sources text of every alert in a message about to be sent. */
  save(items: OutboxItem[], lang: Lang): Promise<void>;
  /** The text for a button's ref; null once expired. */
  get(ref: string): Promise<string | null>;
}

export function createSourcesStore(redis: Redis, keys: Keys): SourcesStore {
  const key = (ref: string) => keys.key("tg", "src", ref);
  return {
    async save(items, lang) {
      const m = redis.multi();
      for (const item of items) m.set(key(alertRef(item.alert.id)), sourcesText(item, lang), "PX", TTL_MS);
      await m.exec();
    },
    get: (ref) => redis.get(key(ref)),
  };
}
