import type { ArticleRef, RumourEvent } from "../queues.js";
import type { Keys, Redis } from "../redis.js";
import type { Link, PlayerFacts } from "../understand/types.js";
import { decideLink, nextStage } from "./alert-policy.js";
import { certainReading } from "./certain-stage.js";
import { addClaim, claimAhead } from "./claims.js";
import { credibility, type SourceTiers } from "./credibility.js";
import type { ChangeKind, Rumour, Sighting } from "./types.js";

const MAX_HISTORY = 20;
const MAX_OUTLETS = 50;
const MAX_CITED = 20;
const MAX_ARTICLES = 3;
const MAX_BOARD = 200;
/** Articles kept per link for its page's timeline (one dot each), latest kept. */
export const MAX_SIGHTINGS = 100;
/** Cited sources kept per sighting. */
const MAX_SIGHTING_CITED = 5;
/** Players kept in the recent-players index that autocomplete reads (most recently seen first). */
export const MAX_RECENT_PLAYERS = 5000;

/** One player's facts as seen in one article. */
export interface Observation {
  player: PlayerFacts;
  article: ArticleRef;
  outlet: string;
  cited: string[];
  /** The moment the article counts as seen (the replay's article date, else now). */
  at: Date;
}

/**
 * The memory of every link (player + club) within the memory window, and the alert decision per link.
 *
 * Keys: `rumour:<player>:<club>` holds one Rumour as JSON with a TTL of the memory window, refreshed on
 * every sighting, so a quiet rumour disappears and comes back as new. `rumour:board:<player>` and
 * `rumour:club:<club>` are sorted sets by last sighting, trimmed to the window, for boards and /latest;
 * `rumour:recent` ("key<TAB>name" by last sighting, capped) lists the players in the news for autocomplete.
 * `rumour:seen:<player>:<club>` (article URLs by article time) and `rumour:seenv:<player>:<club>` (URL →
 * Sighting JSON) keep the last MAX_SIGHTINGS articles of each link for its page; `rumour:from:<club>`
 * lists the players whose own club it is (the club page's outgoing rumours). All written in the same
 * script as the rumour, keyed by URL, so a retried article rewrites the same entries: never twice.
 */
export interface RumourStore {
  /** Records one article's facts about a player; returns the event to push, or null (digest only). */
  observe(o: Observation): Promise<RumourEvent | null>;
  /** Every live rumour of a player, most recent first. */
  board(playerKey: string): Promise<Rumour[]>;
  /** Every live rumour that links a club, most recent first (at most `limit`). */
  clubBoard(club: string, limit: number): Promise<Rumour[]>;
  /** Live rumours of the players whose own club is `club` (linked elsewhere), most recent first. */
  outgoing(club: string, limit: number): Promise<Rumour[]>;
  /** The articles kept for one link, oldest first (at most MAX_SIGHTINGS). */
  sightings(playerKey: string, club: string): Promise<Sighting[]>;
  /** Players seen since `sinceMs`, with how many distinct articles of theirs fall after it, most first. */
  inTheNews(sinceMs: number, limit: number): Promise<{ key: string; name: string; articles: number }[]>;
}

