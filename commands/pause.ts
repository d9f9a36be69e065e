import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { parseDuration } from "./duration.js";
import { localTime } from "./local-time.js";
import { defineCommand } from "./types.js";

/**
 * /pause [duration] — no pushes for a while (or until /resume). Nothing is lost: what comes meanwhile is
 * held for the digest, or with the digest off sent when the pause ends.
 */
export default defineCommand({
  name: "pause",
  description: { en: "Pause alerts for a while", it: "Metti in pausa gli avvisi per un po'" },
  args: [
    {
      name: "duration",
      description: {
        en: "e.g. 2h, 30m, 3d; none: until /resume",
        it: "es. 2h, 30m, 3d; niente: fino a /resume",
      },
      required: false,
      rest: true,
    },
  ],
  options: z.object({ duration: z.string().trim().max(20).optional() }),
  permission: "admin",
  async execute({ duration }, ctx) {
    const m = messages(ctx.lang).pause;
    const now = ctx.deps.now();
    const ms = duration ? parseDuration(duration) : null;
    if (duration && ms === null) return { text: m.bad };
    const until = ms === null ? null : new Date(now.getTime() + ms);
    await ctx.deps.chatState.holdPushes(ctx.chat, until);
    const s = await ctx.deps.chatState.settings(ctx.chat);
    // With the digest off, the pause's end releases what it held.
    if (until && !s.digest) await ctx.deps.digestSchedule.earliest([{ chat: ctx.chat, at: until }]);
    const digest = Boolean(s.digest);
    return { text: until ? m.setUntil(localTime(until, s.zone, ctx.lang), digest) : m.setOpen(digest) };
  },
});
