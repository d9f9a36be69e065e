/**
 * `npm run eval`: scores extraction against hand labels. Table 1 is ../shared/corpus/gold.json (set
 * GOLD=path to change), table 2 the project's own articles in test/fixtures/articles/labels.json. Every miss
 * is listed. Then the corpus again cut to its first 250 characters (what a feed's teaser gives), next to the
 * full text: what reading the article page adds; and the mercato gate against the hand labels of the real
 * feed items (scripts/eval-gate.ts). The output ends with a compact summary table.
 *
 * Matching rules follow gold.json's "about": names case- and accent-insensitive, a surname-only label matches a
 * full name with that surname; a club matches any alias in the labels' clubs map.
 */
import { existsSync, readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { parseArticleFile } from "../src/news/article-file.js";
import { projectRoot } from "../src/paths.js";
import { createUnderstander, type Extraction, foldName, loadGazetteer } from "../src/understand/index.js";
import { scoreGate } from "./eval-gate.js";
import { evalReplay } from "./eval-replay.js";

interface GoldPlayer {
  name: string;
  club: string | null;
  /** Where he is on loan: accepted as his club too (gold.json's "about"). */
  on_loan_at?: string | null;
  linked: { club: string; stage: string[] }[];
}
interface GoldArticle {
  file: string;
  players: GoldPlayer[];
  not_players: string[];
  clubs: string[];
  cited: string[];
}
interface Gold {
  clubs: Record<string, string[]>;
  articles: GoldArticle[];
}

interface Tally {
  pTp: number;
  pFp: number;
  pFn: number;
  clubOk: number;
  clubN: number;
  lTp: number;
  lFp: number;
  lFn: number;
  stOk: number;
  stN: number;
  hiOk: number;
  hiN: number;
  nonPlayers: number;
  cTp: number;
  cFp: number;
  cFn: number;
  articles: number;
  /** Missed links by kind: player not reported (his name in the text or not), club not found, club taken
   * for his own, club found and not linked. Extra links: to his labelled club, or elsewhere. */
  mPlayerNamed: number;
  mPlayerUnnamed: number;
  /** Players not reported, by what the lists know of them: the five leagues, the wide list only, neither;
   * and how many of them the lists place at a club the labels link him to (a move the lists already show). */
  pMain: number;
  pWide: number;
  pUnknown: number;
  pListedAtLink: number;
  mClub: number;
  mOwn: number;
  mUnlinked: number;
  /** Of those, how many have the player's surname and the club in one sentence of the text. */
  mUnlinkedTogether: number;
  xOwn: number;
  xOther: number;
  /** Stage misses as "stated → labelled" with their counts. */
  stageMiss: Record<string, number>;
}

const gazetteer = loadGazetteer();
const u = createUnderstander(gazetteer);

function emptyTally(): Tally {
  return {
    pTp: 0,
    pFp: 0,
    pFn: 0,
    clubOk: 0,
    clubN: 0,
    lTp: 0,
    lFp: 0,
    lFn: 0,
    stOk: 0,
    stN: 0,
    hiOk: 0,
    hiN: 0,
    nonPlayers: 0,
    cTp: 0,
    cFp: 0,
    cFn: 0,
    articles: 0,
    mPlayerNamed: 0,
    mPlayerUnnamed: 0,
    pMain: 0,
    pWide: 0,
    pUnknown: 0,
    pListedAtLink: 0,
    mClub: 0,
    mOwn: 0,
    mUnlinked: 0,
    mUnlinkedTogether: 0,
    xOwn: 0,
    xOther: 0,
    stageMiss: {},
  };
}

function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(t) as (keyof Tally)[]) {
    if (k === "stageMiss") {
      for (const [pair, n] of Object.entries(t.stageMiss))
        into.stageMiss[pair] = (into.stageMiss[pair] ?? 0) + n;
    } else into[k] += t[k];
  }
}

/**
 * The cluster of an article: the labelled player it is mainly about, by mentions of his surname in the title
 * (counting triple) and the text; a round-up (six or more labelled players) is its own cluster, since the hidden
 * sets score round-ups apart too.
 */
