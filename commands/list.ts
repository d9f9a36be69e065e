import { z } from "zod";
import { clubName, messages } from "../src/chat/messages/index.js";
import { isHolding } from "../src/subscriptions/chat-state-store.js";
import { filterRule } from "./filter-text.js";
import { localTime } from "./local-time.js";
import { defineCommand } from "./types.js";

/** /list — what this chat watches and follows, and every setting that changes what rings. */
export default defineCommand({
  name: "list",
  description: { en: "Show what this chat follows", it: "Mostra chi segue questa chat" },
  args: [],
  options: z.object({}),
  permission: "anyone",
  async execute(_input, ctx) {
    const all = messages(ctx.lang);
    const m = all.list;
    const off = all.common.off;
    const { players, clubs } = await ctx.deps.subscriptions.list(ctx.chat);
    const s = await ctx.deps.chatState.settings(ctx.chat);
    const settings = [
      `${m.digest}: ${s.digest ? `${s.digest} ${s.zone}` : off}`,
      `${m.quiet}: ${s.quiet ? `${s.quiet.from}-${s.quiet.to}` : off}`,
      `${m.language}: ${m.languageName}`,
    ];
    if (isHolding(s.holdUntil, ctx.deps.now()))
      settings.push(
        `${m.paused}: ${s.holdUntil === "open" ? m.pausedOpen : m.pausedUntil(localTime(new Date(s.holdUntil!), s.zone, ctx.lang))}`,
      );
    const filters = [
      ...(s.filters.players ? [`${all.filter.players} ${filterRule(s.filters.players, ctx.lang)}`] : []),
      ...(s.filters.clubs ? [`${all.filter.clubs} ${filterRule(s.filters.clubs, ctx.lang)}`] : []),
    ];
    const settingsLine = `${settings.join(" · ")}\n${m.filters}: ${filters.length ? filters.join("; ") : all.filter.none}`;
    if (!players.length && !clubs.length) return { text: `${m.nothing}\n${settingsLine}` };
    const lines: string[] = [];
    if (players.length) lines.push(m.players, ...players.map((p) => `• ${p.name}`));
    if (clubs.length) lines.push(m.clubs, ...clubs.map((c) => `• ${clubName(c, ctx.lang)}`));
    lines.push(settingsLine);
    return { text: lines.join("\n") };
  },
});
