import { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import { planRelease } from "../src/digest/held-release.js";
import { defineCommand } from "./types.js";

/** /resume — ends a /pause; with the digest off, what the pause held is sent now. */
export default defineCommand({
  name: "resume",
  description: { en: "Resume paused alerts", it: "Riprendi gli avvisi in pausa" },
  args: [],
  options: z.object({}),
  permission: "admin",
  async execute(_input, ctx) {
    const m = messages(ctx.lang).resume;
    const now = ctx.deps.now();
    if (!(await ctx.deps.chatState.releasePushes(ctx.chat, now))) return { text: m.notPaused };
    const s = await ctx.deps.chatState.settings(ctx.chat);
    await planRelease(ctx.chat, s, ctx.deps, now);
    return { text: m.done(Boolean(s.digest)) };
  },
});
