import type { ChatAdapter, OutgoingAlerts, OutgoingDigest } from "../../src/chat/types.js";
import type { Platform } from "../../src/queues.js";

/**
 * A ChatAdapter that records what it is asked to send. `setNextError` makes the next send fail with
 * the given error; `setWait` makes reserve() ask for a wait once.
 */
export function createRecordingAdapter(platform: Platform = "console") {
  const sent: OutgoingAlerts[] = [];
  const digests: OutgoingDigest[] = [];
  const errors: Error[] = [];
  let wait = 0;
  const adapter: ChatAdapter & {
    sent: OutgoingAlerts[];
    digests: OutgoingDigest[];
    setNextError(e: Error): void;
    setWait(ms: number): void;
    clear(): void;
  } = {
    platform,
    sent,
    digests,
    async reserve() {
      const w = wait;
      wait = 0;
      return w;
    },
    async send(message) {
      const e = errors.shift();
      if (e) throw e;
      sent.push(message);
    },
    async sendDigest(message) {
      const e = errors.shift();
      if (e) throw e;
      digests.push(message);
    },
    setNextError: (e) => void errors.push(e),
    setWait: (ms) => {
      wait = ms;
    },
    clear: () => {
      sent.length = 0;
      digests.length = 0;
      errors.length = 0;
    },
  };
  return adapter;
}
