import { describe, expect, it } from "vitest";
import { alertKeyboard, parseAlertAction } from "../../../src/chat/telegram/alert-keyboard.js";
import {
  escapeHtml,
  MAX_MESSAGE_CHARS,
  renderTelegramMessage,
} from "../../../src/chat/telegram/render-telegram.js";
import { renderTelegramDigest } from "../../../src/chat/telegram/render-telegram-digest.js";
import { DigestSchema } from "../../../src/queues.js";
import { checkTelegramHtml } from "../../fakes/telegram-html.js";
import { buildOutboxItem } from "../../helpers/builders.js";
import { tg } from "./telegram-harness.js";

const item = buildOutboxItem;
const hostile = `<script>alert("x")</script> & 'Tom' <b>`;

describe("escapeHtml", () => {
  it("should escape &, <, > and both quotes", () => {
    expect(escapeHtml(`a & b < c > d "e" 'f'`)).toBe("a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;");
  });
});

describe("renderTelegramMessage", () => {
  it("should escape every string that came from a feed, leaving valid Telegram HTML", () => {
    const alert = item({
      player: { key: "x", name: hostile, club: hostile, provisional: true },
      changes: [{ club: hostile, stage: "talks", previous: null, kind: "new" }],
      links: [{ club: hostile, stage: "talks" }],
      cited: [hostile],
      articles: [
        { url: `https://example.test/a?x=1&y="2"`, title: hostile, outlet: hostile, published: null },
      ],
    });
    const { chunks } = renderTelegramMessage({ chat: tg(1), items: [alert] }, "en");
    expect(chunks).toHaveLength(1);
    const check = checkTelegramHtml(chunks[0]!);
    expect(check.ok).toBe(true);
    expect(chunks[0]).not.toContain("<script>");
    expect(chunks[0]).toContain(`href="https://example.test/a?x=1&amp;y=%222%22"`);
    if (check.ok) expect(check.text).toContain(hostile);
  });

  it("should never make a link of a non-web URL", () => {
    const alert = item({
      articles: [{ url: "javascript:alert(1)", title: "Kim", outlet: "x", published: null }],
    });
    const { chunks, leadUrl } = renderTelegramMessage({ chat: tg(1), items: [alert] }, "it");
    expect(chunks[0]).not.toContain("<a ");
    expect(leadUrl).toBeNull();
  });

  it("should render several alerts as one message with the first alert's lead article for the preview", () => {
    const items = [1, 2, 3].map((n) =>
      item({
        articles: [{ url: `https://example.test/${n}`, title: `Kim ${n}`, outlet: "o", published: null }],
      }),
    );
    const { chunks, leadUrl } = renderTelegramMessage({ chat: tg(1), items }, "it");
    expect(chunks).toHaveLength(1);
    expect(chunks[0]!.match(/🔔/g)).toHaveLength(3);
    expect(leadUrl).toBe("https://example.test/1");
  });

  it("should split only past 4096 characters, between alerts, each part valid", () => {
    const long = "Lungo titolo di mercato ".repeat(6);
    const articles = [1, 2, 3].map((n) => ({
      url: `https://example.test/${n}`,
      title: long,
      outlet: "o",
      published: null,
    }));
    const changes = Array.from({ length: 10 }, (_, i) => ({
      club: `Club ${i} ${long}`,
      stage: "talks" as const,
      previous: null,
      kind: "new" as const,
    }));
    const items = Array.from({ length: 5 }, () => item({ changes, articles }));
    const { chunks } = renderTelegramMessage({ chat: tg(1), items }, "en");
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(checkTelegramHtml(c).ok).toBe(true);
      expect(c.startsWith("🔔")).toBe(true);
    }
  });
});

describe("alertKeyboard", () => {
  it("should offer Unwatch for watched players and Sources for every alert, in the chat's language", () => {
    const kb = alertKeyboard([item(), item({}, ["follow:Milan"])], "it");
    const rows = kb!.inline_keyboard.map((r) => r.map((b) => ("callback_data" in b ? b.callback_data : "")));
    expect(rows[0]).toEqual(["u:kim-min-jae", expect.stringMatching(/^s:[\w-]{16}$/)]);
    expect(rows[1]).toEqual([expect.stringMatching(/^s:/)]);
    expect(kb!.inline_keyboard[0]![0]!.text).toBe("🔕 Non seguire Kim Min-Jae");
  });

  it("should read back only its own callback data", () => {
    expect(parseAlertAction("u:kim-min-jae")).toEqual({ kind: "unwatch", playerKey: "kim-min-jae" });
    expect(parseAlertAction("s:abc")).toEqual({ kind: "sources", ref: "abc" });
    expect(parseAlertAction("x:1")).toBeNull();
    expect(parseAlertAction(undefined)).toBeNull();
  });
});

describe("renderTelegramDigest", () => {
  const line = (name: string) => ({
    name,
    stage: "talks" as const,
    moves: ["interest" as const, "talks" as const],
    outlets: 2,
    article: { url: "https://example.test/d?a=1&b=2", title: hostile, outlet: hostile, published: null },
    held: "quiet" as const,
  });
  const digest = (players: number) =>
    DigestSchema.parse({
      since: "2026-01-12T08:00:00.000Z",
      until: "2026-01-13T08:00:00.000Z",
      players: Array.from({ length: players }, (_, i) => ({
        name: `${hostile} ${i}`,
        club: hostile,
        lines: [line(hostile)],
      })),
      clubs: [{ club: hostile, lines: [line(hostile)] }],
    });

  it("should escape every feed string and give valid HTML", () => {
    const [part, ...rest] = renderTelegramDigest(digest(2), "it");
    expect(rest).toEqual([]);
    expect(part).toMatch(/^<b>📰 Il riepilogo del mercato<\/b>\n\n<b>/);
    const check = checkTelegramHtml(part!);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.text).toContain(hostile);
    expect(part).toContain(`href="https://example.test/d?a=1&amp;b=2"`);
  });

  it("should split a long digest between sections, each part valid", () => {
    const parts = renderTelegramDigest(digest(50), "en");
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
      expect(checkTelegramHtml(p).ok).toBe(true);
    }
  });
});
