/**
 * The HTTP steps that fetching a feed and fetching an article page share: redirects followed by hand
 * (so their number is ours to limit), the Retry-After header, and telling what fetch threw apart.
 * Each caller turns the outcome into its own errors.
 */

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `url`, following up to `maxRedirects` redirects to http(s) URLs. The response returned is the
 * first that is not a redirect; its `url` is empty (manual mode), so the final URL is returned beside it.
 * `beforeHop` sees every URL of the chain, the first included, before it is requested: a redirect must
 * pass the same checks (address, robots.txt) as the URL it replaces.
 * @throws the error `tooMany()` makes when there are more redirects than allowed, or one without a
 *   usable Location; what `beforeHop` throws; whatever fetch throws otherwise.
 */
export async function followRedirects(
  url: string,
  init: { headers: Headers; signal: AbortSignal },
  maxRedirects: number,
  tooMany: () => Error,
  beforeHop?: (url: string) => Promise<void>,
): Promise<{ res: Response; finalUrl: string }> {
  let current = url;
  for (let hops = 0; ; hops++) {
    await beforeHop?.(current);
    const res = await fetch(current, { ...init, redirect: "manual" });
    if (!REDIRECTS.has(res.status)) return { res, finalUrl: current };
    await res.body?.cancel();
    const location = res.headers.get("location");
    if (!location || hops >= maxRedirects) throw tooMany();
    current = new URL(location, current).href;
    if (!/^https?:/.test(current)) throw tooMany();
  }
}

/** Seconds from a Retry-After header, given as seconds or as an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** What a failed fetch (or body read) was, for the caller to turn into its own error. */
export type FetchFailure =
  /** The caller's own signal fired (a shutdown): pass `reason` on untouched, it is nobody's fault. */
  | { kind: "aborted"; reason: unknown }
  /** Our timeout fired. */
  | { kind: "timeout" }
  /** DNS, refused, reset, TLS…; `errno` is the system code when known (ECONNREFUSED). */
  | { kind: "network"; errno: string | null };

/**
 * Tells what `err`, thrown by fetch or by reading the body, was. Check the caller's own errors (already
 * ours) before calling this.
 */
export function classifyFetchFailure(
  err: unknown,
  outer: AbortSignal | undefined,
  timeout: AbortSignal,
): FetchFailure {
  if (outer?.aborted) return { kind: "aborted", reason: outer.reason };
  if (timeout.aborted) return { kind: "timeout" };
  // undici: TypeError("fetch failed") whose cause is the system error (ECONNREFUSED, ENOTFOUND, …).
  const cause = (err as { cause?: { code?: unknown } } | null)?.cause;
  return { kind: "network", errno: typeof cause?.code === "string" ? cause.code : null };
}

/** The object without its undefined values, so that spreading it over defaults keeps the defaults. */
export function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
