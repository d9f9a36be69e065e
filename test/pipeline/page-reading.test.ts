import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTextCommand } from "../../commands/run-command.js";
import type { CommandContext } from "../../commands/types.js";
import type { IngestResult } from "../../jobs/ingest.js";
import { type App, createApp, workerDeps } from "../../src/app.js";
import { createConfig } from "../../src/config.js";
import { type FeedServer, type SampleItem, startFeedServer } from "../../src/demo/feed-server.js";
import { silentLogger } from "../../src/log.js";
import { startWorkers, type Workers } from "../../src/pipeline.js";
import { type ChatAddress, QueueName } from "../../src/queues.js";
import { createRecordingAdapter } from "../fakes/recording-adapter.js";
import { useTestRedis } from "../helpers/redis.js";
import { waitFor } from "../helpers/wait-for.js";

const { url, prefix } = useTestRedis();
const log = silentLogger();

// Items and pages written for this test, in the shapes of real ones.
const old: SampleItem = {
  id: "old",
  title: "Serie A, il programma della giornata",
  date: "2026-01-10T08:00:00Z",
  text: "Si parte sabato alle 15.",
};
/** The rumour is only in the article: the title and teaser name no player. */
const bodyOnly: SampleItem = {
  id: "milan-difesa",
  title: "Calciomercato Milan, si pensa alla difesa per gennaio",
  date: "2026-01-12T09:00:00Z",
  text: "I rossoneri cercano un centrale di esperienza per la seconda parte della...",
  body: `Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae. Il difensore sudcoreano trova poco spazio in Baviera e piace molto ai rossoneri, che vorrebbero chiudere già a gennaio con la formula del prestito con diritto di riscatto.

La dirigenza tedesca valuta la proposta: nelle prossime settimane è previsto un nuovo incontro tra le parti per definire i dettagli dell'operazione.`,
};
/** A derby report that names Bastoni and Juventus: not transfer news, whatever its body says. */
const derby: SampleItem = {
  id: "derby",
  title: "Inter-Juventus 3-2, Bastoni decide il derby d'Italia nel recupero",
  date: "2026-01-12T10:00:00Z",
  text: "Partita pazza a San Siro: espulsione, rigore e gol nel finale.",
  body: `Serata di emozioni a San Siro. L'Inter batte la Juventus 3-2 con un gol di Alessandro Bastoni al 94', dopo l'espulsione di un bianconero e un rigore assegnato dal Var.

Bastoni, che la Juventus aveva seguito in passato, ha esultato sotto la curva. In classifica i nerazzurri salgono a più sei.`,
};
/** A page in latin-1, saying so only in its <meta>. */
const latin1: SampleItem = {
  id: "napoli-frattesi",
  title: "Calciomercato Napoli, idea a centrocampo",
  date: "2026-01-12T11:00:00Z",
  text: "Gli azzurri guardano in Serie A per rinforzare la mediana.",
};
const LATIN1_BODY =
  "Il Napoli ha avviato i contatti con l'Inter per Davide Frattesi: è già pronta un'offerta, perché Conte lo considera l'ideale per la mediana. La trattativa è solo all'inizio, ma le parti si rivedranno già la prossima settimana per parlarne ancora.";
/** A page robots.txt forbids: the feed's text is used. */
const forbidden: SampleItem = {
  id: "roma-zirkzee",
  link: "radar/riservato/roma-zirkzee",
  title: "Roma, contatti con il Manchester United per Zirkzee",
  date: "2026-01-12T12:00:00Z",
  text: "La Roma ha avviato i contatti con il Manchester United per Joshua Zirkzee, che vuole tornare in Italia.",
  body: "This page must never be fetched.",
};
/** A page that never answers. */
const slow: SampleItem = {
  id: "atalanta-lookman",
  title: "Atalanta, si lavora al rinnovo di Lookman",
  date: "2026-01-12T13:00:00Z",
  text: "L'Atalanta lavora al rinnovo di Ademola Lookman fino al 2029.",
};

let feeds: FeedServer;
let app: App;
let workers: Workers;
const adapter = createRecordingAdapter("console");
const results = new Map<string, IngestResult>();
const chat = (id: string): ChatAddress => ({ platform: "console", id });
const sentTo = (id: string) => adapter.sent.filter((m) => m.chat.id === id).flatMap((m) => m.items);
const resultOf = (item: SampleItem) => results.get(`${feeds.base}/${item.link ?? `radar/${item.id}`}`);
const command = (line: string, id: string) =>
  runTextCommand(
    line,
    {
      platform: "console",
      chat: chat(id),
      chatKind: "private",
      userId: id,
      isAdmin: true,
      lang: "en",
      deps: app.commandDeps,
    } satisfies CommandContext,
    log,
  );

