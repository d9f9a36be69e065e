/**
 * The alert-stream half of `npm run eval`: replay scored against gold.json's expected alerts, against
 * expectations derived from the labels (the first link of a player to a club alerts, a later stage
 * alerts, a repeat does not), and against the project's own stream (copies, rewrites, re-publications).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { createConfig } from "../src/config.js";
import { silentLogger } from "../src/log.js";
import { projectRoot } from "../src/paths.js";
import { redisTarget } from "../src/redis.js";
import { ensureRedis } from "../src/redis-server.js";
import { type ReplayAlert, replay } from "../src/replay.js";
import { expectedAlerts, type LabelledLink, samePlayer } from "../src/replay-expectations.js";
import { foldName, type Stage } from "../src/understand/types.js";

interface Gold {
  clubs: Record<string, string[]>;
  articles: {
    file: string;
    published: string | null;
    players: { name: string; linked: { club: string; stage: Stage[] }[] }[];
  }[];
  replay: { watchers: Record<string, { alerts: { published: string; player: string }[] }> };
}

export interface ReplayScore {
  lines: string[];
  summary: { name: string; value: string }[];
}

const corpus = join(projectRoot, "..", "shared", "corpus");

/** `hidden`: basenames of held-out files; they are counted, but no line names them or their labels. */
export async function evalReplay(hidden: ReadonlySet<string> = new Set()): Promise<ReplayScore> {
  const config = createConfig({ ...process.env, LOG_LEVEL: "silent" });
  const server = await ensureRedis(redisTarget(config), {
    autostart: true,
    dataDir: config.DATA_DIR,
    persist: false,
  });
  const log = silentLogger();
  const lines: string[] = [];
  const summary: ReplayScore["summary"] = [];
  try {
    const gold = JSON.parse(readFileSync(join(corpus, "gold.json"), "utf8")) as Gold;
    const aliases = new Map<string, string>();
    for (const [name, list] of Object.entries(gold.clubs))
      for (const a of [name, ...list]) aliases.set(foldName(a), name);
    const canon = (club: string) => aliases.get(foldName(club)) ?? club;

    // 1. gold.json's expected alerts, over the articles it speaks of.
    const dates = new Set(
      Object.values(gold.replay.watchers).flatMap((w) => w.alerts.map((a) => a.published)),
    );
    const files = gold.articles.filter((a) => a.published && dates.has(a.published));
    const byFile = new Map(files.map((a) => [basename(a.file), a.published]));
    const got = await replay(config, log, {
      watch: ["Kim Min-Jae"],
      follow: ["Milan"],
      files: files.map((a) => join(corpus, a.file)),
    });
    const label: Record<string, string> = {
      "watches Kim Min-Jae": "watch:Kim Min-Jae",
      "follows Milan": "follow:Milan",
    };
    const expected = Object.entries(gold.replay.watchers).flatMap(([w, v]) =>
      v.alerts.map((a) => ({ watcher: label[w] ?? w, published: a.published, player: a.player })),
    );
    const pushed = got.map((a) => ({
      watcher: a.watcher,
      published: byFile.get(basename(a.file)) ?? "?",
      player: a.player,
    }));
    const same = (x: (typeof expected)[number], y: (typeof pushed)[number]) =>
      x.watcher === y.watcher && x.published === y.published && samePlayer(x.player, y.player);
    const missing = expected.filter((e) => !pushed.some((p) => same(e, p)));
    const extra = pushed.filter((p) => !expected.some((e) => same(e, p)));
    lines.push(
      "",
      `Replay vs gold.json replay (${files.length} articles, ${Object.keys(label).length} watchers)`,
    );
    for (const m of missing) lines.push(`  missing: ${m.watcher} ${m.published} ${m.player}`);
    for (const x of extra) lines.push(`  extra:   ${x.watcher} ${x.published} ${x.player}`);
    const exact = !missing.length && !extra.length;
    summary.push({
      name: "replay = gold alerts",
      value: `${exact ? "yes" : "no"} (${expected.length - missing.length}/${expected.length}, ${extra.length} extra)`,
    });

    // 2. Expectations derived from every label of the corpus, in replay order.
    const all = gold.articles.map((a) => ({ ...a, path: join(corpus, a.file) }));
    const ordered = [
      ...all.filter((a) => a.published).sort((a, b) => a.published!.localeCompare(b.published!)),
      ...all.filter((a) => !a.published),
    ];
    const links: LabelledLink[] = ordered.flatMap((a) =>
      a.players.flatMap((p) =>
        p.linked.map((l) => ({
          file: basename(a.file),
          date: a.published,
          player: p.name,
          club: canon(l.club),
          stages: l.stage,
        })),
      ),
    );
    const watch = [...new Map(links.map((l) => [foldName(l.player).split(/\s+/).at(-1), l.player])).values()];
    const alerts = await replay(config, log, { watch, follow: [], files: ordered.map((a) => a.path) });
    lines.push("", "Replay vs expectations derived from the corpus labels");
    summary.push(score(links, alerts, canon, lines, hidden));
    summary.push(rightAlerts(links, alerts, canon, lines, hidden));

    // 3. The project's own stream: copies, rewrites, re-publications, every stage.
    const streamDir = join(projectRoot, "test", "fixtures", "stream");
    if (existsSync(join(streamDir, "expected.json"))) {
      const s = JSON.parse(readFileSync(join(streamDir, "expected.json"), "utf8")) as {
        watch: string[];
        follow: string[];
        alerts: { watcher: string; file: string; club: string; stage: string }[];
      };
      const allFiles = readdirSync(streamDir)
        .filter((f) => f.endsWith(".txt"))
        .sort();
      const out = await replay(config, log, {
        watch: s.watch,
        follow: s.follow,
        files: allFiles.map((f) => join(streamDir, f)),
      });
      const key = (w: string, f: string, c: string, st: string) => `${w} ${f} ${c} ${st}`;
      const want = new Set(s.alerts.map((a) => key(a.watcher, a.file, a.club, a.stage)));
      const have = out.flatMap((a) =>
        a.clubs.map((c) => key(a.watcher, basename(a.file), canon(c), a.stage)),
      );
      const hit = [...want].filter((k) => have.includes(k));
      const perStage = new Map<string, number>();
      for (const a of out)
        for (const c of a.clubs) {
          const k = `${a.watcher}|${a.player}|${canon(c)}|${a.stage}`;
          perStage.set(k, (perStage.get(k) ?? 0) + 1);
        }
      const repeats = [...perStage.values()].filter((n) => n > 1).length;
      lines.push(
        "",
        `Replay of the project's stream (${allFiles.length} articles, ${s.alerts.length} expected alerts)`,
      );
      for (const k of want) if (!have.includes(k)) lines.push(`  missing: ${k}`);
      for (const h of have) if (!want.has(h)) lines.push(`  extra:   ${h}`);
      summary.push({ name: "stream: expected alerts pushed", value: `${hit.length}/${want.size}` });
      summary.push({ name: "stream: rumour alerted twice at a stage", value: String(repeats) });
    }
  } finally {
    await server.stop();
  }
  return { lines, summary };
}

