import type { DigestSchedule } from "../src/digest/digest-schedule.js";
import { followingDigestAt } from "../src/digest/schedule.js";
import type { Logger } from "../src/log.js";
import type { DigestJob } from "../src/queues.js";
import { chatString } from "../src/subscriptions/chat-address.js";
import type { ChatStateStore } from "../src/subscriptions/chat-state-store.js";

export interface DigestTickDeps {
  schedule: DigestSchedule;
  chatState: ChatStateStore;
  enqueueDigest(job: DigestJob): Promise<void>;
  now(): Date;
  log: Logger;
}

/** Chats claimed per round; a tick runs rounds until none is due. */
const BATCH = 500;

/**
 * digest-tick: every chat whose digest is due gets one digest job and moves to its next digest time. A
 * tick missed while the bot was down finds the chat still due and catches it up once; the next time is
 * the chat's next local calendar day (or later, never in the past), so none is sent twice.
 */
export async function processDigestTick(_data: unknown, deps: DigestTickDeps): Promise<{ due: number }> {
  const now = deps.now();
  let total = 0;
  for (;;) {
    const claimed = await deps.schedule.claimDue(now, BATCH, async (due) => {
      const settings = await deps.chatState.settingsAmong(due.map((d) => d.chat));
      return due.map(({ chat, due: at }) => {
        const s = settings.get(chatString(chat));
        return s?.digest ? followingDigestAt(s.digest, s.zone, at, now) : null;
      });
    });
    for (const { chat, due } of claimed) await deps.enqueueDigest({ chat, due: due.toISOString() });
    total += claimed.length;
    if (claimed.length < BATCH) break;
  }
  if (total) deps.log.info({ due: total }, "digests due");
  return { due: total };
}
