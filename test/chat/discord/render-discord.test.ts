import { describe, expect, it } from "vitest";
import {
  embedSize,
  escapeDiscord,
  renderDiscordDigest,
  renderDiscordMessages,
} from "../../../src/chat/discord/render-discord.js";
import { DigestSchema, type OutboxItem } from "../../../src/queues.js";
import { buildRumourEvent } from "../../helpers/builders.js";

const item = (
  overrides: Parameters<typeof buildRumourEvent>[0] = {},
  matched = ["watch:Kim Min-Jae"],
): OutboxItem => ({
  alert: buildRumourEvent(overrides),
  matched,
});

describe("escapeDiscord", () => {
  it("should break every kind of mention with a zero-width space", () => {
    const out = escapeDiscord("@everyone @here <@123> <@!123> <@&456> <#789> </cmd:1>");
    for (const live of ["@everyone", "@here", "<@123>", "<@!123>", "<@&456>", "<#789>", "</cmd:1>"]) {
      expect(out).not.toContain(live);
    }
    expect(out).toContain("\u200b");
  });

  it("should escape markdown so no feed can format or mask a link", () => {
    expect(escapeDiscord("**bold** _it_ ~~s~~ `c` ||spoiler|| [x](https://evil.test) > q # h")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|spoiler\\|\\| \\[x\\]\\(https://evil.test\\) \\> q \\# h",
    );
  });
});

describe("renderDiscordMessages", () => {
  it("should render an alert as an embed with player, board, outlets, sources and why", () => {
    const [msg] = renderDiscordMessages(
      [
        item({
          links: [
            { club: "Milan", stage: "talks" },
            { club: "Inter", stage: "interest" },
          ],
          outlets: 3,
          cited: ["Sport Bild"],
        }),
      ],
      "en",
    );
    const embed = msg!.embeds![0]!;
    expect(embed.title).toBe("Kim Min\\-Jae \\(Bayern Munich\\)");
    expect(embed.description).toContain("new: Milan \\(talks\\)");
    expect(embed.description).toContain("Why: you watch Kim Min\\-Jae");
    expect(embed.fields).toEqual(
      expect.arrayContaining([
        { name: "Milan", value: "talks", inline: true },
        { name: "Inter", value: "interest", inline: true },
        { name: "Outlets", value: "3 · ★★★", inline: true },
        { name: "Sources", value: "Sport Bild", inline: false },
      ]),
    );
    expect(msg!.allowed_mentions).toEqual({ parse: [] });
    expect(msg!.components).toEqual([
      { type: 1, components: [{ type: 2, style: 5, label: "example", url: "https://example.test/kim" }] },
    ]);
  });

  it("should speak Italian to an Italian channel", () => {
    const [msg] = renderDiscordMessages([item({}, ["follow:Milan"])], "it");
    expect(msg!.embeds![0]!.description).toContain("nuova: Milan \\(trattativa\\)");
    expect(msg!.embeds![0]!.description).toContain("Perché: segui la squadra Milan");
  });

  it("should let no mention or markdown from a feed through, and drop non-http links", () => {
    const [msg] = renderDiscordMessages(
      [
        item({
          player: { key: "x", name: "@everyone <@&1>", club: "**Club**", provisional: true },
          articles: [{ url: "javascript:alert(1)", title: "t", outlet: "o", published: null }],
        }),
      ],
      "en",
    );
    const text = JSON.stringify(msg);
    expect(text).not.toContain("@everyone");
    expect(text).not.toContain("<@&1>");
    expect(text).not.toContain("javascript:");
    expect(msg!.embeds![0]!.title).toContain("\\*\\*Club\\*\\*");
  });

  it("should keep within Discord's limits: 25 fields, 256 title, 6000 total, 10 embeds", () => {
    const links = Array.from({ length: 30 }, (_, i) => ({
      club: `${"Club".repeat(30)} ${i}`,
      stage: "talks" as const,
    }));
    const long = "*_".repeat(100); // 200 characters that escape to 400
    const items = Array.from({ length: 12 }, () =>
      item({
        links,
        player: { key: "k", name: long, club: null, provisional: false },
        cited: ["x".repeat(190)],
      }),
    );
    const messages = renderDiscordMessages(items, "en");
    expect(messages.flatMap((m) => m.embeds ?? [])).toHaveLength(12);
    for (const m of messages) {
      expect(m.embeds!.length).toBeLessThanOrEqual(10);
      expect(m.embeds!.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(6000);
      for (const e of m.embeds!) {
        expect(e.fields!.length).toBeLessThanOrEqual(25);
        expect(e.title!.length).toBeLessThanOrEqual(256);
      }
    }
  });

  it("should put several alerts in one message as several embeds", () => {
    const messages = renderDiscordMessages([item(), item(), item()], "en");
    expect(messages).toHaveLength(1);
    expect(messages[0]!.embeds).toHaveLength(3);
  });
});

describe("renderDiscordDigest", () => {
  const line = (name: string) => ({
    name,
    stage: "agreement" as const,
    moves: ["talks" as const, "agreement" as const],
    outlets: 2,
    article: { url: "https://example.test/a", title: "t", outlet: "Gazzetta", published: null },
    held: "quiet" as const,
  });
  const digest = (players: number) =>
    DigestSchema.parse({
      since: "2026-01-11T08:00:00.000Z",
      until: "2026-01-12T08:00:00.000Z",
      players: Array.from({ length: players }, (_, i) => ({
        name: `@everyone ${i}`,
        club: null,
        lines: [line("Milan")],
      })),
      clubs: [{ club: "Milan", lines: [line("Kim Min-Jae")] }],
    });

  it("should render one embed per section with escaped text and checked article links", () => {
    const [msg] = renderDiscordDigest(digest(1), "en");
    expect(msg!.content).toContain("digest");
    expect(msg!.embeds).toHaveLength(2);
    expect(msg!.embeds![1]!.description).toContain("[Gazzetta](https://example.test/a)");
    expect(JSON.stringify(msg)).not.toContain("@everyone");
    expect(msg!.allowed_mentions).toEqual({ parse: [] });
  });

  it("should split a long digest into messages of at most 10 embeds", () => {
    const messages = renderDiscordDigest(digest(25), "it");
    expect(messages.flatMap((m) => m.embeds ?? [])).toHaveLength(26);
    for (const m of messages) expect(m.embeds!.length).toBeLessThanOrEqual(10);
  });
});