/**
 * Of the alerts pushed, how many say what the labels say: the article labels that player with that club, at a
 * stage the label accepts. A false "agreement" is what makes a fan stop trusting the bot.
 */
function rightAlerts(
  links: LabelledLink[],
  alerts: ReplayAlert[],
  canon: (c: string) => string,
  lines: string[],
  hidden: ReadonlySet<string>,
): { name: string; value: string } {
  let right = 0;
  let wrongStage = 0;
  let unlabelled = 0;
  for (const a of alerts) {
    for (const { club, stage } of a.changes) {
      const l = links.find(
        (x) => x.file === basename(a.file) && samePlayer(a.player, x.player) && x.club === canon(club),
      );
      if (!l) unlabelled++;
      else if (l.stages.includes(stage as Stage)) right++;
      else {
        wrongStage++;
        if (!hidden.has(basename(a.file)))
          lines.push(
            `  wrong stage pushed: ${basename(a.file)} ${a.player} → ${canon(club)} ${stage} ∉ ${l.stages.join("|")}`,
          );
      }
    }
  }
  const n = right + wrongStage + unlabelled;
  lines.push(
    `  alerts pushed ${n}: right ${right}, wrong stage ${wrongStage}, link not in the labels ${unlabelled}`,
  );
  return {
    name: "labels: pushed alerts right / wrong stage",
    value: `${(right / Math.max(1, n)).toFixed(2)} / ${wrongStage}`,
  };
}

function score(
  links: (LabelledLink & { expect?: string })[],
  alerts: ReplayAlert[],
  canon: (c: string) => string,
  lines: string[],
  hidden: ReadonlySet<string>,
): { name: string; value: string } {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let quietOk = 0;
  for (const l of expectedAlerts(links)) {
    if (l.expect === "either") continue;
    const pushed = alerts.some(
      (a) =>
        basename(a.file) === l.file &&
        samePlayer(a.player, l.player) &&
        a.clubs.some((c) => canon(c) === l.club),
    );
    if (l.expect === "alert" && pushed) tp++;
    else if (l.expect === "alert") {
      fn++;
      if (!hidden.has(l.file))
        lines.push(`  not alerted: ${l.file} ${l.player} → ${l.club} (${l.stages.join("/")})`);
    } else if (pushed) {
      fp++;
      if (!hidden.has(l.file))
        lines.push(`  alerted a repeat: ${l.file} ${l.player} → ${l.club} (${l.stages.join("/")})`);
    } else quietOk++;
  }
  const recall = tp / Math.max(1, tp + fn);
  const quiet = quietOk / Math.max(1, quietOk + fp);
  lines.push(
    `  expected alerts pushed ${tp}/${tp + fn} (recall ${recall.toFixed(2)}); repeats kept quiet ${quietOk}/${quietOk + fp}`,
  );
  return {
    name: "labels: alerts pushed / repeats quiet",
    value: `${recall.toFixed(2)} / ${quiet.toFixed(2)}`,
  };
}
