import { messages } from "../src/chat/messages/index.js";
import type { CommandContext, Reply } from "./types.js";

/** "all" as /unwatch and /unfollow take it, and the word that confirms it. */
export const ALL = /^(all|tutti|tutte)(\s+(yes|sì|si))?$/i;

/**
 * /unwatch all, /unfollow all: asks first (a button where the platform has them, or "… all yes"), then
 * removes every player or every club of the chat. A chat left following nothing starts its digest window
 * afresh when it subscribes again.
 */
export async function removeAll(
  kind: "players" | "clubs",
  confirmed: boolean,
  ctx: CommandContext,
): Promise<Reply> {
  const m = messages(ctx.lang).removeAll;
  const { subscriptions, chatState } = ctx.deps;
  const subs = await subscriptions.list(ctx.chat);
  const n = kind === "players" ? subs.players.length : subs.clubs.length;
  if (!n) return { text: m.nothing };
  const command = kind === "players" ? "unwatch" : "unfollow";
  if (!confirmed)
    return {
      text: kind === "players" ? m.askPlayers(n) : m.askClubs(n),
      confirm: { command: `/${command} all yes` },
    };
  if (kind === "players") for (const p of subs.players) await subscriptions.unwatch(ctx.chat, p.key);
  else for (const c of subs.clubs) await subscriptions.unfollow(ctx.chat, c);
  const left = kind === "players" ? subs.clubs.length : subs.players.length;
  if (!left) await chatState.clearSubscribed(ctx.chat);
  return { text: kind === "players" ? m.donePlayers(n) : m.doneClubs(n) };
}
