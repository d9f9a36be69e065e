import { z } from "zod";
import { planDigest } from "../src/digest/plan-digest.js";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { chatFullText, nameArg, playerArg } from "./args.js";
import { defineCommand } from "./types.js";

/** /watch NAME — push alerts about one player. Unknown names are accepted: youth players make news first. */
export default defineCommand({
  name: "watch",
  description: { en: "Get alerts about a player", it: "Ricevi gli avvisi su un giocatore" },
  args: [playerArg({ en: "Player name, e.g. Kim Min-Jae", it: "Nome del giocatore, es. Kim Min-Jae" })],
  options: z.object({ player: nameArg }),
  permission: "admin",
  async execute({ player }, ctx) {
    const it = ctx.lang === "it";
    const found = ctx.deps.gazetteer.players(player);
    const exact = found.filter((p) => p.key === playerKey(player));
    const choice = exact.length === 1 ? exact[0] : found.length === 1 ? found[0] : undefined;
    if (!choice && found.length > 1) {
      const names = found
        .slice(0, 5)
        .map((p) => `• ${p.name}${p.club ? ` (${p.club})` : ""}`)
        .join("\n");
      return {
        text: it
          ? `Più giocatori si chiamano "${player}". Quale?\n${names}\nScrivi /watch con il nome completo.`
          : `Several players match "${player}". Which one?\n${names}\nSend /watch with the full name.`,
      };
    }
    const entry = choice ? { key: choice.key, name: choice.name } : { key: playerKey(player), name: player };
    const result = await ctx.deps.subscriptions.watch(ctx.chat, entry);
    if (result === "full") {
      return { text: chatFullText(ctx.lang) };
    }
    if (result === "exists") {
      return { text: it ? `Segui già ${entry.name}.` : `You already watch ${entry.name}.` };
    }
    // A chat that follows something gets the daily digest (09:00 Europe/Rome unless it said otherwise).
    await planDigest(ctx.chat, ctx.deps, ctx.deps.now(), "ensure");
    if (!choice) {
      return {
        text: it
          ? `Seguo ${entry.name}. Non lo conosco ancora: ti avviso appena le notizie ne parlano.`
          : `Watching ${entry.name}. I don't know this player yet: you'll get an alert as soon as the news names him.`,
      };
    }
    const club = choice.club ? ` (${choice.club})` : "";
    return {
      text: it
        ? `Seguo ${entry.name}${club}. Ti avviso quando una trattativa nasce o avanza.`
        : `Watching ${entry.name}${club}. You'll get an alert when a deal starts or moves.`,
    };
  },
});