// KEYS: rumour, player board, club board, recent players, sightings (zset), sightings (hash), the
// player's own club's outgoing set. ARGV: value read ('' for none), new value, memory ms, score, club
// slug, player key, board cap, "key<TAB>name", recent cap, article URL, sighting JSON, sightings cap,
// '1' when the player's own club is known, article time ms. Writes only if the rumour still holds the
// value read.
const WRITE_IF_UNCHANGED = `
local current = redis.call('GET', KEYS[1]) or ''
if current ~= ARGV[1] then return 0 end
local ms = tonumber(ARGV[3])
local score = tonumber(ARGV[4])
redis.call('SET', KEYS[1], ARGV[2], 'PX', ms)
redis.call('ZADD', KEYS[2], score, ARGV[5])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', score - ms)
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -tonumber(ARGV[7]) - 1)
redis.call('PEXPIRE', KEYS[2], ms)
redis.call('ZADD', KEYS[3], score, ARGV[6])
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', score - ms)
redis.call('PEXPIRE', KEYS[3], ms)
redis.call('ZADD', KEYS[4], score, ARGV[8])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', score - ms)
redis.call('ZREMRANGEBYRANK', KEYS[4], 0, -tonumber(ARGV[9]) - 1)
redis.call('PEXPIRE', KEYS[4], ms)
redis.call('ZADD', KEYS[5], tonumber(ARGV[14]), ARGV[10])
redis.call('HSET', KEYS[6], ARGV[10], ARGV[11])
local over = redis.call('ZCARD', KEYS[5]) - tonumber(ARGV[12])
if over > 0 then
  local old = redis.call('ZRANGE', KEYS[5], 0, over - 1)
  redis.call('ZREMRANGEBYRANK', KEYS[5], 0, over - 1)
  redis.call('HDEL', KEYS[6], unpack(old))
end
redis.call('PEXPIRE', KEYS[5], ms)
redis.call('PEXPIRE', KEYS[6], ms)
if ARGV[13] == '1' then
  redis.call('ZADD', KEYS[7], score, ARGV[6])
  redis.call('ZREMRANGEBYSCORE', KEYS[7], '-inf', score - ms)
  redis.call('ZREMRANGEBYRANK', KEYS[7], 0, -tonumber(ARGV[7]) - 1)
  redis.call('PEXPIRE', KEYS[7], ms)
end
return 1`;

/** Slug of a club or player name for keys (and the club page's path). */
export const clubSlug = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const slug = clubSlug;

function addBounded<T>(list: T[], item: T, max: number, same: (a: T) => boolean = (a) => a === item): T[] {
  return list.some(same) ? list : [...list, item].slice(-max);
}

