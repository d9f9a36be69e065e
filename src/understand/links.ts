import type { Article, PlayerRef, RoledClub, Sentence } from "./article.js";
import type { CueKind } from "./lexicon.js";
import { STAGE_RANK, type Stage } from "./types.js";

/** Evidence gathered per player: clubs with the stages seen, and whether he is leaving. */
export interface PlayerLinks {
  links: Map<string, Stage[]>;
  move: boolean;
}

const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
const NOT_DEST = new Set(["ex", "versus", "staff", "from", "owner"]);

/** The highest forward stage a sentence's cues give, with negation stepping official/agreement down a rung. */
export function sentenceStage(kinds: Set<CueKind>): Stage | undefined {
  let best: Stage | undefined;
  for (const st of LADDER) if (kinds.has(st)) best = st;
  if (!best) return undefined;
  if (kinds.has("neg") && best !== "interest") {
    const down = LADDER[LADDER.indexOf(best) - 1]!;
    // "manca solo l'annuncio" after medicals: keep the medical.
    best = best === "official" && kinds.has("medical") ? "medical" : down;
  }
  return best;
}

/** Context the linker needs beyond the sentences. */
export interface LinkContext {
  current: Map<string, string>;
  focusPlayer: PlayerRef | undefined;
  focusClub: string | undefined;
  /** Coach/director surname → club, for "la lista di Allegri". */
  staffClub: Map<string, string>;
}

/**
 * Walks the sentences in order, linking players to clubs. A sentence with a stage cue links its named players
 * to its destination clubs (not their own club, not an "ex", a match opponent, a coach's club or the selling
 * club). Without a named player it speaks of the player last named in the paragraph (else the article's main
 * player); without a destination club, of the club the paragraph is about (else the article's main buyer).
 * Sentences told in the past count only when they tell of a collapse.
 */
export function linkPlayers(a: Article, ctx: LinkContext): Map<string, PlayerLinks> {
  const out = new Map<string, PlayerLinks>();
  const get = (p: PlayerRef) => {
    let v = out.get(p.key);
    if (!v) {
      v = { links: new Map(), move: false };
      out.set(p.key, v);
    }
    return v;
  };
  const add = (p: PlayerRef, club: string, stage: Stage) => {
    const l = get(p).links;
    const list = l.get(club);
    if (list) list.push(stage);
    else l.set(club, [stage]);
  };
  let recent: PlayerRef | undefined;
  let topic: string | undefined;
  let para = -1;
  for (const s of a.sentences) {
    if (s.para !== para) {
      para = s.para;
      topic = undefined;
    }
    const k = s.kinds;
    const collapse = k.has("collapsed");
    const renewal = k.has("renewal");
    let stage = sentenceStage(k);
    const history = k.has("history");
    const named = uniq(s.players.map((p) => p.ref));
    const subjects = named.length ? named : stage || collapse || renewal ? [recent ?? ctx.focusPlayer] : [];
    const staffTopic = topicFromStaff(s);
    for (const p of subjects) {
      if (!p) continue;
      const own = ctx.current.get(p.key);
      if (renewal && own && !history) add(p, own, "renewal");
      const stay = k.has("stay") && s.clubs.some((c) => c.club === own);
      if (history && !collapse) continue;
      let dests = s.clubs.filter(
        (c) => c.club !== own && !NOT_DEST.has(c.role) && !(c.role === "of" && ofPlayer(s, c)),
      );
      if (named.length > 1) dests = dests.filter((c) => nearest(s, c) === p);
      const explicit = dests.length > 0;
      const clubs = uniq(dests.map((c) => c.club));
      if (k.has("compete") || !explicit) {
        const fallback = topic ?? staffTopic ?? ctx.focusClub;
        if (fallback && fallback !== own && (stage || collapse) && !clubs.includes(fallback))
          clubs.push(fallback);
      }
      if (!clubs.length) {
        if (named.includes(p) && k.has("move")) get(p).move = true;
        continue;
      }
      const st: Stage | undefined = collapse || stay ? "collapsed" : stage;
      if (!st) continue;
      for (const c of clubs) add(p, c, st);
    }
    // A swap sends the other player the opposite way: to the main player's club.
    if (k.has("swap") && ctx.focusPlayer) {
      const focusOwn = ctx.current.get(ctx.focusPlayer.key);
      for (const p of named) {
        if (p === ctx.focusPlayer || !focusOwn || ctx.current.get(p.key) === focusOwn) continue;
        add(p, focusOwn, stage && stage !== "interest" ? stage : "interest");
      }
    }
    if (named.length) recent = named[named.length - 1];
    const topical = s.clubs.filter((c) => (c.role === "plain" || c.role === "to") && !history);
    const last = topical[topical.length - 1];
    if (last && (stage || collapse)) topic = last.club;
    stage = undefined;
  }
  return out;

  function topicFromStaff(s: Sentence): string | undefined {
    for (const [start, end] of a.scan.blocked) {
      if (a.tokens[start]!.sent !== s.index) continue;
      const club = ctx.staffClub.get(a.tokens[end - 1]!.norm);
      if (club) return club;
    }
    return undefined;
  }
}

/** "Kristensen, classe 2002 dell'Udinese": the club belongs to the player right before it. */
function ofPlayer(s: Sentence, c: RoledClub): boolean {
  return s.players.some((p) => (p.end <= c.start && c.start - p.end <= 6) || p.start === c.end);
}

function nearest(s: Sentence, c: RoledClub): PlayerRef | undefined {
  let best: PlayerRef | undefined;
  let dist = Number.POSITIVE_INFINITY;
  for (const p of s.players) {
    const d = p.end <= c.start ? c.start - p.end : p.start - c.end + 0.5;
    if (d < dist) {
      dist = d;
      best = p.ref;
    }
  }
  return best;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** One stage per link: a collapse anywhere wins; otherwise the highest rung seen. */
export function finalStage(stages: readonly Stage[]): Stage {
  if (stages.includes("collapsed")) return "collapsed";
  let best: Stage = stages[0]!;
  for (const s of stages) if (STAGE_RANK[s] > STAGE_RANK[best]) best = s;
  return best;
}
