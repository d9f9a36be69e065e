import { z } from "zod";
import { clubName, messages } from "../src/chat/messages/index.js";
import { planDigest } from "../src/digest/plan-digest.js";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { chatFullText, nameArg, playerArg } from "./args.js";
import { defineCommand } from "./types.js";

/** /watch NAME — push alerts about one player. Unknown names are accepted: youth players make news first. */
export default defineCommand({
  name: "watch",
  description: { en: "Get alerts about a player", it: "Ricevi gli avvisi su un giocatore" },
  args: [playerArg({ en: "Player name, e.g. Kim Min-jae", it: "Nome del giocatore, es. Kim Min-jae" })],
  options: z.object({ player: nameArg }),
  permission: "admin",
  async execute({ player }, ctx) {
    const m = messages(ctx.lang).watch;
    const found = ctx.deps.gazetteer.players(player);
    const exact = found.filter((p) => p.key === playerKey(player));
    const choice = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    const club = (c: string | null | undefined) => (c ? clubName(c, ctx.lang) : "");
    if (!choice && found.length > 1) {
      const names = found
        .slice(0, 5)
        .map((p) => `• ${p.name}${p.club ? ` (${club(p.club)})` : ""}`)
        .join("\n");
      return { text: m.several(player, names) };
    }
    const entry = choice ? { key: choice.key, name: choice.name } : { key: playerKey(player), name: player };
    const result = await ctx.deps.subscriptions.watch(ctx.chat, entry);
    if (result === "full") return { text: chatFullText(ctx.lang, ctx.deps.subscriptions.maxPerChat) };
    if (result === "exists") return { text: m.already(entry.name) };
    await ctx.deps.chatState.markSubscribed(ctx.chat, ctx.deps.now());
    // A chat that follows something gets the daily digest (09:00 Europe/Rome unless it said otherwise).
    await planDigest(ctx.chat, ctx.deps, ctx.deps.now(), "ensure");
    if (!choice) return { text: m.unknown(entry.name) };
    return { text: m.added(entry.name, club(choice.club)) };
  },
});
