/**
 * The rumour pages' routes, for the health server to mount: `/` (players in the news this week),
 * `/p/<player-key>`, `/c/<club>`. Read-only; rate limited per client address; each answer carries an
 * ETag (a hash of its body) and a 304 answers a matching If-None-Match. Pages read the rumour store
 * alone: no chat, no subscription, no user data ever reaches them.
 */
import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Lang } from "../../commands/types.js";
import type { SourceTiers } from "../rumours/credibility.js";
import type { RumourStore } from "../rumours/rumour-store.js";
import type { Sighting } from "../rumours/types.js";
import { pageWords } from "./page-text.js";
import { playerView } from "./player-view.js";
import { createRateLimiter } from "./rate-limit.js";
import { renderClubPage } from "./render-club-page.js";
import { renderIndexPage, renderMessagePage } from "./render-index-page.js";
import { renderPlayerPage } from "./render-player-page.js";

/** Players on the front page. */
const INDEX_PLAYERS = 20;
/** Rumours per direction on a club page. */
const CLUB_RUMOURS = 100;
const WEEK_MS = 7 * 86_400_000;
/** A key or club slug as the store writes them (letters of any script, digits, dashes). */
const KEY = /^[\p{L}\p{M}\p{N}-]{1,150}$/u;

export interface PageRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The client's address, for the rate limit. */
  client: string;
}

export interface PageResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty for 304. */
  body: string;
}

export interface PageRoutes {
  /** Answers a page request, or null when the path is not a page's (the server's 404). */
  handle(req: PageRequest): Promise<PageResponse | null>;
}

/** No script may run, nothing is fetched from elsewhere; the inline style sheet is the page's own. */
const SECURITY_HEADERS = {
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** The language asked for: `?lang=`, else the browser's first choice, else English. */
export function chooseLang(query: URLSearchParams, headers: IncomingHttpHeaders): Lang {
  const q = query.get("lang");
  if (q === "it" || q === "en") return q;
  return /^\s*it\b/i.test(headers["accept-language"] ?? "") ? "it" : "en";
}

const etagOf = (body: string) => `"${createHash("sha1").update(body).digest("base64url")}"`;

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((t) => {
    const tag = t.trim().replace(/^W\//, "");
    return tag === etag || tag === "*";
  });
}

function decode(segment: string): string | null {
  try {
    const s = decodeURIComponent(segment);
    return KEY.test(s) ? s : null;
  } catch {
    return null;
  }
}

export function createPageRoutes(deps: {
  rumours: RumourStore;
  tiers: SourceTiers;
  /** Requests per minute per client address, with a burst of a third of it. */
  perMinute: number;
  now?: () => number;
}): PageRoutes {
  const now = deps.now ?? Date.now;
  const limiter = createRateLimiter({ perMinute: deps.perMinute, burst: Math.max(5, deps.perMinute / 3) });

  const render = async (path: string, lang: Lang): Promise<{ status: number; body: string } | null> => {
    const nowMs = now();
    if (path === "/") {
      const players = await deps.rumours.inTheNews(nowMs - WEEK_MS, INDEX_PLAYERS);
      return { status: 200, body: renderIndexPage(players, lang) };
    }
    const m = /^\/([pc])\/([^/]+)\/?$/.exec(path);
    if (!m) return null;
    const key = decode(m[2]!);
    const missing = { status: 404, body: renderMessagePage(pageWords(lang).notFound, lang) };
    if (!key) return missing;
    if (m[1] === "p") {
      const board = await deps.rumours.board(key);
      const seen = new Map<string, Sighting[]>();
      await Promise.all(
        board.map(async (r) => void seen.set(r.club, await deps.rumours.sightings(key, r.club))),
      );
      const view = playerView(board, seen, deps.tiers, nowMs);
      return view ? { status: 200, body: renderPlayerPage(view, lang) } : missing;
    }
    const [incoming, outgoing] = await Promise.all([
      deps.rumours.clubBoard(key, CLUB_RUMOURS),
      deps.rumours.outgoing(key, CLUB_RUMOURS),
    ]);
    const name = incoming[0]?.club ?? outgoing[0]?.playerClub;
    if (!name) return missing;
    return { status: 200, body: renderClubPage({ name, slug: key, incoming, outgoing }, lang, nowMs) };
  };

  return {
    async handle(req) {
      if (req.path !== "/" && !/^\/[pc]\//.test(req.path)) return null;
      const lang = chooseLang(req.query, req.headers);
      const wait = limiter.take(req.client);
      const html = { "content-type": "text/html; charset=utf-8", ...SECURITY_HEADERS };
      if (wait)
        return {
          status: 429,
          headers: { ...html, "retry-after": String(wait), "cache-control": "no-store" },
          body: renderMessagePage(pageWords(lang).tooMany, lang),
        };
      const page = await render(req.path, lang);
      if (!page) return null;
      const etag = etagOf(page.body);
      const headers = {
        ...html,
        etag,
        vary: "Accept-Language",
        "cache-control": page.status === 200 ? "public, max-age=60" : "no-store",
      };
      if (page.status === 200 && matches(req.headers["if-none-match"], etag))
        return { status: 304, headers, body: "" };
      return { status: page.status, headers, body: page.body };
    },
  };
}
