import { z } from "zod";
import { planDigest } from "../src/digest/plan-digest.js";
import { chatFullText, clubArg, nameArg } from "./args.js";
import { defineCommand } from "./types.js";

/** /follow CLUB — alerts about every player linked to a club, or leaving it. */
export default defineCommand({
  name: "follow",
  description: {
    en: "Get alerts about a club's transfers",
    it: "Ricevi gli avvisi sul mercato di una squadra",
  },
  args: [clubArg({ en: "Club name, e.g. Milan", it: "Nome della squadra, es. Milan" })],
  options: z.object({ club: nameArg }),
  permission: "admin",
  async execute({ club }, ctx) {
    const it = ctx.lang === "it";
    const entry = ctx.deps.gazetteer.club(club);
    if (!entry) {
      const hints = ctx.deps.gazetteer
        .suggestClubs(club.slice(0, 3), 3)
        .map((c) => c.name)
        .join(", ");
      const hint = hints ? (it ? ` Forse: ${hints}?` : ` Did you mean: ${hints}?`) : "";
      return {
        text: it
          ? `Non conosco la squadra "${club}".${hint}`
          : `I don't know a club called "${club}".${hint}`,
      };
    }
    const result = await ctx.deps.subscriptions.follow(ctx.chat, entry.name);
    if (result === "full") {
      return { text: chatFullText(ctx.lang) };
    }
    if (result === "exists")
      return { text: it ? `Segui già il ${entry.name}.` : `You already follow ${entry.name}.` };
    // A chat that follows something gets the daily digest (09:00 Europe/Rome unless it said otherwise).
    await planDigest(ctx.chat, ctx.deps, ctx.deps.now(), "ensure");
    return {
      text: it
        ? `Segui il mercato del ${entry.name}: ti avviso di ogni trattativa nuova o che avanza.`
        : `Following ${entry.name}: you'll get an alert for every new or moving deal.`,
    };
  },
});