function clusterOf(g: GoldArticle, title: string, text: string): string {
  if (g.players.length >= 6) return "round-ups";
  const t = foldName(title);
  const x = foldName(text);
  let best = "(no player)";
  let top = -1;
  const count = (w: string) => 3 * (t.split(w).length - 1) + (x.split(w).length - 1);
  for (const p of g.players) {
    // Labelled by the surname, or by the first word when the press writes that alone more ("Kim").
    const w = words(p.name);
    const last = w[w.length - 1]!;
    const first = w[0]!;
    const label = count(first) > count(last) ? first : last;
    const n = count(label);
    if (n > top) {
      top = n;
      best = label;
    }
  }
  return best;
}

/** Files of the held-out clusters: the replay prints no line about them either. */
const heldOutFiles = new Set<string>();
/** Clusters kept unseen while working on the extractor: scored, their misses never printed (EVAL_HOLDOUT). */
const holdout = new Set(
  (process.env.EVAL_HOLDOUT ?? "kone,ederson,ferguson")
    .split(",")
    .map((c) => foldName(c.trim()))
    .filter(Boolean),
);
const words = (s: string) =>
  foldName(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
/** Same person: equal names, or one side is a surname that ends (or starts) the other. */
function samePerson(a: string, b: string): boolean {
  const x = words(a);
  const y = words(b);
  if (x.join(" ") === y.join(" ")) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length !== 1) return false;
  return long[long.length - 1] === short[0] || long[0] === short[0];
}

/** `cut`: score only the first `cut` characters of each text (what a feed's teaser gives); `quiet`: list no misses. */
function score(
  goldPath: string,
  title: string,
  opts: { cut?: number; quiet?: boolean } = {},
): { total: Tally; clusters: Map<string, Tally> } {
  const clusters = new Map<string, Tally>();
  const gold = JSON.parse(readFileSync(goldPath, "utf8")) as Gold;
  const alias = new Map<string, string>();
  for (const [k, list] of Object.entries(gold.clubs ?? {}))
    for (const a of [k, ...list]) alias.set(words(a).join(" "), k);
  const canon = (c: string | null) => (c ? (alias.get(words(c).join(" ")) ?? c) : null);
  const aliasesOf = (c: string) => [c, ...(gold.clubs?.[c] ?? [])];
  const total = emptyTally();
  console.log(`\n## ${title}`);
  for (const g of gold.articles) {
    const t = emptyTally();
    const path = join(dirname(goldPath), g.file);
    const f = parseArticleFile(path, readFileSync(path, "utf8"));
    const x: Extraction = u.extract({
      title: f.title ?? undefined,
      text: opts.cut ? f.text.slice(0, opts.cut) : f.text,
      outlet: f.outlet ?? undefined,
    });
    t.articles++;
    const miss: string[] = [];
    const used = new Set<number>();
    for (const gp of g.players) {
      const i = x.players.findIndex((p, k) => !used.has(k) && samePerson(p.name, gp.name));
      if (i < 0) {
        t.pFn++;
        t.lFn += gp.linked.length;
        const surname = words(gp.name).at(-1) ?? "";
        if (words(`${f.title ?? ""} ${f.text}`).includes(surname)) t.mPlayerNamed += gp.linked.length;
        else t.mPlayerUnnamed += gp.linked.length;
        const known = gazetteer.players(gp.name).filter((e) => samePerson(e.name, gp.name));
        if (!known.length) t.pUnknown++;
        else if (known.some((e) => !e.wide)) t.pMain++;
        else t.pWide++;
        const listed = known.flatMap((e) => e.clubs ?? [e.club]).map((c) => canon(c));
        if (gp.linked.some((l) => listed.includes(canon(l.club)))) t.pListedAtLink++;
        miss.push(`missed player ${gp.name}`);
        continue;
      }
      used.add(i);
      t.pTp++;
      const xp = x.players[i]!;
      if (gp.club) {
        t.clubN++;
        // As gold.json's "about" says: his club, the club he is on loan at, or where a move labelled official
        // took him.
        const accepted = [
          gp.club,
          gp.on_loan_at,
          ...gp.linked.filter((l) => l.stage.includes("official")).map((l) => l.club),
        ];
        if (accepted.some((c) => c && canon(xp.club) === canon(c))) t.clubOk++;
        else miss.push(`club of ${gp.name}: ${xp.club} ≠ ${gp.club}`);
      }
      const got = new Map(xp.links.map((l) => [canon(l.club)!, l.stage]));
      for (const gl of gp.linked) {
        const c = canon(gl.club)!;
        const st = got.get(c);
        if (st === undefined) {
          t.lFn++;
          if (!x.clubs.some((k) => canon(k) === c)) t.mClub++;
          else if (canon(xp.club) === c) t.mOwn++;
          else {
            t.mUnlinked++;
            if (together(`${f.title ?? ""}\n${f.text}`, gp.name, aliasesOf(c))) t.mUnlinkedTogether++;
          }
          miss.push(`missed link ${gp.name} → ${c} (${gl.stage.join("|")})`);
          continue;
        }
        got.delete(c);
        t.lTp++;
        t.stN++;
        const ok = gl.stage.includes(st);
        if (ok) t.stOk++;
        else {
          miss.push(`stage ${gp.name} → ${c}: ${st} ∉ ${gl.stage.join("|")}`);
          const pair = `${st} → ${gl.stage.join("|")}`;
          t.stageMiss[pair] = (t.stageMiss[pair] ?? 0) + 1;
        }
        if (gl.stage.some((s) => s !== "interest")) {
          t.hiN++;
          if (ok) t.hiOk++;
        }
      }
      for (const [c, st] of got) {
        t.lFp++;
        if (c === canon(gp.club) || c === canon(gp.on_loan_at ?? null)) t.xOwn++;
        else t.xOther++;
        miss.push(`extra link ${gp.name} → ${c} (${st})`);
      }
    }
    x.players.forEach((p, k) => {
      if (used.has(k)) return;
      t.pFp++;
      t.lFp += p.links.length;
      const bad = g.not_players.some((n) => samePerson(n, p.name));
      if (bad) t.nonPlayers++;
      miss.push(
        `${bad ? "NON-PLAYER" : "extra player"} ${p.name} [${p.links.map((l) => `${l.club}:${l.stage}`).join(", ")}]`,
      );
    });
    const gc = new Set(g.clubs.map((c) => canon(c)!));
    const xc = new Set(x.clubs.map((c) => canon(c)!));
    for (const c of xc) {
      if (gc.has(c)) t.cTp++;
      else {
        t.cFp++;
        miss.push(`extra club ${c}`);
      }
    }
    for (const c of gc) {
      if (xc.has(c)) continue;
      t.cFn++;
      miss.push(`missed club ${c}`);
    }
    const cluster = clusterOf(g, f.title ?? "", f.text);
    const hidden = holdout.has(cluster);
    if (hidden) heldOutFiles.add(basename(g.file));
    if (miss.length && !opts.quiet && !hidden) console.log(`- ${g.file}\n    ${miss.join("\n    ")}`);
    addTally(total, t);
    const key = hidden ? `${cluster} (held out)` : cluster;
    const c = clusters.get(key) ?? emptyTally();
    addTally(c, t);
    clusters.set(key, c);
  }
  return { total, clusters };
}

