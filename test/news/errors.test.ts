import { describe, expect, it } from "vitest";
import {
  FeedEmptyError,
  FeedHttpStatusError,
  FeedNetworkError,
  FeedNotAFeedError,
  FeedTimeoutError,
  FeedTooLargeError,
  FeedTooManyRedirectsError,
  isTransientNewsFetchError,
  NewsFetchError,
} from "../../src/news/errors.js";

const url = "https://e.it/rss";

describe("NewsFetchError", () => {
  it("should give every failure mode its own code, name and transience", () => {
    const cases = [
      [new FeedTimeoutError(url, 100), "NEWS_FETCH_TIMEOUT", "FeedTimeoutError", true],
      [new FeedTooLargeError(url, 10), "NEWS_FETCH_TOO_LARGE", "FeedTooLargeError", false],
      [new FeedHttpStatusError(url, 502), "NEWS_FETCH_HTTP_STATUS", "FeedHttpStatusError", true],
      [
        new FeedTooManyRedirectsError(url, 5),
        "NEWS_FETCH_TOO_MANY_REDIRECTS",
        "FeedTooManyRedirectsError",
        false,
      ],
      [new FeedNotAFeedError(url, "an HTML page"), "NEWS_FETCH_NOT_A_FEED", "FeedNotAFeedError", false],
      [new FeedEmptyError(url), "NEWS_FETCH_EMPTY_FEED", "FeedEmptyError", true],
      [new FeedNetworkError(url, "ECONNRESET"), "NEWS_FETCH_NETWORK", "FeedNetworkError", true],
    ] as const;
    for (const [err, code, name, transient] of cases) {
      expect(err).toBeInstanceOf(NewsFetchError);
      expect(err).toMatchObject({ code, name, transient, url });
      expect(isTransientNewsFetchError(err)).toBe(transient);
    }
  });

  it("should call 429 and 5xx transient, other statuses permanent", () => {
    expect([429, 500, 503, 504].map((s) => new FeedHttpStatusError(url, s).transient)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([400, 401, 403, 404, 410].map((s) => new FeedHttpStatusError(url, s).transient)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("should not call foreign errors transient", () => {
    expect(isTransientNewsFetchError(new Error("boom"))).toBe(false);
  });
});
