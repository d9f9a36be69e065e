import type { Article, PlayerRef, RoledClub, Sentence } from "./article.js";
import type { CueMention } from "./mentions.js";
import { STAGE_RANK, type Stage } from "./types.js";

/** Evidence gathered per player: clubs with the stages seen, and whether he is leaving. */
export interface PlayerLinks {
  links: Map<string, Stage[]>;
  move: boolean;
}

const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
const NOT_DEST = new Set(["ex", "versus", "staff", "from", "owner"]);

/** Forward stage of one cue, stepped down a rung when a negator stands within six words ("manca l'accordo"). */
function cueStage(s: Sentence, cue: CueMention): Stage | undefined {
  let best: Stage | undefined;
  for (const st of LADDER) if (cue.kinds.includes(st)) best = st;
  if (!best || best === "interest") return best;
  // "Manca solo l'annuncio ufficiale prima che X sia un nuovo giocatore": an announcement still awaited is
  // negated anywhere in its sentence; other stages only by a negator close by.
  const span = best === "official" ? Number.POSITIVE_INFINITY : 6;
  const negated = s.cues.some((c) => c.kinds.includes("neg") && Math.abs(c.start - cue.start) <= span);
  if (!negated) return best;
  // "Manca solo l'annuncio": agreed, not official (medical when the medicals are mentioned too).
  if (best === "official") return s.kinds.has("medical") ? "medical" : "agreement";
  return LADDER[LADDER.indexOf(best) - 1]!;
}

/**
 * The stage a sentence gives the link to `club`: each cue belongs to the nearest club (or coach/director of a
 * club) in the sentence; cues near the player's own club or near no club speak of the deal as a whole.
 * Clubs with no cue of their own get "interest" when the sentence has any cue.
 */
function stageFor(s: Sentence, club: string, own: string | undefined, anchors: Anchor[]): Stage | undefined {
  let best: Stage | undefined;
  for (const cue of s.cues) {
    const st = cueStage(s, cue);
    if (!st) continue;
    const near = nearestAnchor(cue, anchors);
    const mine = !near || near.club === club || near.club === own;
    const v = mine ? st : "interest";
    if (!best || STAGE_RANK[v] > STAGE_RANK[best]) best = v;
  }
  return best;
}

/** A collapse cue in the sentence whose nearest club is this one, the player's own, or none. */
function collapses(s: Sentence, club: string, own: string | undefined, anchors: Anchor[]): boolean {
  return s.cues.some((cue) => {
    if (!cue.kinds.includes("collapsed")) return false;
    const near = nearestAnchor(cue, anchors);
    return !near || near.club === club || near.club === own;
  });
}

/** The club (or club's coach/director) closest to a cue, either side. */
function nearestAnchor(cue: CueMention, anchors: Anchor[]): Anchor | undefined {
  let near: Anchor | undefined;
  let dist = Number.POSITIVE_INFINITY;
  for (const a of anchors) {
    const d = a.start >= cue.end ? a.start - cue.end : cue.start - a.end;
    if (d < dist) {
      dist = d;
      near = a;
    }
  }
  return near;
}

