import { DateTime } from "luxon";
import { z } from "zod";
import { planDigest } from "../src/digest/plan-digest.js";
import { isTimeZone, parseLocalTime } from "../src/digest/schedule.js";
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
  options: z.object({ time: z.string().trim().min(1).max(10), zone: z.string().trim().max(60).optional() }),
  permission: "admin",
  async execute({ time, zone }, ctx) {
    const it = ctx.lang === "it";
    const { chatState, digestSchedule } = ctx.deps;
    if (time.toLowerCase() === "off") {
      await chatState.setDigest(ctx.chat, null);
      await planDigest(ctx.chat, { chatState, digestSchedule }, ctx.deps.now(), "replace");
      return { text: it ? "Riepilogo giornaliero disattivato." : "Daily digest turned off." };
    }
    const hhmm = parseLocalTime(time);
    if (!hhmm) {
      return {
        text: it
          ? "Scrivi l'ora così: /digest 09:00 Europe/Rome, oppure /digest off."
          : "Write the time like this: /digest 09:00 Europe/Rome, or /digest off.",
      };
    }
    if (zone && !isTimeZone(zone)) {
      return {
        text: it
          ? `Non conosco il fuso orario "${zone}". Usa un nome come Europe/Rome o America/New_York.`
          : `I don't know the time zone "${zone}". Use a name like Europe/Rome or America/New_York.`,
      };
    }
    await chatState.setDigest(ctx.chat, hhmm, zone);
    const next = await planDigest(ctx.chat, { chatState, digestSchedule }, ctx.deps.now(), "replace");
    const z2 = (await chatState.settings(ctx.chat)).zone;
    const when = next
      ? DateTime.fromJSDate(next, { zone: z2 }).setLocale(ctx.lang).toFormat("ccc d LLL HH:mm")
      : "";
    return {
      text: it
        ? `Riepilogo ogni giorno alle ${hhmm} (${z2}). Il prossimo: ${when}.`
        : `Digest every day at ${hhmm} (${z2}). Next: ${when}.`,
    };
  },
});