export function createRumourStore(
  redis: Redis,
  keys: Keys,
  opts: { memoryDays: number; tiers: SourceTiers },
): RumourStore {
  const memoryMs = opts.memoryDays * 86_400_000;
  const rumourKey = (player: string, club: string) => keys.key("rumour", player, slug(club));
  const boardKey = (player: string) => keys.key("rumour", "board", player);
  const clubKey = (club: string) => keys.key("rumour", "club", slug(club));
  const recentKey = keys.key("rumour", "recent");
  const seenKey = (player: string, club: string) => keys.key("rumour", "seen", player, slug(club));
  const seenValuesKey = (player: string, club: string) => keys.key("rumour", "seenv", player, slug(club));
  const fromKey = (club: string) => keys.key("rumour", "from", slug(club));

  /**
   * Reads, decides and writes one link atomically: optimistic, the write is a compare-and-set on the value
   * read (a Lua script), retried when another worker wrote in between. Not WATCH: on a connection shared
   * by concurrent jobs another job's EXEC would drop our watch and let a lost update through.
   */
  async function observeLink(o: Observation, link: Link) {
    const club = link.club;
    // Only a certain stage reaches the policy; a hedged higher one is kept as a claim (certain-stage.ts).
    const reading = certainReading(link);
    const stage = reading.stage;
    const key = rumourKey(o.player.key, club);
    const atMs = o.at.getTime();
    const at = o.at.toISOString();
    for (let attempt = 0; attempt < 50; attempt++) {
      // Lost the race: wait a little, with jitter, so concurrent writers spread out.
      if (attempt) await new Promise((r) => setTimeout(r, Math.random() * Math.min(50, 2 * attempt)));
      const raw = await redis.get(key);
      let prev: Rumour | null = raw ? (JSON.parse(raw) as Rumour) : null;
      if (prev && atMs - Date.parse(prev.lastSeen) > memoryMs) prev = null; // outside the window: new again
      const replay = prev?.lastMove?.url === o.article.url ? prev.lastMove : undefined;
      if (prev && replay)
        return {
          rumour: prev,
          kind: replay.kind,
          stage: replay.stage,
          previous: replay.previous,
          evidence: replay.evidence ?? null,
        };
      const memory = prev ? { stage: prev.stage, lastSeenMs: Date.parse(prev.lastSeen) } : null;
      const kind: ChangeKind | null = decideLink(memory, stage, atMs, memoryMs);
      const stageNow = nextStage(memory, stage, kind);
      const sameUrl = (a: ArticleRef) => a.url === o.article.url;
      const why =
        reading.evidence && stageNow === stage ? { evidence: reading.evidence, outlet: o.outlet } : null;
      // Claims the certain stage has caught up with are old news: dropped, so the list stays small.
      let claims = (prev?.claims ?? []).filter((c) => claimAhead(c.stage, stageNow));
      if (reading.claim && claimAhead(reading.claim.stage, stageNow))
        claims = addClaim(claims, {
          stage: reading.claim.stage,
          outlet: o.outlet,
          at,
          ...(reading.claim.text ? { text: reading.claim.text } : {}),
        });
      const next: Rumour = {
        playerKey: o.player.key,
        playerName: o.player.name,
        playerClub: o.player.club ?? prev?.playerClub ?? null,
        club,
        stage: stageNow,
        firstSeen: prev?.firstSeen ?? at,
        lastSeen: prev && Date.parse(prev.lastSeen) > atMs ? prev.lastSeen : at,
        history:
          kind || !prev
            ? [...(prev?.history ?? []), { stage: stageNow, at, url: o.article.url, ...why }].slice(
                -MAX_HISTORY,
              )
            : prev.history,
        outlets: addBounded(prev?.outlets ?? [], o.outlet, MAX_OUTLETS),
        cited: o.cited.reduce((acc, c) => addBounded(acc, c, MAX_CITED), prev?.cited ?? []),
        articles: kind
          ? [o.article, ...(prev?.articles ?? []).filter((a) => !sameUrl(a))].slice(0, MAX_ARTICLES)
          : addBounded(prev?.articles ?? [], o.article, MAX_ARTICLES, sameUrl),
        ...(claims.length ? { claims } : {}),
        ...(kind
          ? {
              lastMove: {
                url: o.article.url,
                kind,
                stage,
                previous: prev?.stage ?? null,
                ...(why ? { evidence: why } : {}),
              },
            }
          : prev?.lastMove
            ? { lastMove: prev.lastMove }
            : {}),
      };
      const score = Date.parse(next.lastSeen);
      const sighting: Sighting = {
        url: o.article.url,
        title: o.article.title,
        outlet: o.outlet,
        at,
        stage,
        cited: o.cited.slice(0, MAX_SIGHTING_CITED),
      };
      const ownClub = next.playerClub && slug(next.playerClub) !== slug(club) ? next.playerClub : null;
      const done = await redis.eval(
        WRITE_IF_UNCHANGED,
        7,
        key,
        boardKey(o.player.key),
        clubKey(club),
        recentKey,
        seenKey(o.player.key, club),
        seenValuesKey(o.player.key, club),
        fromKey(ownClub ?? "-"),
        raw ?? "",
        JSON.stringify(next),
        memoryMs,
        score,
        slug(club),
        o.player.key,
        MAX_BOARD,
        `${o.player.key}\t${o.player.name}`,
        MAX_RECENT_PLAYERS,
        o.article.url,
        JSON.stringify(sighting),
        MAX_SIGHTINGS,
        ownClub ? "1" : "0",
        atMs,
      );
      if (Number(done) === 1)
        return {
          rumour: next,
          kind,
          stage,
          previous: prev?.stage ?? null,
          evidence: why,
        };
    }
    throw new Error(`rumour ${key} kept changing under concurrent writes`);
  }

  async function load(player: string, clubSlugs: string[]): Promise<Rumour[]> {
    if (!clubSlugs.length) return [];
    const raws = await redis.mget(...clubSlugs.map((c) => keys.key("rumour", player, c)));
    return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Rumour);
  }

  const store: RumourStore = {
    async observe(o) {
      const changes: RumourEvent["changes"] = [];
      const touched: Rumour[] = [];
      for (const link of o.player.links) {
        const { rumour, kind, stage, previous, evidence } = await observeLink(o, link);
        touched.push(rumour);
        if (kind)
          changes.push({
            club: link.club,
            stage,
            previous,
            kind,
            ...(evidence ? { evidence: { text: evidence.evidence, outlet: evidence.outlet } } : {}),
          });
      }
      if (!changes.length) return null;
      const board = await store.board(o.player.key);
      const changed = touched.filter((r) => changes.some((c) => c.club === r.club));
      const articles = [o.article];
      for (const r of changed)
        for (const a of r.articles) if (!articles.some((x) => x.url === a.url)) articles.push(a);
      return {
        id: `${o.player.key}-${slug(o.article.url).slice(-60)}`,
        player: {
          key: o.player.key,
          name: o.player.name,
          club: o.player.club,
          provisional: o.player.provisional,
        },
        changes,
        links: board.map((r) => ({ club: r.club, stage: r.stage })).slice(0, 30),
        outlets: Math.max(1, ...changed.map((r) => r.outlets.length)),
        cited: [...new Set(changed.flatMap((r) => r.cited))].slice(0, 20),
        credibility: credibility(opts.tiers, {
          cited: changed.flatMap((r) => r.cited),
          outlets: [...new Set(changed.flatMap((r) => r.outlets))],
          official: changes.some((c) => c.stage === "official" || c.stage === "renewal"),
        }),
        articles: articles.slice(0, MAX_ARTICLES),
        at: o.at.toISOString(),
      };
    },
    async board(playerKey) {
      const clubs = await redis.zrevrange(boardKey(playerKey), 0, MAX_BOARD - 1);
      return load(playerKey, clubs);
    },
    async clubBoard(club, limit) {
      const players = await redis.zrevrange(clubKey(club), 0, Math.max(0, limit - 1));
      const c = slug(club);
      const found = await Promise.all(players.map((p) => load(p, [c])));
      return found.flat();
    },
    async outgoing(club, limit) {
      const players = await redis.zrevrange(fromKey(club), 0, Math.max(0, limit - 1));
      const c = slug(club);
      const boards = await Promise.all(players.map((p) => store.board(p)));
      return boards
        .flat()
        .filter((r) => slug(r.club) !== c && r.playerClub && slug(r.playerClub) === c)
        .sort((a, b) => Date.parse(b.lastSeen) - Date.parse(a.lastSeen))
        .slice(0, limit);
    },
    async sightings(playerKey, club) {
      const urls = await redis.zrange(seenKey(playerKey, club), 0, -1);
      if (!urls.length) return [];
      const raws = await redis.hmget(seenValuesKey(playerKey, club), ...urls);
      return raws.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Sighting);
    },
    async inTheNews(sinceMs, limit) {
      // Candidates: the players seen since then (the recent index is by last sighting, capped).
      const members = await redis.zrevrangebyscore(recentKey, "+inf", sinceMs, "LIMIT", 0, 200);
      const players = new Map<string, string>();
      for (const m of members) {
        const tab = m.indexOf("\t");
        if (!players.has(m.slice(0, tab))) players.set(m.slice(0, tab), m.slice(tab + 1));
      }
      const counted = await Promise.all(
        [...players].map(async ([key, name]) => {
          const clubs = await redis.zrevrange(boardKey(key), 0, MAX_BOARD - 1);
          const pipe = redis.pipeline();
          for (const c of clubs) pipe.zrangebyscore(keys.key("rumour", "seen", key, c), sinceMs, "+inf");
          // One article naming two clubs is one article: counted by URL across the links.
          const urls = new Set(((await pipe.exec()) ?? []).flatMap(([, v]) => (v as string[] | null) ?? []));
          return { key, name, articles: urls.size };
        }),
      );
      return counted
        .filter((p) => p.articles > 0)
        .sort((a, b) => b.articles - a.articles || a.name.localeCompare(b.name))
        .slice(0, limit);
    },
  };
  return store;
}