interface Anchor {
  club: string;
  start: number;
  end: number;
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
  // Coaches and directors by sentence, once: they stand for their club when cues are anchored.
  const staffBySent = new Map<number, (Anchor & { staff: boolean })[]>();
  for (const [start, end] of a.scan.blocked) {
    const club = ctx.staffClub.get(a.tokens[end - 1]!.norm);
    if (!club) continue;
    const sent = a.tokens[start]!.sent;
    const list = staffBySent.get(sent) ?? [];
    list.push({ club, start, end, staff: true });
    staffBySent.set(sent, list);
  }
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
    const anchors = anchorsOf(s);
    const hasStage = LADDER.some((st) => k.has(st));
    const history = k.has("history");
    const named = uniq(s.players.map((p) => p.ref));
    // A sentence naming neither a player nor a club is too loose to carry a link ("il mercato non è aperto").
    const loose = !named.length && !s.clubs.length;
    const subjects = named.length
      ? named
      : !loose && (hasStage || collapse || renewal)
        ? [recent ?? ctx.focusPlayer]
        : [];
    const staffTopic = anchors.find((x) => x.staff)?.club;
    let sentTo: string | undefined;
    for (const p of subjects) {
      if (!p) continue;
      const own = ctx.current.get(p.key);
      if (renewal && own && !history) add(p, own, "renewal");
      const stay = k.has("stay") && stays(s, own);
      if (history && !collapse) continue;
      let dests = s.clubs.filter(
        (c) => c.club !== own && !NOT_DEST.has(c.role) && !(c.role === "of" && ofPlayer(s, c)),
      );
      if (named.length > 1) dests = dests.filter((c) => nearest(s, c) === p);
      const explicit = dests.length > 0;
      if (explicit) sentTo = dests[dests.length - 1]!.club;
      const clubs = uniq(dests.map((c) => c.club));
      // A named player takes the paragraph's buyer only with a cue close to his name, not as a bystander
      // ("aspettare i rientri di Mbeumo").
      const close = !named.includes(p) || cueNear(s, p, 6);
      if ((k.has("compete") || !explicit) && close) {
        const fallback = topic ?? staffTopic ?? ctx.focusClub;
        if (fallback && fallback !== own && (hasStage || collapse) && !clubs.includes(fallback))
          clubs.push(fallback);
      }
      if (!clubs.length) {
        if (named.includes(p) && k.has("move")) get(p).move = true;
        continue;
      }
      for (const c of clubs) {
        const st =
          (collapse && collapses(s, c, own, anchors)) || stay ? "collapsed" : stageFor(s, c, own, anchors);
        if (st) add(p, c, st);
      }
    }
    // A swap sends the other player the opposite way: to the main player's club.
    if (k.has("swap") && ctx.focusPlayer) {
      const focusOwn = ctx.current.get(ctx.focusPlayer.key);
      for (const p of named) {
        if (p === ctx.focusPlayer || !focusOwn || ctx.current.get(p.key) === focusOwn) continue;
        add(p, focusOwn, "interest");
      }
    }
    if (named.length) recent = named[named.length - 1];
    // The paragraph's buyer: the last club a named player was sent to here, unless it was a rival's bid.
    if (sentTo && !k.has("compete") && !history && (hasStage || collapse)) topic = sentTo;
  }
  return out;

  /** Clubs of the sentence, and coaches or directors standing for theirs ("Tare e soci" for Milan). */
  function anchorsOf(s: Sentence): (Anchor & { staff?: boolean })[] {
    const out: (Anchor & { staff?: boolean })[] = s.clubs.map((c) => ({
      club: c.club,
      start: c.start,
      end: c.end,
    }));
    for (const x of staffBySent.get(s.index) ?? []) out.push(x);
    return out;
  }

  /** "è rimasto (alla fine) all'Inter": a stay cue followed closely by his own club. */
  function stays(s: Sentence, own: string | undefined): boolean {
    if (!own) return false;
    return s.cues.some(
      (c) =>
        c.kinds.includes("stay") &&
        s.clubs.some((k) => k.club === own && k.start >= c.end && k.start - c.end <= 4),
    );
  }
}

/** A stage cue within `span` words of one of the player's mentions in the sentence. */
function cueNear(s: Sentence, p: PlayerRef, span: number): boolean {
  return s.players.some(
    (m) =>
      m.ref === p &&
      s.cues.some(
        (c) =>
          c.kinds.some((k) => LADDER.includes(k as Stage) || k === "collapsed" || k === "renewal") &&
          (c.end <= m.start ? m.start - c.end : c.start - m.end) <= span,
      ),
  );
}

/** "Kristensen, classe 2002 dell'Udinese": the club belongs to the player right before it. */
function ofPlayer(s: Sentence, c: RoledClub): boolean {
  if (c.nounOf || c.attributive) return true;
  return s.players.some(
    (p) => (p.end <= c.start && c.start - p.end <= 6) || (p.start === c.end && c.spaceAfter),
  );
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
