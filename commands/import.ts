import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { planDigest } from "../src/digest/plan-digest.js";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { cleanLine } from "../src/text/clean-text.js";
import { nameArg } from "./args.js";
import { MAX_LIST_TEXT, parseSubscriptionList } from "./subscription-list.js";
import { defineCommand } from "./types.js";

/**
 * /import LIST — watches and follows what an /export listed. Names go through the same checks as /watch
 * and /follow; unknown clubs and bad names are named back, the rest is added until the chat is full.
 */
export default defineCommand({
  name: "import",
  description: { en: "Add a list made by /export", it: "Aggiungi una lista fatta con /export" },
  args: [
    {
      name: "list",
      description: { en: "What /export gave you", it: "Quello che ti ha dato /export" },
      required: true,
      rest: true,
      maxLength: MAX_LIST_TEXT,
    },
  ],
  options: z.object({ list: z.string().max(MAX_LIST_TEXT) }),
  permission: "admin",
  async execute({ list }, ctx) {
    const m = messages(ctx.lang).importCmd;
    const wanted = parseSubscriptionList(list);
    if (!wanted) return { text: m.bad };
    const { gazetteer, subscriptions } = ctx.deps;
    const skipped: string[] = [];
    let players = 0;
    let clubs = 0;
    let full = false;
    for (const raw of wanted.players) {
      const name = nameArg.safeParse(raw);
      if (!name.success || full) {
        if (!full) skipped.push(cleanLine(raw).slice(0, 60));
        continue;
      }
      const known = gazetteer.players(name.data).find((p) => p.key === playerKey(name.data));
      const r = await subscriptions.watch(ctx.chat, known ?? { key: playerKey(name.data), name: name.data });
      if (r === "full") full = true;
      else if (r === "added") players++;
    }
    for (const raw of wanted.clubs) {
      const name = nameArg.safeParse(raw);
      const entry = name.success ? gazetteer.club(name.data) : undefined;
      if (!entry || full) {
        if (!full) skipped.push(cleanLine(raw).slice(0, 60));
        continue;
      }
      const r = await subscriptions.follow(ctx.chat, entry.name);
      if (r === "full") full = true;
      else if (r === "added") clubs++;
    }
    if (players || clubs) {
      await ctx.deps.chatState.markSubscribed(ctx.chat, ctx.deps.now());
      await planDigest(ctx.chat, ctx.deps, ctx.deps.now(), "ensure");
    }
    const tail = (skipped.length ? m.skipped(skipped.join(", ")) : "") + (full ? m.full : "");
    return { text: m.done(players, clubs) + tail };
  },
});