beforeAll(async () => {
  const html = `<html><head><meta charset="iso-8859-1"><title>Napoli</title></head><body><article><h1>${latin1.title}</h1><p>${LATIN1_BODY}</p></article></body></html>`;
  feeds = await startFeedServer(
    { radar: [old] },
    {
      robots: "User-agent: *\nDisallow: /radar/riservato/\n",
      pages: {
        [`/radar/${latin1.id}`]: { body: iconv.encode(html, "latin1"), contentType: "text/html" },
        [`/radar/${slow.id}`]: { hang: true },
      },
    },
  );
  const config = createConfig({
    REDIS_URL: url,
    // The feed server is on 127.0.0.1.
    ALLOW_PRIVATE_ADDRESSES: "true",
    REDIS_PREFIX: prefix,
    BATCH_WINDOW_MS: "100",
    PAGE_TIMEOUT_MS: "1000",
    // Small enough for a quick test, large enough that items of one host queue up and get postponed.
    HOST_MIN_INTERVAL_MS: "150",
  });
  app = createApp(config, log, {
    sources: [{ id: "radar", name: "Radar", url: feeds.url("radar"), language: "it" }],
  });
  workers = startWorkers(app.queues, workerDeps(app, [adapter]));
  workers.workers
    .find((w) => w.name === QueueName.Ingest)!
    .on("completed", (job, result: IngestResult) => results.set(job.data.url, result));
  await command("/watch Kim Min-Jae", "kim-fan");
  await command("/follow Milan", "milan-fan");
  await command("/watch Alessandro Bastoni", "bastoni-fan");
  await command("/follow Juventus", "juve-fan");
  await command("/follow Napoli", "napoli-fan");
  await command("/follow Roma", "roma-fan");
  await command("/follow Atalanta", "atalanta-fan");
  // The first poll is a backfill: remembered, never alerted.
  await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
  await waitFor(() => results.size === 1, 5000);
  feeds.publish({ radar: [bodyOnly, derby, latin1, forbidden, slow, old] });
  await app.queues.poll.add(QueueName.Poll, { sourceId: "radar" });
  await waitFor(() => results.size === 6, 8000);
  await waitFor(() => sentTo("kim-fan").length > 0 && sentTo("atalanta-fan").length > 0, 3000);
  await new Promise((r) => setTimeout(r, 300));
}, 15_000);

afterAll(async () => {
  await workers?.close();
  await app?.close();
  await feeds?.close();
});

describe("reading the article behind each feed item", () => {
  it("should alert a rumour that only the article's body names", () => {
    expect(resultOf(bodyOnly)).toMatchObject({ status: "processed", textSource: "page" });
    expect(sentTo("kim-fan").map((i) => i.alert.player.key)).toEqual(["kim-min-jae"]);
    expect(sentTo("milan-fan").map((i) => [i.alert.player.key, i.matched])).toEqual([
      ["kim-min-jae", ["follow:Milan"]],
    ]);
  });

  it("should give extraction only the body: no alert about the players the page's furniture names", () => {
    // The menu, caption, related list and comments name Vlahovic and Koopmeiners with Juventus.
    expect(sentTo("juve-fan")).toEqual([]);
  });

  it("should create no link and no alert from an item that is not transfer news", () => {
    expect(resultOf(derby)).toMatchObject({ status: "not-mercato", textSource: "page", events: [] });
    expect(sentTo("bastoni-fan")).toEqual([]);
  });

  it("should read a latin-1 page by its <meta charset>", async () => {
    expect(resultOf(latin1)).toMatchObject({ status: "processed", textSource: "page" });
    expect(sentTo("napoli-fan").map((i) => i.alert.player.key)).toEqual(["davide-frattesi"]);
    const cached = await app.pages!.read(`${feeds.base}/radar/${latin1.id}`);
    expect(cached.status === "read" && cached.article.body).toContain("è già pronta un'offerta, perché");
  });

  it("should not fetch a page robots.txt forbids, and understand the item from its feed text", () => {
    expect(resultOf(forbidden)).toMatchObject({
      status: "processed",
      textSource: "feed",
      pageFallback: "NEWS_FETCH_ROBOTS_DISALLOWED",
    });
    expect(feeds.requests.some((r) => r.path.includes("riservato"))).toBe(false);
    expect(sentTo("roma-fan").map((i) => i.alert.player.key)).toEqual(["joshua-zirkzee"]);
  });

  it("should fall back to the feed text when a page does not answer in time", () => {
    expect(resultOf(slow)).toMatchObject({
      status: "processed",
      textSource: "feed",
      pageFallback: "NEWS_FETCH_TIMEOUT",
    });
    expect(sentTo("atalanta-fan").map((i) => i.alert.player.key)).toEqual(["ademola-lookman"]);
  });

  it("should ask robots.txt once and each page once, postponed jobs included", () => {
    const count = (path: string) => feeds.requests.filter((r) => r.path === path).length;
    expect(count("/robots.txt")).toBe(1);
    for (const item of [bodyOnly, derby, latin1, slow]) expect(count(`/radar/${item.id}`)).toBe(1);
    // A postponed job is not its own duplicate: every item was processed or gated, none "duplicate".
    expect([...results.values()].filter((r) => r.status === "duplicate")).toEqual([]);
  });
});
