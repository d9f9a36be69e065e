import { DiscordAPIError, HTTPError, RateLimitError } from "discord.js";
import { describe, expect, it } from "vitest";
import { classifyDiscordError } from "../../../src/chat/discord/classify-discord-error.js";

const apiError = (status: number, code: number, message = "error") =>
  new DiscordAPIError(
    { code, message },
    code,
    status,
    "POST",
    "https://discord.test/api/v10/channels/1/messages",
    {},
  );

describe("classifyDiscordError", () => {
  it("should turn a 429 into RATE_LIMITED with Discord's wait", () => {
    const err = new RateLimitError({
      timeToReset: 0,
      limit: 50,
      method: "POST",
      hash: "global",
      url: "https://discord.test/api/v10/channels/1/messages",
      route: "/channels/:id/messages",
      majorParameter: "1",
      global: true,
      retryAfter: 1250,
      sublimitTimeout: 0,
      scope: "global",
    });
    const e = classifyDiscordError(err);
    expect(e.code).toBe("RATE_LIMITED");
    expect(e.details.retryAfterMs).toBe(1250);
    expect(e.message).toContain("global");
  });

  it.each([
    [403, 50001],
    [403, 50013],
    [404, 10003],
    [400, 50007],
  ])("should pause the channel on %i %i", (status, code) => {
    const e = classifyDiscordError(apiError(status, code));
    expect(e.code).toBe("CHAT_GONE");
    expect(e.permanent).toBe(true);
  });

  it("should retry 5xx and network failures", () => {
    expect(classifyDiscordError(new HTTPError(502, "Bad Gateway", "POST", "u", {})).code).toBe("TRANSIENT");
    expect(classifyDiscordError(apiError(500, 0)).code).toBe("TRANSIENT");
    const reset = Object.assign(new Error("socket hang up"), { code: "ECONNRESET" });
    expect(classifyDiscordError(reset).code).toBe("TRANSIENT");
  });

  it("should never retry a payload Discord refuses", () => {
    const e = classifyDiscordError(apiError(400, 50035, "Invalid Form Body"));
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.permanent).toBe(true);
  });
});
