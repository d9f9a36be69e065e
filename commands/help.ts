import { z } from "zod";
import { defineCommand } from "./types.js";
import { usageLine } from "./usage.js";

/** /help — what the bot does and its commands. Reads the registry lazily to avoid an import cycle. */
export default defineCommand({
  name: "help",
  description: { en: "What the bot does and how to use it", it: "Cosa fa il bot e come usarlo" },
  args: [],
  options: z.object({}),
  permission: "anyone",
  async execute(_input, ctx) {
    const { commands } = await import("./index.js");
    const it = ctx.lang === "it";
    const intro = it
      ? "Mercato Radar legge le notizie di calciomercato e ti avvisa una volta sola quando una trattativa nasce o avanza."
      : "Mercato Radar reads transfer news and alerts you once when a deal starts or moves.";
    const usage = commands.map((c) => `${usageLine(c)} — ${c.description[ctx.lang]}`);
    return { text: [intro, "", ...usage].join("\n") };
  },
});
