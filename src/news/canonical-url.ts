/**
 * Query parameters that only say how a reader got to an article (campaigns, click ids, referrers) or
 * which rendering was asked for; they never change which article it is.
 */
const TRACKING_PARAMS = new Set([
  "fbclid",
  "gclid",
  "dclid",
  "gbraid",
  "wbraid",
  "msclkid",
  "yclid",
  "twclid",
  "ttclid",
  "igshid",
  "mc_cid",
  "mc_eid",
  "_ga",
  "_gl",
  "ref",
  "ref_src",
  "ref_url",
  "referrer",
  "cmpid",
  "ito",
  "xtor",
  "ncid",
  "ocid",
  "sr_share",
  "dicbo",
  "at_medium",
  "at_campaign",
  "outputtype", // outputType=amp (the Washington Post, Gazzetta) and friends
]);

/** Parameters that ask for the AMP rendering of the same article: `?amp`, `?amp=1`, `?amp=true`. */
const AMP_PARAMS = new Set(["amp", "amp_js_v", "usqp"]);

/**
 * The identity of an article's URL: two links to the same article give the same string. It is also the
 * link we send to chats, so it must keep working; hence what it does not fold:
 * - the scheme and `www.` stay as the outlet wrote them: some sites don't serve the bare domain or plain
 *   http, and one outlet's feed uses one form consistently, which is what de-duplication needs;
 * - path case stays (paths are case-sensitive on most servers).
 *
 * What it does: lowercases scheme and host (URL does), drops default ports, the fragment and the
 * user:password part, drops tracking parameters (utm_*, fbclid, gclid, …) and AMP switches, sorts the
 * rest by name (keeping their encoding as written), folds a trailing `/amp` and a trailing slash, and
 * uppercases percent-escapes.
 *
 * @example canonicalUrl("HTTPS://www.Example.it:443/news/x/amp/?utm_source=tw&b=2&a=1#top")
 *          // "https://www.example.it/news/x?a=1&b=2"
 * @throws TypeError when `url` is not an absolute http(s) URL.
 */
export function canonicalUrl(url: string): string {
  const u = new URL(url.trim());
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new TypeError(`Not an http(s) URL: ${url}`);
  const path = foldPath(u.pathname).replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
  const query = canonicalQuery(u.search);
  return `${u.protocol}//${u.host}${path}${query ? `?${query}` : ""}`;
}

function foldPath(pathname: string): string {
  let path = pathname.replace(/\/{2,}/g, "/");
  path = path.replace(/\/amp\/?$/i, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  return path || "/";
}

/** Keeps each `name=value` pair as written (no re-encoding), minus tracking ones, sorted. */
function canonicalQuery(search: string): string {
  const pairs = search
    .replace(/^\?/, "")
    .split("&")
    .filter((pair) => pair !== "" && !isNoise(pair));
  return pairs
    .map((pair) => ({ pair, name: paramName(pair) }))
    .sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.pair < b.pair ? -1 : a.pair > b.pair ? 1 : 0,
    )
    .map((p) => p.pair)
    .join("&");
}

function isNoise(pair: string): boolean {
  const name = paramName(pair).toLowerCase();
  return name.startsWith("utm_") || TRACKING_PARAMS.has(name) || AMP_PARAMS.has(name);
}

function paramName(pair: string): string {
  const raw = pair.split("=", 1)[0]!.replace(/\+/g, " ");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
