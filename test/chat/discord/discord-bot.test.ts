import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type App, createApp, workerDeps } from "../../../src/app.js";
import { createDiscord, type Discord } from "../../../src/chat/discord/index.js";
import { createConfig } from "../../../src/config.js";
import { type FeedServer, startFeedServer } from "../../../src/demo/feed-server.js";
import { silentLogger } from "../../../src/log.js";
import type { PollOutcome } from "../../../src/news/poll-source.js";
import { startWorkers, type Workers } from "../../../src/pipeline.js";
import { type ChatAddress, QueueName } from "../../../src/queues.js";
import {
  buildButtonInteraction,
  buildInteraction,
  type InteractionSpec,
  MANAGE_CHANNELS,
} from "../../fakes/discord-interactions.js";
import { type FakeDiscord, startFakeDiscord } from "../../fakes/fake-discord.js";
import { frattesiJuve, kimTalks } from "../../fixtures/sample-items.js";
import { useTestRedis } from "../../helpers/redis.js";
import { waitFor } from "../../helpers/wait-for.js";

const { url, prefix, redis, keys } = useTestRedis();
const log = silentLogger();

const GUILD = "100000000000000001";
const NEWS = "100000000000000011"; // #calciomercato
const OTHER = "100000000000000012"; // #generale
const LEFT_GUILD = "100000000000000002";
const LEFT_CHANNEL = "100000000000000021";

let fake: FakeDiscord;
let feeds: FeedServer;
let app: App;
let discord: Discord;
let workers: Workers;
const polled: PollOutcome[] = [];
const discordChat = (id: string): ChatAddress => ({ platform: "discord", id });

/** Pushes an interaction through the fake gateway and waits for the bot's callback. */
async function interact(spec: InteractionSpec) {
  const payload = buildInteraction(spec);
  const sent = Date.now();
  fake.gateway.dispatch("INTERACTION_CREATE", payload);
  await waitFor(() => fake.callbacks.some((c) => c.interactionId === payload.id), 4000);
  const callback = fake.callbacks.find((c) => c.interactionId === payload.id)!;
  return { callback, ms: callback.at - sent };
}
const admin = { guildId: GUILD, permissions: MANAGE_CHANNELS };

beforeAll(async () => {
  fake = await startFakeDiscord({
    guilds: [
      {
        id: GUILD,
        name: "Tifosi",
        channels: [
          { id: NEWS, name: "calciomercato" },
          { id: OTHER, name: "generale" },
        ],
      },
      { id: LEFT_GUILD, name: "Old server", channels: [{ id: LEFT_CHANNEL, name: "news" }] },
    ],
  });
  feeds = await startFeedServer({ radar: [frattesiJuve] });
  const config = createConfig({
    REDIS_URL: url,
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: "100",
    // The feed server is on 127.0.0.1.
    ALLOW_PRIVATE_ADDRESSES: "true",
    DISCORD_TOKEN: fake.token,
    DISCORD_APPLICATION_ID: fake.applicationId,
    DISCORD_API_ROOT: fake.apiRoot,
  });
  app = createApp(config, log, {
    sources: [{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }],
  });
  discord = createDiscord({
    ...app,
    token: fake.token,
    applicationId: fake.applicationId,
    apiRoot: fake.apiRoot,
  });
  await discord.start();
  workers = startWorkers(app.queues, workerDeps(app, [discord.adapter]));
  workers.workers[0]!.on("completed", (_job, result: PollOutcome) => polled.push(result));
});

afterAll(async () => {
  await discord?.stop();
  await workers?.close();
  await app?.close();
  await feeds?.close();
  await fake?.close();
});

