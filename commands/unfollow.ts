import { z } from "zod";
import { clubArg, nameArg } from "./args.js";
import { defineCommand } from "./types.js";

/** /unfollow CLUB — stop alerts about a club. */
export default defineCommand({
  name: "unfollow",
  description: { en: "Stop alerts about a club", it: "Smetti di seguire una squadra" },
  args: [clubArg({ en: "A club you follow", it: "Una squadra che segui" })],
  options: z.object({ club: nameArg }),
  permission: "admin",
  async execute({ club }, ctx) {
    const it = ctx.lang === "it";
    const name = ctx.deps.gazetteer.club(club)?.name ?? club;
    if (!(await ctx.deps.subscriptions.unfollow(ctx.chat, name))) {
      return {
        text: it
          ? `Non segui "${club}". /list mostra chi segui.`
          : `You don't follow "${club}". /list shows what you follow.`,
      };
    }
    return { text: it ? `Non segui più il ${name}.` : `Stopped following ${name}.` };
  },
});
