import { en } from "../src/chat/messages/en.js";
import { it } from "../src/chat/messages/it.js";
import type { AlertFilter, ChatFilters } from "../src/subscriptions/chat-state-store.js";
import type { Stage } from "../src/understand/types.js";

/** What `/filter …` asks for: set or clear the filter of one scope or both. */
export interface FilterRequest {
  scopes: (keyof ChatFilters)[];
  filter: AlertFilter | null;
}

const SCOPES: Record<string, (keyof ChatFilters)[]> = {
  players: ["players"],
  player: ["players"],
  giocatori: ["players"],
  clubs: ["clubs"],
  club: ["clubs"],
  squadre: ["clubs"],
  all: ["players", "clubs"],
  tutti: ["players", "clubs"],
};

/** Stage words in either language ("talks", "trattativa", "visite mediche"), folded to lower case. */
const STAGE_WORDS = new Map<string, Stage>(
  [en.stage, it.stage].flatMap((names) =>
    Object.entries(names).map(([stage, word]) => [word.toLowerCase(), stage as Stage] as const),
  ),
);

/**
 * Reads "/filter [players|clubs|all] STAGE [★★]" and "/filter [scope] off"; null when it is neither.
 * Credibility is written as stars (★★, **) or a digit 1–3; no scope means both.
 */
export function parseFilterRequest(text: string): FilterRequest | null {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const scopes = SCOPES[words[0] ?? ""];
  const rest = scopes ? words.slice(1) : words;
  const chosen = scopes ?? ["players", "clubs"];
  if (rest.length === 1 && rest[0] === "off") return { scopes: chosen, filter: null };
  const last = rest.at(-1) ?? "";
  const cred = /^(★{1,3}|\*{1,3}|[123])$/.test(last) ? (/^\d$/.test(last) ? Number(last) : last.length) : 0;
  const stageText = (cred ? rest.slice(0, -1) : rest).join(" ");
  const stage = STAGE_WORDS.get(stageText);
  if (!stage) return null;
  return { scopes: chosen, filter: { stage, credibility: (cred || 1) as 1 | 2 | 3 } };
}
