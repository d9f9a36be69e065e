/**
 * Why fetching a source failed, one class per failure mode, in the style of undici's UndiciError and its
 * UND_ERR_* codes: `code` is stable (logged, stored as a source's last error code, matched on by callers),
 * the message is for humans and may change.
 *
 * `transient` says whether trying again later may well succeed (timeouts, network trouble, 429 and 5xx).
 * Every failure backs the source off the same way; `transient` is there for callers that want to react
 * differently to a source that is down for a while and one that is broken (a moved feed, an HTML page).
 */

/** Stable codes of {@link NewsFetchError}. Values are stored in Redis as a source's last error code. */
export const NewsFetchErrorCode = {
  Timeout: "NEWS_FETCH_TIMEOUT",
  TooLarge: "NEWS_FETCH_TOO_LARGE",
  HttpStatus: "NEWS_FETCH_HTTP_STATUS",
  TooManyRedirects: "NEWS_FETCH_TOO_MANY_REDIRECTS",
  NotAFeed: "NEWS_FETCH_NOT_A_FEED",
  EmptyFeed: "NEWS_FETCH_EMPTY_FEED",
  Network: "NEWS_FETCH_NETWORK",
  /** An article page answered with something other than HTML (a PDF, an image, JSON). */
  NotHtml: "NEWS_FETCH_NOT_HTML",
  /** The site's robots.txt forbids the bot this path (or could not be read: RFC 9309 says stay away). */
  RobotsDisallowed: "NEWS_FETCH_ROBOTS_DISALLOWED",
  /** An HTML page without an article in it worth reading: a paywall stub, a consent wall, a gallery. */
  NoArticle: "NEWS_FETCH_NO_ARTICLE",
  /** A page nested deeper than a parser can afford (a DOM-bomb): refused before parsing. */
  TooDeep: "NEWS_FETCH_TOO_DEEP",
  /** Parsing the page took longer than allowed: its worker was terminated. */
  ParseTimeout: "NEWS_FETCH_PARSE_TIMEOUT",
  /** Parsing the page failed: the parser threw, or its worker crashed or ran out of memory. */
  ParseFailed: "NEWS_FETCH_PARSE_FAILED",
  /** The URL's host resolves to a loopback, private, link-local or otherwise non-public address. */
  AddressRefused: "NEWS_FETCH_ADDRESS_REFUSED",
} as const;
export type NewsFetchErrorCode = (typeof NewsFetchErrorCode)[keyof typeof NewsFetchErrorCode];

/** Base class of every failure to fetch or read a source's feed. */
export class NewsFetchError extends Error {
  override readonly name: string = "NewsFetchError";
  constructor(
    message: string,
    readonly code: NewsFetchErrorCode,
    readonly url: string,
    readonly transient: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The source did not answer in full within the time allowed. */
export class FeedTimeoutError extends NewsFetchError {
  override readonly name = "FeedTimeoutError";
  constructor(
    url: string,
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super(`Feed timed out after ${timeoutMs} ms`, NewsFetchErrorCode.Timeout, url, true, options);
  }
}

/** The response body is larger than the cap; reading stopped at the cap. */
export class FeedTooLargeError extends NewsFetchError {
  override readonly name = "FeedTooLargeError";
  constructor(
    url: string,
    readonly maxBytes: number,
  ) {
    super(`Feed is larger than ${maxBytes} bytes`, NewsFetchErrorCode.TooLarge, url, false);
  }
}

/** Statuses worth retrying later: the server is overloaded, rate-limiting or briefly broken. */
const TRANSIENT_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/** The source answered with a status other than 200 or 304 (after redirects). */
export class FeedHttpStatusError extends NewsFetchError {
  override readonly name = "FeedHttpStatusError";
  constructor(
    url: string,
    readonly status: number,
    /** Seconds from a Retry-After header, when the server sent one as a number. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(`Feed answered HTTP ${status}`, NewsFetchErrorCode.HttpStatus, url, TRANSIENT_STATUSES.has(status));
  }
}

/** More redirects than allowed, or a redirect without a usable Location. */
export class FeedTooManyRedirectsError extends NewsFetchError {
  override readonly name = "FeedTooManyRedirectsError";
  constructor(
    url: string,
    readonly maxRedirects: number,
  ) {
    super(`Feed redirected more than ${maxRedirects} times`, NewsFetchErrorCode.TooManyRedirects, url, false);
  }
}

/** A 200 whose body is not RSS or Atom: an HTML page (paywall, consent wall, moved site) or broken XML. */
export class FeedNotAFeedError extends NewsFetchError {
  override readonly name = "FeedNotAFeedError";
  constructor(url: string, detail: string, options?: { cause?: unknown }) {
    super(`Not an RSS or Atom feed: ${detail}`, NewsFetchErrorCode.NotAFeed, url, false, options);
  }
}

/**
 * A well-formed feed without a single usable item. Transient: feeds are briefly empty while their
 * generator rebuilds them, and an empty feed that stays empty still backs off.
 */
export class FeedEmptyError extends NewsFetchError {
  override readonly name = "FeedEmptyError";
  constructor(url: string) {
    super("Feed has no items", NewsFetchErrorCode.EmptyFeed, url, true);
  }
}

/** The connection failed: DNS, refused, reset, TLS. `errno` is the system code when known (ECONNREFUSED). */
export class FeedNetworkError extends NewsFetchError {
  override readonly name = "FeedNetworkError";
  constructor(
    url: string,
    readonly errno: string | null,
    options?: { cause?: unknown },
  ) {
    super(`Network error${errno ? ` (${errno})` : ""}`, NewsFetchErrorCode.Network, url, true, options);
  }
}

/**
 * Why an article page could not be read. One class for every mode, told apart by `code`: unlike a feed,
 * whose failures back the source off in different ways, a page that cannot be read always has the same
 * consequence (the item is understood from its feed text), so callers only log the code.
 */
export class PageFetchError extends NewsFetchError {
  override readonly name = "PageFetchError";
  /** The HTTP status, when the page answered one. */
  readonly status: number | null;
  constructor(
    url: string,
    code: NewsFetchErrorCode,
    detail: string,
    options?: {
      cause?: unknown;
      transient?: boolean;
      /** The HTTP status, when the page answered one. */
      status?: number;
    },
  ) {
    super(`Page not read: ${detail}`, code, url, options?.transient ?? false, options);
    this.status = options?.status ?? null;
  }
}

/** True for a {@link NewsFetchError} that may well succeed on a later attempt. */
export function isTransientNewsFetchError(err: unknown): boolean {
  return err instanceof NewsFetchError && err.transient;
}
