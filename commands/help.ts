import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
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
    const usage = commands.map((c) => `${usageLine(c, ctx.lang)} — ${c.description[ctx.lang]}`);
    return { text: [messages(ctx.lang).help.intro, "", ...usage].join("\n") };
  },
});