describe("the Discord bot through the fake gateway", () => {
  it("should identify on the gateway and get its servers", () => {
    expect(fake.gateway.received.some((p) => p.op === 2)).toBe(true);
  });

  it("should autocomplete a player from the gazetteer within 3 s, at most 25 choices", async () => {
    const { callback, ms } = await interact({
      type: 4,
      command: "watch",
      options: { player: "Kim Min" },
      focused: "player",
      channelId: NEWS,
      ...admin,
    });
    expect(callback.type).toBe(8);
    const choices = callback.data?.choices as { name: string; value: string }[];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.map((c) => c.value)).toContain("Kim Min-jae");
    expect(ms).toBeLessThan(3000);
  });

  it("should autocomplete a club", async () => {
    const { callback } = await interact({
      type: 4,
      command: "follow",
      options: { club: "Mil" },
      focused: "club",
      channelId: NEWS,
      ...admin,
    });
    expect((callback.data!.choices as { value: string }[]).map((c) => c.value)).toContain("Milan");
  });

  it("should refuse a member without Manage Channels, privately", async () => {
    const { callback } = await interact({
      type: 2,
      command: "watch",
      options: { player: "Kim Min-Jae" },
      guildId: GUILD,
      channelId: OTHER,
      permissions: 0n,
    });
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(64);
    // The server's locale (Italian in the fake) decides the channel's language, not the member's.
    expect(callback.data?.content).toContain("Solo gli amministratori");
    expect((await app.subscriptions.list(discordChat(OTHER))).players).toEqual([]);
  });

  it("should subscribe a channel with /watch, reply privately, and alert it once for a Kim article", async () => {
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" }); // first fetch: remembered, never alerted
    await waitFor(() => polled.length === 1, 5000);
    const { callback } = await interact({
      type: 2,
      command: "watch",
      options: { player: "Kim Min-Jae" },
      channelId: NEWS,
      locale: "it",
      ...admin,
    });
    expect(callback.data).toMatchObject({ flags: 64, allowed_mentions: { parse: [] } });
    expect(callback.data?.content).toContain("Seguo Kim Min\\-jae");
    expect(await app.redis.smembers(app.keys.key("discord", "guild", GUILD, "channels"))).toEqual([NEWS]);

    feeds.publish({ radar: [kimTalks, frattesiJuve] });
    await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
    await waitFor(() => fake.messagesTo(NEWS).length > 0, 6000);
    await new Promise((r) => setTimeout(r, 400));
    const sent = fake.messagesTo(NEWS);
    expect(sent).toHaveLength(1);
    const embeds = sent[0]!.body.embeds as { title: string; description: string }[];
    expect(embeds[0]!.title).toContain("Kim Min\\-jae");
    expect(embeds[0]!.description).toContain("Milan");
    expect(sent[0]!.body.allowed_mentions).toEqual({ parse: [] });
    expect(fake.messages.filter((m) => m.channelId !== NEWS)).toEqual([]);
  });

  it("should change another channel of the server when the member manages that channel", async () => {
    await interact({
      type: 2,
      command: "follow",
      options: { club: "Milan" },
      channels: { channel: OTHER },
      channelPermissions: { [OTHER]: MANAGE_CHANNELS },
      channelId: NEWS,
      guildId: GUILD,
    });
    expect((await app.subscriptions.list(discordChat(OTHER))).clubs).toEqual(["Milan"]);
  });

  it("should check Manage Channels on the channel the option names, not where the command was typed", async () => {
    // Issue 13, 9: managing #calciomercato gave the right to change #generale.
    const { callback } = await interact({
      type: 2,
      command: "follow",
      options: { club: "Inter" },
      channels: { channel: OTHER },
      channelId: NEWS,
      ...admin,
    });
    // The server's locale (Italian in the fake) decides the channel's language, not the member's.
    expect(callback.data?.content).toContain("Solo gli amministratori");
    expect((await app.subscriptions.list(discordChat(OTHER))).clubs).not.toContain("Inter");
  });

  it("should send a /list of 100 long names whole, in messages of 2000 characters, settings included", async () => {
    // Issue 13, 6: the reply was cut to 32 names and the settings line disappeared.
    const LONG = "100000000000000013";
    const names = Array.from(
      { length: 100 },
      (_, i) => `Giocatore Con Un Nome Davvero Molto Lungo Numero ${String(i).padStart(3, "0")}`,
    );
    for (const [i, name] of names.entries())
      await app.subscriptions.watch(discordChat(LONG), { key: `long-${i}`, name });
    const { callback } = await interact({ type: 2, command: "list", channelId: LONG, guildId: GUILD });
    const first = String(callback.data?.content ?? "");
    await waitFor(() => fake.edits.filter((e) => e.token === callback.token).length >= 2, 4000);
    const followUps = fake.edits.filter((e) => e.token === callback.token).map((e) => String(e.body.content));
    const parts = [first, ...followUps];
    for (const p of parts) expect(p.length).toBeLessThanOrEqual(2000);
    const all = parts.join("\n");
    for (const n of names) expect(all).toContain(n);
    expect(all).toMatch(/Riepilogo: .* · Silenzio: .* · Lingua: italiano/);
  });

  it("should keep a user's DM subscriptions on the DM channel Discord creates", async () => {
    const userId = "400000000000000777";
    const { callback } = await interact({
      type: 2,
      command: "follow",
      options: { club: "Napoli" },
      channelId: "555000000000000001",
      userId,
    });
    expect(callback.data?.content).toContain("Napoli");
    const dm = String(700000000000000000n + BigInt(userId.slice(-12)));
    expect((await app.subscriptions.list(discordChat(dm))).clubs).toEqual(["Napoli"]);
  });

  it("should resume a paused channel when a command runs there again", async () => {
    await app.chatState.pause(discordChat(NEWS), "CHAT_GONE: missing access", new Date());
    await interact({ type: 2, command: "list", channelId: NEWS, ...admin });
    expect(await app.chatState.paused(discordChat(NEWS))).toBeNull();
  });

  it("should remove a server's channel subscriptions when the bot leaves it (GUILD_DELETE)", async () => {
    await interact({
      type: 2,
      command: "follow",
      options: { club: "Juventus" },
      guildId: LEFT_GUILD,
      channelId: LEFT_CHANNEL,
      permissions: MANAGE_CHANNELS,
    });
    expect((await app.subscriptions.list(discordChat(LEFT_CHANNEL))).clubs).toEqual(["Juventus"]);
    fake.gateway.dispatch("GUILD_DELETE", { id: LEFT_GUILD });
    await waitFor(
      async () => (await app.subscriptions.list(discordChat(LEFT_CHANNEL))).clubs.length === 0,
      3000,
    );
    expect(await app.subscriptions.followersOf("Juventus")).toEqual([]);
    expect(await redis.exists(keys.key("discord", "guild", LEFT_GUILD, "channels"))).toBe(0);
    // The other server is untouched.
    expect((await app.subscriptions.list(discordChat(NEWS))).players).toHaveLength(1);
  });
});

