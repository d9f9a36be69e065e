import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { buildSlashCommands } from "../../../src/chat/discord/slash-commands.js";

describe("buildSlashCommands", () => {
  const built = buildSlashCommands();

  it("should publish every command of the registry, in Italian and English", () => {
    expect(built.map((c) => c.name)).toEqual(commands.map((c) => c.name));
    for (const c of built) {
      const source = commands.find((x) => x.name === c.name)!;
      expect(c.description).toBe(source.description.en);
      expect(c.description_localizations).toEqual({ it: source.description.it });
      for (const o of c.options ?? []) expect(o.description_localizations?.it).toBeTruthy();
    }
  });

  it("should autocomplete player and club options", () => {
    const watch = built.find((c) => c.name === "watch")!;
    expect(watch.options?.[0]).toMatchObject({ name: "player", type: 3, required: true, autocomplete: true });
    const follow = built.find((c) => c.name === "follow")!;
    expect(follow.options?.[0]).toMatchObject({ name: "club", autocomplete: true });
  });

  it("should ask for Manage Channels on the commands that change a channel, and offer a channel option", () => {
    for (const c of built) {
      const admin = commands.find((x) => x.name === c.name)!.permission === "admin";
      expect(c.default_member_permissions).toBe(admin ? "16" : null);
      if (admin) expect(c.options?.at(-1)).toMatchObject({ name: "channel", type: 7, required: false });
    }
    expect(built.find((c) => c.name === "help")!.options).toEqual([]);
  });
});