/** Whether a sentence of `text` holds the player's surname and one of the club's names (words, folded). */
function together(text: string, player: string, clubNames: string[]): boolean {
  const surname = words(player).at(-1) ?? "";
  const names = clubNames.map((n) => words(n).join(" ")).filter(Boolean);
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    const w = ` ${words(sentence).join(" ")} `;
    if (w.includes(` ${surname} `) && names.some((n) => w.includes(` ${n} `))) return true;
  }
  return false;
}

const ratio = (a: number, b: number) => (b ? a / b : 1);
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);
function row(name: string, t: Tally): string[] {
  const lp = ratio(t.lTp, t.lTp + t.lFp);
  const lr = ratio(t.lTp, t.lTp + t.lFn);
  return [
    name,
    String(t.articles),
    ratio(t.pTp, t.pTp + t.pFp).toFixed(2),
    ratio(t.pTp, t.pTp + t.pFn).toFixed(2),
    ratio(t.clubOk, t.clubN).toFixed(2),
    lp.toFixed(2),
    lr.toFixed(2),
    f1(lp, lr).toFixed(2),
    ratio(t.stOk, t.stN).toFixed(2),
    ratio(t.hiOk, t.hiN).toFixed(2),
    String(t.nonPlayers),
    f1(ratio(t.cTp, t.cTp + t.cFp), ratio(t.cTp, t.cTp + t.cFn)).toFixed(2),
  ];
}

