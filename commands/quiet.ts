import { z } from "zod";
import { parseLocalTime } from "../src/digest/schedule.js";
import { defineCommand } from "./types.js";

/** /quiet 23:00-07:00 | off — hours when alerts wait for the digest instead of ringing. */
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
  options: z.object({ hours: z.string().trim().min(1).max(20) }),
  permission: "admin",
  async execute({ hours }, ctx) {
    const it = ctx.lang === "it";
    if (hours.toLowerCase() === "off") {
      await ctx.deps.chatState.setQuiet(ctx.chat, null);
      return { text: it ? "Ore di silenzio disattivate." : "Quiet hours off." };
    }
    const m = /^(\S+)\s*[-–]\s*(\S+)$/.exec(hours);
    const from = m ? parseLocalTime(m[1]!) : null;
    const to = m ? parseLocalTime(m[2]!) : null;
    if (!from || !to || from === to) {
      return {
        text: it
          ? "Scrivi le ore così: /quiet 23:00-07:00, oppure /quiet off."
          : "Write the hours like this: /quiet 23:00-07:00, or /quiet off.",
      };
    }
    await ctx.deps.chatState.setQuiet(ctx.chat, { from, to });
    const { zone } = await ctx.deps.chatState.settings(ctx.chat);
    return {
      text: it
        ? `Silenzio dalle ${from} alle ${to} (${zone}): gli avvisi di quelle ore arrivano nel riepilogo.`
        : `Quiet from ${from} to ${to} (${zone}): alerts in those hours wait for the digest.`,
    };
  },
});
