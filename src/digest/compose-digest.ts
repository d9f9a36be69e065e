import type { Digest, DigestLine } from "../queues.js";
import { openClaims } from "../rumours/claims.js";
import type { Rumour } from "../rumours/types.js";
import type { ChatSubscriptions } from "../subscriptions/subscription-store.js";
import { STAGE_RANK } from "../understand/types.js";
import type { HeldAlert } from "./held-alerts.js";

const MAX_LINES = 20;
const MAX_PLAYERS = 50;
const MAX_CLUBS = 30;
/** Unconfirmed stages shown per line (DigestLineSchema's bound). */
const MAX_CLAIMS = 5;

export interface DigestInput {
  subscriptions: ChatSubscriptions;
  /** Live rumours of each watched player (by key), and of each followed club (by name). */
  playerBoards: Map<string, Rumour[]>;
  clubBoards: Map<string, Rumour[]>;
  held: HeldAlert[];
  since: Date;
  until: Date;
}

const byNews = (a: Rumour, b: Rumour) =>
  STAGE_RANK[b.stage] - STAGE_RANK[a.stage] || Date.parse(b.lastSeen) - Date.parse(a.lastSeen);

/** The claims made since the last digest and still ahead of the rumour; absent when none. */
function claimsSince(r: Rumour, sinceMs: number): Pick<DigestLine, "claims"> {
  const claims = openClaims(r, sinceMs)
    .slice(0, MAX_CLAIMS)
    .map((c) => ({
      stage: c.stage,
      outlets: c.outlets,
      ...(c.latest.text ? { evidence: { text: c.latest.text, outlet: c.latest.outlet } } : {}),
    }));
  return claims.length ? { claims } : {};
}

/**
 * A chat's digest since its last one: each watched player with the links that saw news (stage, the
 * moves since the last digest, outlets, best article, the higher stages only claimed and by how many
 * outlets), then each followed club's rumours, marking the pushes that quiet hours or the cap held back. Null when nothing happened: no digest is sent.
 */
export function composeDigest(input: DigestInput): Digest | null {
  const sinceMs = input.since.getTime();
  const fresh = (r: Rumour) => Date.parse(r.lastSeen) > sinceMs;
  const heldFor = (player: string, club: string): DigestLine["held"] =>
    input.held.find(
      (h) => h.item.alert.player.key === player && h.item.alert.changes.some((c) => c.club === club),
    )?.reason ?? null;
  const line = (r: Rumour, name: string): DigestLine => ({
    name,
    stage: r.stage,
    moves: r.history.filter((h) => Date.parse(h.at) > sinceMs).map((h) => h.stage),
    outlets: r.outlets.length,
    article: r.articles[0] ?? null,
    held: heldFor(r.playerKey, r.club),
    ...claimsSince(r, sinceMs),
  });

  const players: Digest["players"] = [];
  for (const p of input.subscriptions.players) {
    const rumours = (input.playerBoards.get(p.key) ?? []).filter(fresh).sort(byNews);
    const lines = rumours.slice(0, MAX_LINES).map((r) => line(r, r.club));
    // Held pushes whose rumour has since expired still reach the chat, from the held alert itself.
    for (const h of input.held) {
      const e = h.item.alert;
      if (e.player.key !== p.key) continue;
      for (const c of e.changes) {
        if (lines.some((l) => l.name === c.club) || lines.length >= MAX_LINES) continue;
        lines.push({
          name: c.club,
          stage: c.stage,
          moves: [c.stage],
          outlets: e.outlets,
          article: e.articles[0] ?? null,
          held: h.reason,
        });
      }
    }
    if (lines.length)
      players.push({ name: rumours[0]?.playerName ?? p.name, club: rumours[0]?.playerClub ?? null, lines });
  }

  const clubs: Digest["clubs"] = [];
  for (const club of input.subscriptions.clubs) {
    const rumours = (input.clubBoards.get(club) ?? []).filter(fresh).sort(byNews);
    const lines = rumours.slice(0, MAX_LINES).map((r) => line(r, r.playerName));
    if (lines.length) clubs.push({ club, lines });
  }
  if (!players.length && !clubs.length) return null;
  return {
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    players: players.slice(0, MAX_PLAYERS),
    clubs: clubs.slice(0, MAX_CLUBS),
  };
}
