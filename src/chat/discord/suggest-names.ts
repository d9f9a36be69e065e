import type { CommandArg, CommandDeps } from "../../../commands/types.js";
import type { Keys, Redis } from "../../redis.js";
import { recentPlayersByPrefix } from "../../rumours/recent-players.js";

/** Discord shows at most 25 choices, each name and value at most 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export interface Choice {
  name: string;
  value: string;
}

const clip = (s: string) => (s.length <= MAX_CHOICE_LENGTH ? s : `${s.slice(0, MAX_CHOICE_LENGTH - 1)}…`);

/**
 * Autocomplete choices for a player or club option: the gazetteer's names first, then (players only)
 * names seen in recent rumours that the gazetteer does not know. At most 25, deduplicated; an empty
 * prefix gives no choices. Two in-memory look-ups and one Redis read: well within Discord's 3 s.
 */
export async function suggestNames(
  kind: NonNullable<CommandArg["autocomplete"]>,
  prefix: string,
  deps: { commandDeps: CommandDeps; redis: Redis; keys: Keys },
): Promise<Choice[]> {
  const q = prefix.trim().slice(0, 60);
  if (!q) return [];
  const g = deps.commandDeps.gazetteer;
  const names: { name: string; label: string }[] =
    kind === "club"
      ? g.suggestClubs(q, MAX_CHOICES).map((c) => ({ name: c.name, label: c.name }))
      : g
          .suggestPlayers(q, MAX_CHOICES)
          .map((p) => ({ name: p.name, label: p.club ? `${p.name} (${p.club})` : p.name }));
  if (kind === "player" && names.length < MAX_CHOICES) {
    const recent = await recentPlayersByPrefix(deps.redis, deps.keys, q, MAX_CHOICES).catch(() => []);
    for (const p of recent) names.push({ name: p.name, label: p.name });
  }
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const n of names) {
    const k = n.name.toLowerCase();
    if (seen.has(k)) continue;
    seen.add(k);
    choices.push({ name: clip(n.label), value: clip(n.name) });
    if (choices.length === MAX_CHOICES) break;
  }
  return choices;
}
