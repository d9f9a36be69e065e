import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { nameArg, playerArg } from "./args.js";
import { ALL, removeAll } from "./remove-all.js";
import { defineCommand } from "./types.js";

/** /unwatch NAME | all — stop alerts about a player this chat watches, or about every one. */
export default defineCommand({
  name: "unwatch",
  description: { en: "Stop alerts about a player (or all)", it: "Smetti di seguire un giocatore (o tutti)" },
  args: [playerArg({ en: "A player you watch, or all", it: "Un giocatore che segui, oppure all" })],
  options: z.object({ player: nameArg }),
  permission: "admin",
  async execute({ player }, ctx) {
    const all = ALL.exec(player);
    if (all) return removeAll("players", Boolean(all[2]), ctx);
    const m = messages(ctx.lang).unwatch;
    const { players } = await ctx.deps.subscriptions.list(ctx.chat);
    const wanted = playerKey(player);
    // Match the key, or a surname the chat's list makes unambiguous ("/unwatch Kim").
    let match = players.find((p) => p.key === wanted);
    if (!match) {
      const bySurname = players.filter((p) => p.key.split("-").includes(wanted));
      if (bySurname.length === 1) match = bySurname[0];
    }
    if (!match || !(await ctx.deps.subscriptions.unwatch(ctx.chat, match.key)))
      return { text: m.notWatched(player) };
    return { text: m.stopped(match.name) };
  },
});