const corpus = process.env.GOLD ?? join(projectRoot, "..", "shared", "corpus", "gold.json");
const own = join(projectRoot, "test", "fixtures", "articles", "labels.json");
const rows: string[][] = [];
/** The sets whose link misses are counted by kind at the end. */
const kinds: [string, Tally][] = [];
const clusterRows: string[][] = [];
if (existsSync(corpus)) {
  const { total, clusters } = score(corpus, "corpus");
  rows.push(row("corpus", total));
  kinds.push(["corpus", total]);
  const seen = emptyTally();
  const held = emptyTally();
  for (const [name, t] of [...clusters].sort((a, b) => a[0].localeCompare(b[0]))) {
    clusterRows.push(row(`  ${name}`, t));
    addTally(name.endsWith("(held out)") ? held : seen, t);
  }
  if (held.articles) {
    rows.push(row("corpus, worked on", seen));
    rows.push(row("corpus, held out", held));
    kinds.push(["corpus, worked on", seen], ["corpus, held out", held]);
  }
} else console.log(`(no corpus at ${corpus})`);
if (existsSync(own)) {
  const t = score(own, "own articles").total;
  rows.push(row("own", t));
  kinds.push(["own", t]);
}
// What reading the article page adds: the corpus cut to its first 250 characters, as a teaser gives it.
const teaser = existsSync(corpus)
  ? row(
      "corpus-teaser250",
      score(corpus, "corpus, first 250 characters only", { cut: 250, quiet: true }).total,
    )
  : null;
const gate = await scoreGate(
  join(projectRoot, "test", "fixtures", "feed-labels.json"),
  join(projectRoot, "..", "shared", "feeds"),
);
const head = [
  "set",
  "n",
  "P.prec",
  "P.rec",
  "club",
  "L.prec",
  "L.rec",
  "L.F1",
  "stage",
  "stage>int",
  "nonpl",
  "clubsF1",
];
// The alert stream: replay against gold's alerts, label-derived expectations and the written stream.
const alertScore = existsSync(corpus) ? await evalReplay(heldOutFiles) : null;
if (alertScore) console.log(alertScore.lines.join("\n"));

const w = head.map((h, i) =>
  Math.max(h.length, ...[...rows, ...clusterRows, teaser ?? []].map((r) => r[i]?.length ?? 0)),
);
const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join("  ");
if (teaser && rows[0]) {
  console.log("\n## teaser (first 250 characters) vs full text, corpus");
  console.log(line(head));
  for (const r of [teaser, rows[0]]) console.log(line(r));
}
if (clusterRows.length) {
  console.log("\n## corpus by cluster (the player an article is mainly about)");
  console.log(line(head));
  for (const r of clusterRows) console.log(line(r));
}
console.log(
  "\nSummary (targets: P.prec ≥ 0.95, P.rec ≥ 0.90, club ≥ 0.90, L.F1 ≥ 0.90, stage ≥ 0.90, stage>int ≥ 0.80, nonpl 0)",
);
console.log(line(head));
for (const r of rows) console.log(line(r));
if (teaser) console.log(line(teaser));
// Counts only, so the held-out sets tell what kind of link is missed without showing a text or a label.
console.log(
  "\nLinks missed by kind (player not reported: named in the text / not; club not found; club taken for his own; club found, not linked) and extra links (to his labelled club / elsewhere)",
);
for (const [name, t] of kinds)
  console.log(
    `${name.padEnd(w[0]!)}  missed ${t.mPlayerNamed}/${t.mPlayerUnnamed} · ${t.mClub} · ${t.mOwn} · ${t.mUnlinked} (${t.mUnlinkedTogether} in one sentence with his surname)   extra ${t.xOwn} · ${t.xOther}   players not reported: ${t.pMain} five-league, ${t.pWide} wide list, ${t.pUnknown} unknown; ${t.pListedAtLink} listed at a linked club; stages stated → labelled: ${
      Object.entries(t.stageMiss)
        .map(([pair, n]) => `${pair} ×${n}`)
        .join(", ") || "none wrong"
    }`,
  );
if (gate) {
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  console.log(
    `\nMercato gate on ${gate.items} labelled real feed items (targets: precision ≥ 0.95, recall ≥ 0.90): precision ${ratio(gate.tp, gate.tp + gate.fp).toFixed(2)}, recall ${ratio(gate.tp, gate.tp + gate.fn).toFixed(2)}`,
  );
}
if (alertScore) {
  console.log(
    "\nAlerts (targets: replay = gold alerts, stream all pushed, nothing alerted twice at a stage)",
  );
  const nw = Math.max(...alertScore.summary.map((r) => r.name.length));
  for (const r of alertScore.summary) console.log(`${r.name.padEnd(nw)}  ${r.value}`);
}
