import { z } from "zod";
import { defineCommand } from "./types.js";

/** /list — what this chat watches and follows. */
export default defineCommand({
  name: "list",
  description: { en: "Show what this chat follows", it: "Mostra chi segue questa chat" },
  args: [],
  options: z.object({}),
  permission: "anyone",
  async execute(_input, ctx) {
    const it = ctx.lang === "it";
    const { players, clubs } = await ctx.deps.subscriptions.list(ctx.chat);
    const s = await ctx.deps.chatState.settings(ctx.chat);
    const off = it ? "disattivato" : "off";
    const settings = it
      ? `Riepilogo: ${s.digest ? `${s.digest} ${s.zone}` : off} · Silenzio: ${s.quiet ? `${s.quiet.from}-${s.quiet.to}` : off} · Lingua: ${s.lang}`
      : `Digest: ${s.digest ? `${s.digest} ${s.zone}` : off} · Quiet hours: ${s.quiet ? `${s.quiet.from}-${s.quiet.to}` : off} · Language: ${s.lang}`;
    if (!players.length && !clubs.length) {
      return {
        text: `${
          it
            ? "Non segui ancora nessuno. Prova /watch Kim Min-Jae o /follow Milan."
            : "Nothing followed yet. Try /watch Kim Min-Jae or /follow Milan."
        }\n${settings}`,
      };
    }
    const lines: string[] = [];
    if (players.length) lines.push(it ? "Giocatori:" : "Players:", ...players.map((p) => `• ${p.name}`));
    if (clubs.length) lines.push(it ? "Squadre:" : "Clubs:", ...clubs.map((c) => `• ${c}`));
    lines.push(settings);
    return { text: lines.join("\n") };
  },
});
