import { describe, expect, it } from "vitest";
import { escapeDiscord } from "../../src/chat/discord/render-discord.js";
import { splitText } from "../../src/chat/split-text.js";
import { escapeHtml } from "../../src/chat/telegram/render-telegram.js";

describe("splitText", () => {
  it("should split between lines, every part within the limit, losing no line", () => {
    const lines = Array.from({ length: 100 }, (_, i) => `• Giocatore numero ${i} con un nome lungo`);
    const parts = splitText(lines.join("\n"), 500);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(500);
    expect(parts.join("\n")).toBe(lines.join("\n"));
  });

  it("should cut a line too long for one message, never inside a surrogate pair or an escape", () => {
    const parts = splitText(`${"a".repeat(9)}😀${"b".repeat(5)}`, 10);
    expect(parts.join("")).toBe(`${"a".repeat(9)}😀${"b".repeat(5)}`);
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(10);
    const escaped = splitText(`${"x".repeat(9)}\\*tail`, 10);
    expect(escaped[0]).toBe("x".repeat(9));
    expect(escaped[1]!.startsWith("\\*")).toBe(true);
  });
});

describe("what the chats show (issue 13, 8)", () => {
  it("should drop controls, bidi overrides and zero-width characters from feed text", () => {
    expect(escapeHtml("\u202eKim\u200b <b>\u0000")).toBe("Kim &lt;b&gt;");
    expect(escapeDiscord("\u2066Kim\u2069\u001b[31m")).toBe("Kim");
  });
});
