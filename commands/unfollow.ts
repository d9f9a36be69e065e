import { z } from "zod";
import { clubName, messages } from "../src/chat/messages/index.js";
import { clubArg, nameArg } from "./args.js";
import { ALL, removeAll } from "./remove-all.js";
import { defineCommand } from "./types.js";

/** /unfollow CLUB | all — stop alerts about a club, or about every club. */
export default defineCommand({
  name: "unfollow",
  description: { en: "Stop alerts about a club (or all)", it: "Smetti di seguire una squadra (o tutte)" },
  args: [clubArg({ en: "A club you follow, or all", it: "Una squadra che segui, oppure all" })],
  options: z.object({ club: nameArg }),
  permission: "admin",
  async execute({ club }, ctx) {
    const all = ALL.exec(club);
    if (all) return removeAll("clubs", Boolean(all[2]), ctx);
    const m = messages(ctx.lang).unfollow;
    const name = ctx.deps.gazetteer.club(club)?.name ?? club;
    if (!(await ctx.deps.subscriptions.unfollow(ctx.chat, name))) return { text: m.notFollowed(club) };
    return { text: m.stopped(clubName(name, ctx.lang)) };
  },
});
