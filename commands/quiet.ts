import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { planRelease } from "../src/digest/held-release.js";
import { parseLocalTime } from "../src/digest/schedule.js";
import { defineCommand } from "./types.js";

/**
 * /quiet 23:00-07:00 | off — hours when alerts wait instead of ringing: for the digest, or with the digest
 * off, until the quiet hours end.
 */
export default defineCommand({
  name: "quiet",
  description: { en: "Set quiet hours, or turn them off", it: "Imposta le ore di silenzio, o disattivale" },
  args: [
    {
      name: "hours",
      description: { en: "HH:MM-HH:MM, or off", it: "HH:MM-HH:MM, oppure off" },
      required: true,
      rest: true,
    },
  ],
  options: z.object({ hours: z.string().trim().min(1).max(40) }),
  permission: "admin",
  async execute({ hours }, ctx) {
    const m = messages(ctx.lang).quietCmd;
    const { chatState } = ctx.deps;
    if (hours.toLowerCase() === "off") {
      await chatState.setQuiet(ctx.chat, null);
      // What the ended quiet hours held goes now when no digest will carry it.
      await planRelease(ctx.chat, await chatState.settings(ctx.chat), ctx.deps, ctx.deps.now());
      return { text: m.off };
    }
    const found = /^(\S+)\s*[-–]\s*(\S+)$/.exec(hours);
    const from = found ? parseLocalTime(found[1]!) : null;
    const to = found ? parseLocalTime(found[2]!) : null;
    if (!from || !to || from === to) return { text: m.bad };
    await chatState.setQuiet(ctx.chat, { from, to });
    const s = await chatState.settings(ctx.chat);
    return { text: s.digest ? m.setDigest(from, to, s.zone) : m.setNoDigest(from, to, s.zone) };
  },
});
