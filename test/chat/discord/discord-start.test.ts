import { afterAll, describe, expect, it } from "vitest";
import { type App, createApp } from "../../../src/app.js";
import { createDiscord, type Discord } from "../../../src/chat/discord/index.js";
import { createConfig } from "../../../src/config.js";
import { silentLogger } from "../../../src/log.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/fake-discord.js";
import { useTestRedis } from "../../helpers/redis.js";
import { waitFor } from "../../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
let fake: FakeDiscord | null = null;
let app: App | null = null;
let discord: Discord | null = null;
afterAll(async () => {
  await discord?.stop();
  await fake?.close();
  await app?.close();
});

describe("Discord at start (issue 13, 11)", () => {
  it("should publish the slash commands beside the start, retrying when Discord refuses them", {
    timeout: 30_000,
  }, async () => {
    fake = await startFakeDiscord({ guilds: [{ id: "100000000000000001", name: "Tifosi", channels: [] }] });
    // More refusals than discord.js retries on its own: ours must retry after.
    fake.inject({ method: "PUT", path: /\/commands$/ }, { status: 500, body: { message: "oops" } }, 6);
    app = createApp(
      createConfig({
        REDIS_URL: url,
        REDIS_PREFIX: prefix,
        DISCORD_TOKEN: fake.token,
        DISCORD_APPLICATION_ID: fake.applicationId,
        DISCORD_API_ROOT: fake.apiRoot,
      }),
      silentLogger(),
      { sources: [] },
    );
    discord = createDiscord({
      ...app,
      token: fake.token,
      applicationId: fake.applicationId,
      apiRoot: fake.apiRoot,
    });
    await discord.start(); // not held up by the refused PUTs
    expect(fake.commandPuts).toHaveLength(0);
    await waitFor(() => fake!.commandPuts.length === 1, 20_000);
    expect(fake.commandPuts[0]!.path).toMatch(/^\/applications\/\d+\/commands$/);
  });
});
