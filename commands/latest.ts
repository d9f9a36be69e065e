import { z } from "zod";
import { stageName } from "../src/chat/alert-model.js";
import type { Rumour } from "../src/rumours/types.js";
import { playerKey } from "../src/understand/types.js";
import { nameArg } from "./args.js";
import type { Lang } from "./types.js";
import { defineCommand } from "./types.js";

const MAX_LINES = 10;

function outlets(n: number, lang: Lang): string {
  return lang === "it" ? `${n} ${n === 1 ? "testata" : "testate"}` : `${n} outlet${n === 1 ? "" : "s"}`;
}

function lastArticle(r: Rumour): string {
  const a = r.articles[0];
  return a ? ` — ${a.outlet}: ${a.title} ${a.url}` : "";
}

/** /latest NAME — the current board of a player or a club: links, stages, outlets, last article. */
export default defineCommand({
  name: "latest",
  description: {
    en: "Latest rumours about a player or club",
    it: "Le ultime voci su un giocatore o una squadra",
  },
  args: [
    {
      name: "name",
      description: { en: "Player or club", it: "Giocatore o squadra" },
      required: true,
      autocomplete: "player",
      rest: true,
    },
  ],
  options: z.object({ name: nameArg }),
  permission: "anyone",
  async execute({ name }, ctx) {
    const it = ctx.lang === "it";
    const { gazetteer, rumours } = ctx.deps;
    const club = gazetteer.club(name);
    if (club) {
      const board = await rumours.clubBoard(club.name, MAX_LINES);
      if (!board.length)
        return {
          text: it ? `Nessuna voce recente sul ${club.name}.` : `No recent rumours about ${club.name}.`,
        };
      const lines = board.map(
        (r) =>
          `• ${r.playerName}: ${stageName(r.stage, ctx.lang)} (${outlets(r.outlets.length, ctx.lang)})${lastArticle(r)}`,
      );
      return {
        text: [it ? `${club.name}, le ultime voci:` : `${club.name}, latest rumours:`, ...lines].join("\n"),
      };
    }
    const players = gazetteer.players(name);
    const key = players.find((p) => p.key === playerKey(name))?.key ?? players[0]?.key ?? playerKey(name);
    const board = (await rumours.board(key)).slice(0, MAX_LINES);
    const display = board[0]?.playerName ?? players[0]?.name ?? name;
    if (!board.length)
      return { text: it ? `Nessuna voce recente su ${display}.` : `No recent rumours about ${display}.` };
    const lines = board.map(
      (r) =>
        `• ${r.club}: ${stageName(r.stage, ctx.lang)} (${outlets(r.outlets.length, ctx.lang)})${lastArticle(r)}`,
    );
    return {
      text: [it ? `${display}, le ultime voci:` : `${display}, latest rumours:`, ...lines].join("\n"),
    };
  },
});
