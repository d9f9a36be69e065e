import robotsParserCjs from "robots-parser";
import type { Keys, Redis } from "../redis.js";
import { AddressRefusedError, addressCheck } from "./address-policy.js";
import { classifyFetchFailure, followRedirects } from "./http-get.js";
import { readCappedBody } from "./read-capped-body.js";
import { readJson, writeJson } from "./redis-json.js";

/**
 * What a site's robots.txt says, as RFC 9309 reads the ways of getting it: a 2xx gives rules; a 4xx
 * (no robots.txt) allows everything; a 5xx, a timeout or a network error makes the site "unreachable",
 * which means stay away completely until it can be read.
 */
export type RobotsEntry =
  | { kind: "rules"; text: string }
  | { kind: "allow-all" }
  | { kind: "disallow-all"; why: string };

// robots-parser is CommonJS (`module.exports = function`), while its types declare a default export:
// from ESM the default import is that function, whatever the types say.
const robotsParser = robotsParserCjs as unknown as typeof robotsParserCjs.default;

/** RFC 9309: parsers must read at least 500 KiB; what lies beyond may be ignored. */
const MAX_ROBOTS_BYTES = 500 * 1024;
/** How long an unreachable robots.txt keeps the site closed before it is asked again. */
const UNREACHABLE_TTL_MS = 15 * 60_000;

/**
 * True when `entry` lets `userAgent` read `url`. The user agent's product token ("MercatoRadar" of
 * "MercatoRadar/0.1 (+https://…)") picks its group, else the `*` group.
 */
export function robotsAllows(entry: RobotsEntry, url: string, userAgent: string): boolean {
  if (entry.kind !== "rules") return entry.kind === "allow-all";
  const robotsUrl = new URL("/robots.txt", url).href;
  return robotsParser(robotsUrl, entry.text).isAllowed(url, userAgent) !== false;
}

/** The Crawl-delay the site asks of `userAgent`, in ms; null when it asks none. */
export function crawlDelayMs(entry: RobotsEntry, origin: string, userAgent: string): number | null {
  if (entry.kind !== "rules") return null;
  const delay = robotsParser(`${origin}/robots.txt`, entry.text).getCrawlDelay(userAgent);
  return typeof delay === "number" && Number.isFinite(delay) && delay > 0 ? delay * 1000 : null;
}

/**
 * GETs `origin`'s /robots.txt (redirects followed, as RFC 9309 asks, up to 5) and reads it into an entry.
 * Never throws for the site's failures: they are what the entry says.
 * @throws the reason of `opts.signal` when the caller aborts.
 */
export async function fetchRobots(
  origin: string,
  opts: { userAgent: string; timeoutMs: number; signal?: AbortSignal; allowPrivateAddresses?: boolean },
): Promise<RobotsEntry> {
  const timeout = AbortSignal.timeout(opts.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const redirectLoop = new Error("robots.txt redirects too often");
  try {
    const { res } = await followRedirects(
      `${origin}/robots.txt`,
      { headers: new Headers({ "user-agent": opts.userAgent, accept: "text/plain, */*;q=0.5" }), signal },
      5,
      () => redirectLoop,
      addressCheck(opts.allowPrivateAddresses),
    );
    if (res.status >= 400 && res.status < 500) {
      await res.body?.cancel();
      return { kind: "allow-all" };
    }
    if (!res.ok) {
      await res.body?.cancel();
      return { kind: "disallow-all", why: `HTTP ${res.status}` };
    }
    // Past the cap the rest is ignored, not the whole file (readCappedBody would give nothing).
    const bytes = (await readCappedBody(res.body, MAX_ROBOTS_BYTES)) ?? new Uint8Array(0);
    return { kind: "rules", text: Buffer.from(bytes).toString("utf8") };
  } catch (err) {
    const failure = classifyFetchFailure(err, opts.signal, timeout);
    if (failure.kind === "aborted") throw failure.reason;
    // A redirect loop is a robots.txt that cannot be had: RFC 9309 treats it like a 4xx.
    if (err === redirectLoop) return { kind: "allow-all" };
    if (err instanceof AddressRefusedError) return { kind: "disallow-all", why: "address refused" };
    return {
      kind: "disallow-all",
      why: failure.kind === "timeout" ? "timeout" : (failure.errno ?? "network"),
    };
  }
}

/** Robots entries per origin, in Redis so every worker process shares them and asks each site once a day. */
export interface RobotsStore {
  get(origin: string): Promise<RobotsEntry | null>;
  /** Keeps `entry` for the TTL; an unreachable site is asked again after 15 minutes. */
  set(origin: string, entry: RobotsEntry): Promise<void>;
}

/** A RobotsStore under `robots:<origin>`, each entry expiring after `ttlMs` (RFC 9309: at most a day is usual). */
export function createRobotsStore(redis: Redis, keys: Keys, opts: { ttlMs: number }): RobotsStore {
  const key = (origin: string) => keys.key("robots", origin);
  return {
    get: (origin) => readJson<RobotsEntry>(redis, key(origin)),
    set: (origin, entry) =>
      writeJson(
        redis,
        key(origin),
        entry,
        entry.kind === "disallow-all" ? Math.min(opts.ttlMs, UNREACHABLE_TTL_MS) : opts.ttlMs,
      ),
  };
}
