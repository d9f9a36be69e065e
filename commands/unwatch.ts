import { z } from "zod";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { nameArg, playerArg } from "./args.js";
import { defineCommand } from "./types.js";

/** /unwatch NAME — stop alerts about a player this chat watches. */
export default defineCommand({
  name: "unwatch",
  description: { en: "Stop alerts about a player", it: "Smetti di seguire un giocatore" },
  args: [playerArg({ en: "A player you watch", it: "Un giocatore che segui" })],
  options: z.object({ player: nameArg }),
  permission: "admin",
  async execute({ player }, ctx) {
    const it = ctx.lang === "it";
    const { players } = await ctx.deps.subscriptions.list(ctx.chat);
    const wanted = playerKey(player);
    // Match the key, or a surname the chat's list makes unambiguous ("/unwatch Kim").
    let match = players.find((p) => p.key === wanted);
    if (!match) {
      const bySurname = players.filter((p) => p.key.split("-").includes(wanted));
      if (bySurname.length === 1) match = bySurname[0];
    }
    if (!match || !(await ctx.deps.subscriptions.unwatch(ctx.chat, match.key))) {
      return {
        text: it
          ? `Non segui "${player}". /list mostra chi segui.`
          : `You don't watch "${player}". /list shows what you follow.`,
      };
    }
    return { text: it ? `Non seguo più ${match.name}.` : `Stopped watching ${match.name}.` };
  },
});
