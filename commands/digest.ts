import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { planRelease } from "../src/digest/held-release.js";
import { planDigest } from "../src/digest/plan-digest.js";
import { canonicalZone, isTimeZone, parseLocalTime } from "../src/digest/schedule.js";
import { isHolding } from "../src/subscriptions/chat-state-store.js";
import { localTime } from "./local-time.js";
import { defineCommand } from "./types.js";

/** /digest 09:00 [Europe/Rome] | off — when the daily digest comes, in which time zone. */
export default defineCommand({
  name: "digest",
  description: {
    en: "Set the daily digest time, or turn it off",
    it: "Imposta l'ora del riepilogo, o disattivalo",
  },
  args: [
    { name: "time", description: { en: "HH:MM, or off", it: "HH:MM, oppure off" }, required: true },
    {
      name: "zone",
      description: { en: "Time zone, e.g. Europe/Rome", it: "Fuso orario, es. Europe/Rome" },
      required: false,
    },
  ],
  // Loose bounds: a wrong time gets the command's own example, not a length complaint.
  options: z.object({ time: z.string().trim().min(1).max(60), zone: z.string().trim().max(60).optional() }),
  permission: "admin",
  async execute({ time, zone }, ctx) {
    const m = messages(ctx.lang).digestCmd;
    const { chatState, digestSchedule } = ctx.deps;
    const now = ctx.deps.now();
    if (time.toLowerCase() === "off") {
      await chatState.setDigest(ctx.chat, null);
      await planDigest(ctx.chat, { chatState, digestSchedule }, now, "replace");
      // Alerts already held (or held from now on) go out when their hold ends: say when.
      const s = await chatState.settings(ctx.chat);
      await planRelease(ctx.chat, s, ctx.deps, now);
      const held = isHolding(s.holdUntil, now) ? m.offHeldPause : s.quiet ? m.offHeldQuiet : "";
      return { text: held ? `${m.off} ${held}` : m.off };
    }
    const hhmm = parseLocalTime(time);
    if (!hhmm) return { text: m.badTime };
    if (zone && !isTimeZone(zone)) return { text: m.badZone(zone) };
    await chatState.setDigest(ctx.chat, hhmm, zone ? canonicalZone(zone) : undefined);
    const next = await planDigest(ctx.chat, { chatState, digestSchedule }, now, "replace");
    const z2 = (await chatState.settings(ctx.chat)).zone;
    return { text: m.set(hhmm, z2, next ? localTime(next, z2, ctx.lang) : "") };
  },
});
