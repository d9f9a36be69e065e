import { describe, expect, it } from "vitest";
import type { CommandDeps } from "../../../commands/types.js";
import { createConsoleChat } from "../../../src/chat/console-chat.js";
import { silentLogger } from "../../../src/log.js";
import { buildOutboxItem } from "../../helpers/builders.js";

describe("the terminal chat (issue 13, 8)", () => {
  it("should print feed text without escape codes, controls or bidi overrides", async () => {
    const printed: string[] = [];
    const deps = { chatState: { lang: async () => "en" } } as unknown as CommandDeps;
    const chat = createConsoleChat({
      deps,
      log: silentLogger(),
      lang: "en",
      out: { write: (t) => printed.push(t) },
    });
    const item = buildOutboxItem({
      articles: [
        {
          url: "https://example.test/kim",
          title: "\u001b[2J\u001b]0;owned\u0007Kim\u202e, contatti\u0000 col Milan\u001b[0m",
          outlet: "exa\u009b31mmple",
          published: null,
        },
      ],
    });
    await chat.adapter.send({ chat: { platform: "console", id: "local" }, items: [item] });
    const text = printed.join("\n");
    expect(text).toContain("Kim, contatti col Milan");
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});
