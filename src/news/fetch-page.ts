import { addressCheck } from "./address-policy.js";
import { NewsFetchError, NewsFetchErrorCode, PageFetchError } from "./errors.js";
import { type DecodedHtml, decodeHtml } from "./html-charset.js";
import { classifyFetchFailure, definedOnly, followRedirects } from "./http-get.js";
import { readCappedBody } from "./read-capped-body.js";

/** Limits and identity of one page fetch; every field has a default. */
export interface FetchPageOptions {
  /** For the whole exchange: redirects, headers and body. Default 10 s. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body. Default 3 MB: article pages with inline scripts run to 1 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
  /** Fetch from loopback, private and link-local addresses too (tests, a local demo). Default false. */
  allowPrivateAddresses?: boolean;
  /**
   * Checks every URL of the redirect chain after the address policy, before it is requested (the page
   * reader's robots.txt); throws to refuse it.
   */
  checkUrl?: (url: string) => Promise<void>;
  /** The caller's signal (a job's, on shutdown): aborting it rejects with its reason, not a PageFetchError. */
  signal?: AbortSignal;
}

/** A page as fetched and decoded. */
export interface FetchedPage extends DecodedHtml {
  /** Where the page was read after redirects. */
  finalUrl: string;
}

const DEFAULTS = { timeoutMs: 10_000, maxBytes: 3_000_000, maxRedirects: 5, userAgent: "MercatoRadar/0.1" };
const ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";
const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/i;
/** 5xx, 408 and 429 may well pass later; 404 or 403 will not. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * GETs an article page and decodes it (see decodeHtml for the charset). Redirects are followed up to
 * `maxRedirects`; the body is read up to `maxBytes`; a response without a Content-Type is taken for HTML.
 * Robots.txt and the per-host limits are the caller's (see createPageReader).
 *
 * @throws PageFetchError with code NEWS_FETCH_TIMEOUT, _TOO_LARGE, _HTTP_STATUS, _TOO_MANY_REDIRECTS,
 *   _NOT_HTML or _NETWORK; AddressRefusedError; what `checkUrl` throws.
 * @throws the reason of `opts.signal` when the caller aborts.
 */
export async function fetchPage(url: string, opts: FetchPageOptions = {}): Promise<FetchedPage> {
  const o = { ...DEFAULTS, ...definedOnly(opts) };
  const timeout = AbortSignal.timeout(o.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  try {
    const { res, finalUrl } = await followRedirects(
      url,
      { headers: new Headers({ "user-agent": o.userAgent, accept: ACCEPT }), signal },
      o.maxRedirects,
      () =>
        new PageFetchError(url, NewsFetchErrorCode.TooManyRedirects, `more than ${o.maxRedirects} redirects`),
      async (hop) => {
        await addressCheck(opts.allowPrivateAddresses)(hop);
        await opts.checkUrl?.(hop);
      },
    );
    const contentType = res.headers.get("content-type");
    const refusal = refuse(res, contentType, o.maxBytes);
    if (refusal) {
      await res.body?.cancel();
      throw new PageFetchError(url, refusal.code, refusal.detail, {
        status: res.status,
        transient: TRANSIENT_STATUSES.has(res.status),
      });
    }
    const bytes = await readCappedBody(res.body, o.maxBytes);
    if (!bytes) throw new PageFetchError(url, NewsFetchErrorCode.TooLarge, `larger than ${o.maxBytes} bytes`);
    return { ...decodeHtml(bytes, contentType), finalUrl };
  } catch (err) {
    const failure = classifyFetchFailure(err, opts.signal, timeout);
    if (failure.kind === "aborted") throw failure.reason;
    if (err instanceof NewsFetchError) throw err;
    if (failure.kind === "timeout")
      throw new PageFetchError(url, NewsFetchErrorCode.Timeout, `timed out after ${o.timeoutMs} ms`, {
        cause: err,
        transient: true,
      });
    const detail = `network error${failure.errno ? ` (${failure.errno})` : ""}`;
    throw new PageFetchError(url, NewsFetchErrorCode.Network, detail, { cause: err, transient: true });
  }
}

/** Why a response is not worth reading, before reading it; null when it is. */
function refuse(
  res: Response,
  contentType: string | null,
  maxBytes: number,
): { code: NewsFetchErrorCode; detail: string } | null {
  if (!res.ok) return { code: NewsFetchErrorCode.HttpStatus, detail: `HTTP ${res.status}` };
  if (contentType && !HTML_TYPE.test(contentType))
    return { code: NewsFetchErrorCode.NotHtml, detail: `content type ${contentType.slice(0, 100)}` };
  if (Number(res.headers.get("content-length") ?? 0) > maxBytes)
    return { code: NewsFetchErrorCode.TooLarge, detail: `larger than ${maxBytes} bytes` };
  return null;
}
