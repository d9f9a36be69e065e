import { addressCheck } from "./address-policy.js";
import { type CharsetOrigin, type DecodedFeed, decodeFeed, UndecodableError } from "./charset.js";
import {
  FeedEmptyError,
  FeedHttpStatusError,
  FeedNetworkError,
  FeedNotAFeedError,
  FeedTimeoutError,
  FeedTooLargeError,
  FeedTooManyRedirectsError,
  NewsFetchError,
} from "./errors.js";
import { classifyFetchFailure, definedOnly, followRedirects, retryAfterSeconds } from "./http-get.js";
import { type FeedItem, parseFeed } from "./parse-feed.js";
import { readCappedBody } from "./read-capped-body.js";

/** A source's HTTP validators, sent back as If-None-Match / If-Modified-Since on the next fetch. */
export interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export interface FetchFeedOptions {
  /** For the whole exchange: redirects, headers and body. Default 15 s. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body. Default 5 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** The caller's signal (a job's, on shutdown): aborting it rejects with its reason, not a NewsFetchError. */
  signal?: AbortSignal;
  /** Fetch from loopback, private and link-local addresses too (tests, a local demo). Default false. */
  allowPrivateAddresses?: boolean;
  /** The parser, replaceable to observe or stub it in tests. */
  parse?: (xml: string, feedUrl: string) => Promise<FeedItem[]>;
}

export type FetchFeedResult =
  | { status: "not-modified"; validators: FeedValidators }
  | {
      status: "ok";
      items: FeedItem[];
      validators: FeedValidators;
      /** Where the feed was read after redirects. */
      finalUrl: string;
      charset: string;
      charsetOrigin: CharsetOrigin;
    };

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 5_000_000, maxRedirects: 5, userAgent: "MercatoRadar/0.1" };
const ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";
/** Validators are opaque strings of the server's; a sane one is short, and we store them. */
const MAX_VALIDATOR = 500;

/**
 * Fetches and parses a feed with a conditional GET: `state`'s ETag and Last-Modified go out as
 * If-None-Match and If-Modified-Since, and a 304 comes back as `not-modified` without reading or parsing
 * anything. Redirects are followed up to `maxRedirects`; the body is read up to `maxBytes` and decoded
 * with the charset of its BOM, XML prolog or Content-Type (see decodeFeed).
 *
 * @throws NewsFetchError subclasses: FeedTimeoutError, FeedTooLargeError, FeedHttpStatusError,
 *   FeedTooManyRedirectsError, FeedNotAFeedError (HTML or broken XML), FeedEmptyError, FeedNetworkError,
 *   AddressRefusedError (a non-public address, on any hop, unless `allowPrivateAddresses`).
 * @throws the reason of `opts.signal` when the caller aborts.
 */
export async function fetchFeed(
  url: string,
  state: FeedValidators,
  opts: FetchFeedOptions = {},
): Promise<FetchFeedResult> {
  const o = { ...DEFAULTS, ...definedOnly(opts) };
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  let download: Download;
  try {
    download = await get(url, state, o, signal);
  } catch (err) {
    throw toFetchError(err, url, opts.signal, timeout, o.timeoutMs);
  }
  if (download.status === "not-modified") return download;
  // Outside the try: a parser bug must surface as itself, not as a network error.
  const { res, bytes } = download;
  const finalUrl = download.finalUrl;
  const decoded = decodeWithCharset(bytes, res.headers.get("content-type"), url);
  const items = await (opts.parse ?? parseFeed)(decoded.text, finalUrl);
  if (items.length === 0) throw new FeedEmptyError(url);
  return {
    status: "ok",
    items,
    validators: validators(res, { etag: null, lastModified: null }),
    finalUrl,
    charset: decoded.charset,
    charsetOrigin: decoded.origin,
  };
}

/**
 * The feed's text, or a FeedNotAFeedError naming the charset when the bytes do not read as one: a
 * document that starts with `<` in bytes but not in text was decoded with the wrong charset.
 */
function decodeWithCharset(bytes: Uint8Array, contentType: string | null, url: string): DecodedFeed {
  let decoded: DecodedFeed;
  try {
    decoded = decodeFeed(bytes, contentType);
  } catch (err) {
    if (!(err instanceof UndecodableError)) throw err;
    throw new FeedNotAFeedError(url, `undecodable bytes (${err.message})`, { cause: err });
  }
  const first = decoded.text.trimStart()[0];
  const firstByte = bytes.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  if (firstByte === 0x3c && first !== "<")
    throw new FeedNotAFeedError(
      url,
      `undecodable bytes (read as ${decoded.charset}, from the ${decoded.origin})`,
    );
  return decoded;
}

type Download =
  | { status: "not-modified"; validators: FeedValidators }
  | { status: "ok"; res: Response; bytes: Uint8Array; finalUrl: string };

/** The HTTP part: a conditional GET, its status, and the body read up to the cap. */
async function get(
  url: string,
  state: FeedValidators,
  o: typeof DEFAULTS & { allowPrivateAddresses?: boolean },
  signal: AbortSignal,
): Promise<Download> {
  const { res, finalUrl } = await followRedirects(
    url,
    { headers: requestHeaders(state, o.userAgent), signal },
    o.maxRedirects,
    () => new FeedTooManyRedirectsError(url, o.maxRedirects),
    addressCheck(o.allowPrivateAddresses),
  );
  if (res.status === 304) {
    await res.body?.cancel();
    return { status: "not-modified", validators: validators(res, state) };
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FeedHttpStatusError(url, res.status, retryAfterSeconds(res.headers.get("retry-after")));
  }
  if (Number(res.headers.get("content-length") ?? 0) > o.maxBytes) {
    await res.body?.cancel();
    throw new FeedTooLargeError(url, o.maxBytes);
  }
  const bytes = await readCappedBody(res.body, o.maxBytes);
  if (!bytes) throw new FeedTooLargeError(url, o.maxBytes);
  return { status: "ok", res, bytes, finalUrl };
}

function requestHeaders(state: FeedValidators, userAgent: string): Headers {
  const headers = new Headers({ "user-agent": userAgent, accept: ACCEPT });
  if (state.etag) headers.set("if-none-match", state.etag);
  if (state.lastModified) headers.set("if-modified-since", state.lastModified);
  return headers;
}

/** The response's validators; a 304 may omit them, and then the ones we sent stay valid. */
function validators(res: Response, fallback: FeedValidators): FeedValidators {
  const pick = (name: string) => res.headers.get(name)?.slice(0, MAX_VALIDATOR) || null;
  return {
    etag: pick("etag") ?? fallback.etag,
    lastModified: pick("last-modified") ?? fallback.lastModified,
  };
}

/**
 * The one place that turns what fetch and the body stream throw into our errors. The caller's own
 * abort passes through untouched: a shutdown is not the source's fault and must not count against it.
 */
function toFetchError(
  err: unknown,
  url: string,
  outer: AbortSignal | undefined,
  timeout: AbortSignal,
  timeoutMs: number,
): unknown {
  const failure = classifyFetchFailure(err, outer, timeout);
  if (failure.kind === "aborted") return failure.reason;
  if (err instanceof NewsFetchError) return err;
  if (failure.kind === "timeout") return new FeedTimeoutError(url, timeoutMs, { cause: err });
  return new FeedNetworkError(url, failure.errno, { cause: err });
}