describe("the chat's language on Discord (issue 16)", () => {
  const CHANNEL = "100000000000000041";

  it("should speak the server's language in its channels, whoever asks, and keep it", async () => {
    const first = await interact({
      type: 2,
      command: "list",
      channelId: CHANNEL,
      guildId: GUILD,
      locale: "en-US",
    });
    expect(first.callback.data?.content).toContain("Lingua: italiano");
    expect(await app.chatState.lang(discordChat(CHANNEL))).toBe("it");
    const { callback } = await interact({
      type: 2,
      command: "watch",
      channelId: CHANNEL,
      locale: "en-GB",
      options: { player: "x" },
      ...admin,
    });
    // Markdown-escaped by the adapter: `<giocatore\>`.
    expect(callback.data?.content).toMatch(/^Uso: \/watch <giocatore\\?> \\?\(giocatore: troppo corto/);
  });

  it("should speak the user's language in a DM, and ask before removing everything", async () => {
    const dm = {
      type: 2 as const,
      channelId: "555000000000000099",
      userId: "400000000000000077",
      locale: "en-US",
    };
    await interact({ ...dm, command: "watch", options: { player: "Kim Min-jae" } });
    const ask = await interact({ ...dm, command: "unwatch", options: { player: "all" } });
    expect(ask.callback.data?.content).toMatch(
      /^Stop watching all 1 player\? Send \/unwatch all yes to confirm\./,
    );
    const done = await interact({ ...dm, command: "unwatch", options: { player: "all yes" } });
    expect(done.callback.data?.content).toBe("Stopped watching 1 player.");
  });

  it("should remove every club of a channel when its admin taps Yes under /unfollow all", async () => {
    const CH = "100000000000000042";
    await interact({ type: 2, command: "follow", channelId: CH, options: { club: "Milan" }, ...admin });
    await interact({ type: 2, command: "follow", channelId: CH, options: { club: "Inter" }, ...admin });
    const ask = await interact({
      type: 2,
      command: "unfollow",
      channelId: CH,
      options: { club: "all" },
      ...admin,
    });
    const rows = (ask.callback.data?.components ?? []) as {
      components: { custom_id: string; label: string }[];
    }[];
    const row = rows[0]!;
    expect(row.components.map((b) => b.label)).toEqual(["Sì, togli tutto", "Annulla"]);
    // A member without Manage Channels taps Yes: refused, nothing removed.
    const tap = async (spec: Parameters<typeof buildButtonInteraction>[0]) => {
      const payload = buildButtonInteraction(spec);
      fake.gateway.dispatch("INTERACTION_CREATE", payload);
      await waitFor(() => fake.callbacks.some((c) => c.interactionId === payload.id), 4000);
      return fake.callbacks.find((c) => c.interactionId === payload.id)!;
    };
    const member = await tap({ channelId: CH, guildId: GUILD, customId: row.components[0]!.custom_id });
    expect(member.data?.content).toContain("Solo gli amministratori");
    expect((await app.subscriptions.list(discordChat(CH))).clubs).toHaveLength(2);
    const yes = await tap({ channelId: CH, customId: row.components[0]!.custom_id, ...admin });
    expect(yes.type).toBe(7); // UPDATE_MESSAGE: the question becomes the answer
    expect(yes.data?.content).toBe("Non segui più 2 squadre.");
    expect(yes.data?.components).toEqual([]);
    expect((await app.subscriptions.list(discordChat(CH))).clubs).toEqual([]);
  });
});
