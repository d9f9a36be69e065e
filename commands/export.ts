import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { formatSubscriptionList } from "./subscription-list.js";
import { defineCommand } from "./types.js";

/** /export — the chat's players and clubs as one line that /import takes back, here or elsewhere. */
export default defineCommand({
  name: "export",
  description: { en: "Your list, to take to another chat", it: "La tua lista, da portare in un'altra chat" },
  args: [],
  options: z.object({}),
  permission: "anyone",
  async execute(_input, ctx) {
    const m = messages(ctx.lang).exportCmd;
    const subs = await ctx.deps.subscriptions.list(ctx.chat);
    if (!subs.players.length && !subs.clubs.length) return { text: m.empty };
    return { text: `${m.intro}\n/import ${formatSubscriptionList(subs, ctx.lang)}` };
  },
});
