import { z } from "zod";
import { clubName, messages } from "../src/chat/messages/index.js";
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
    const m = messages(ctx.lang).follow;
    const entry = ctx.deps.gazetteer.club(club);
    if (!entry) {
      const hints = ctx.deps.gazetteer
        .suggestClubs(club.slice(0, 3), 3)
        .map((c) => clubName(c.name, ctx.lang))
        .join(", ");
      return { text: m.unknown(club, hints) };
    }
    const name = clubName(entry.name, ctx.lang);
    const result = await ctx.deps.subscriptions.follow(ctx.chat, entry.name);
    if (result === "full") return { text: chatFullText(ctx.lang, ctx.deps.subscriptions.maxPerChat) };
    if (result === "exists") return { text: m.already(name) };
    await ctx.deps.chatState.markSubscribed(ctx.chat, ctx.deps.now());
    // A chat that follows something gets the daily digest (09:00 Europe/Rome unless it said otherwise).
    await planDigest(ctx.chat, ctx.deps, ctx.deps.now(), "ensure");
    return { text: m.added(name) };
  },
});
