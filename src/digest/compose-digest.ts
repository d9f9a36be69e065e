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
  /** "held" for a chat without a daily digest: only what its quiet hours or pause held. */
  kind?: Digest["kind"];
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

  const clubs = clubSections(input, fresh, line);
  if (!players.length && !clubs.length) return null;
  return {
    ...(input.kind ? { kind: input.kind } : {}),
    since: input.since.toISOString(),
    until: input.until.toISOString(),
    players: players.slice(0, MAX_PLAYERS),
    clubs: clubs.slice(0, MAX_CLUBS),
  };
}

/**
 * The followed clubs' sections, each player once: a watched player has his own section already, and a
 * player several followed clubs link (Fabbian under Bologna and Fiorentina) is listed under the first of
 * them, his other links there as "→ Fiorentina". Each rumour (player and club) appears once.
 */
function clubSections(
  input: DigestInput,
  fresh: (r: Rumour) => boolean,
  line: (r: Rumour, name: string) => DigestLine,
): Digest["clubs"] {
  const watched = new Set(input.subscriptions.players.map((p) => p.key));
  const placed = new Map<string, Digest["clubs"][number]>();
  const seen = new Set<string>();
  const clubs: Digest["clubs"] = [];
  for (const club of input.subscriptions.clubs) {
    const section: Digest["clubs"][number] = { club, lines: [] };
    for (const r of (input.clubBoards.get(club) ?? []).filter(fresh).sort(byNews)) {
      const id = `${r.playerKey}\n${r.club}`;
      if (watched.has(r.playerKey) || seen.has(id)) continue;
      const home = placed.get(r.playerKey) ?? section;
      if (home.lines.length >= MAX_LINES) continue;
      seen.add(id);
      placed.set(r.playerKey, home);
      home.lines.push({ ...line(r, r.playerName), ...(r.club !== home.club ? { to: r.club } : {}) });
    }
    if (section.lines.length) clubs.push(section);
  }
  // Held pushes of players the chat gets through a club, whose rumour left the boards (or, without a
  // daily digest, that were never read from them): from the held alert itself, under the club followed.
  for (const h of input.held) {
    const e = h.item.alert;
    if (watched.has(e.player.key)) continue;
    const followed = h.item.matched.find((m) => m.startsWith("follow:"))?.slice("follow:".length);
    for (const c of e.changes) {
      const id = `${e.player.key}\n${c.club}`;
      if (seen.has(id)) continue;
      let home = placed.get(e.player.key) ?? clubs.find((s) => s.club === (followed ?? c.club));
      if (!home) {
        home = { club: followed ?? c.club, lines: [] };
        clubs.push(home);
      }
      if (home.lines.length >= MAX_LINES) continue;
      seen.add(id);
      placed.set(e.player.key, home);
      home.lines.push({
        name: e.player.name,
        stage: c.stage,
        moves: [c.stage],
        outlets: e.outlets,
        article: e.articles[0] ?? null,
        held: h.reason,
        ...(c.club !== home.club ? { to: c.club } : {}),
      });
    }
  }
  return clubs;
}
