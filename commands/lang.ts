import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { defineCommand } from "./types.js";

/** /lang it|en — the language of the chat's alerts, digests and replies. */
export default defineCommand({
  name: "lang",
  description: { en: "Set the chat's language (it or en)", it: "Imposta la lingua della chat (it o en)" },
  args: [{ name: "language", description: { en: "it or en", it: "it o en" }, required: true }],
  options: z.object({
    language: z
      .string({ error: "language" })
      .trim()
      .toLowerCase()
      .pipe(z.enum(["it", "en"], { error: "language" })),
  }),
  permission: "admin",
  async execute({ language }, ctx) {
    await ctx.deps.chatState.setLang(ctx.chat, language);
    return { text: messages(language).lang.set };
  },
});
