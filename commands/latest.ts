import { z } from "zod";
import { stageName } from "../src/chat/alert-model.js";
import { claimText } from "../src/chat/claim-text.js";
import { quoteEvidence } from "../src/chat/evidence-text.js";
import { clubName, messages } from "../src/chat/messages/index.js";
import { clubPageUrl, playerPageUrl } from "../src/pages/page-link.js";
import { openClaims } from "../src/rumours/claims.js";
import type { Rumour } from "../src/rumours/types.js";
import { subscriptionKey as playerKey } from "../src/subscriptions/subscription-key.js";
import { nameArg } from "./args.js";
import type { Lang } from "./types.js";
import { defineCommand } from "./types.js";

const MAX_LINES = 10;

const outlets = (n: number, lang: Lang) => messages(lang).common.outlets(n);

function lastArticle(r: Rumour): string {
  const a = r.articles[0];
  return a ? ` — ${a.outlet}: ${a.title} ${a.url}` : "";
}

/** The words that put the link at its stage, with their outlet; empty when the extractor gave none. */
function why(r: Rumour): string[] {
  const last = r.history.at(-1);
  return last?.stage === r.stage && last.evidence && last.outlet
    ? [`   ${quoteEvidence({ text: last.evidence, outlet: last.outlet })}`]
    : [];
}

/** Higher stages only claimed, and by how many outlets: never pushed, shown so readers can judge. */
function claims(r: Rumour, lang: Lang): string[] {
  return openClaims(r).map((c) => {
    const evidence = c.latest.text ? { text: c.latest.text, outlet: c.latest.outlet } : undefined;
    return `   ❔ ${claimText({ stage: c.stage, outlets: c.outlets, evidence }, lang)}`;
  });
}

/** One rumour: its stage, outlets and last article, then why it stands there and what is only claimed. */
const rumourLines = (head: string, r: Rumour, lang: Lang) => [
  `• ${head}: ${stageName(r.stage, lang)} (${outlets(r.outlets.length, lang)})${lastArticle(r)}`,
  ...why(r),
  ...claims(r, lang),
];

/**
 * /latest NAME — the current board of a player or a club: links, stages, outlets, last article, the words
 * that decided each stage with their outlet, and the higher stages only claimed.
 */
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
    const m = messages(ctx.lang).latest;
    const { gazetteer, rumours } = ctx.deps;
    const club = gazetteer.club(name);
    if (club) {
      const shown = clubName(club.name, ctx.lang);
      const board = await rumours.clubBoard(club.name, MAX_LINES);
      if (!board.length) return { text: m.noneClub(shown) };
      const lines = board.flatMap((r) => rumourLines(r.playerName, r, ctx.lang));
      const page = ctx.deps.publicUrl
        ? [m.clubPage(clubPageUrl(ctx.deps.publicUrl, club.name, ctx.lang))]
        : [];
      return { text: [m.title(shown), ...lines, ...page].join("\n") };
    }
    const players = gazetteer.players(name);
    const key = players.find((p) => p.key === playerKey(name))?.key ?? players[0]?.key ?? playerKey(name);
    const board = (await rumours.board(key)).slice(0, MAX_LINES);
    const display = board[0]?.playerName ?? players[0]?.name ?? name;
    if (!board.length) return { text: m.none(display) };
    const lines = board.flatMap((r) => rumourLines(clubName(r.club, ctx.lang), r, ctx.lang));
    // The whole story, drawn: the player's page when the bot serves pages.
    const page = ctx.deps.publicUrl ? [m.playerPage(playerPageUrl(ctx.deps.publicUrl, key, ctx.lang))] : [];
    return { text: [m.title(display), ...lines, ...page].join("\n") };
  },
});
