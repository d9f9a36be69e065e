import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { parseFilterRequest } from "./filter-rule.js";
import { filterRule } from "./filter-text.js";
import { defineCommand } from "./types.js";

/**
 * /filter [players|clubs] STAGE [★★] | off — which alerts ring: the least stage and credibility, apart
 * for watched players and followed clubs. What a filter keeps quiet still goes into the digest.
 */
export default defineCommand({
  name: "filter",
  description: {
    en: "Only ring for solid news (stage, ★ credibility)",
    it: "Suona solo per notizie solide (fase, affidabilità ★)",
  },
  args: [
    {
      name: "what",
      description: {
        en: "e.g. players talks ★★, clubs agreement, off",
        it: "es. giocatori trattativa ★★, squadre accordo, off",
      },
      required: true,
      rest: true,
    },
  ],
  options: z.object({ what: z.string().trim().min(1).max(60) }),
  permission: "admin",
  async execute({ what }, ctx) {
    const m = messages(ctx.lang).filter;
    const req = parseFilterRequest(what);
    if (!req) return { text: m.bad };
    for (const scope of req.scopes) await ctx.deps.chatState.setFilter(ctx.chat, scope, req.filter);
    const who = req.scopes.length === 2 ? m.all : req.scopes[0] === "players" ? m.players : m.clubs;
    if (!req.filter) return { text: req.scopes.length === 2 ? m.off : m.offFor(who) };
    return { text: m.set(who, filterRule(req.filter, ctx.lang)) };
  },
});
