import type { Article, PlayerRef, RoledClub, Sentence } from "./article.js";
import { K, LADDER_BITS } from "./lexicon.js";
import type { CueMention } from "./mentions.js";
import { STAGE_RANK, type Stage } from "./types.js";

/** Evidence gathered per player: clubs with the stages seen, and whether he is leaving. */
export interface PlayerLinks {
  links: Map<string, Stage[]>;
  move: boolean;
}

const LADDER: Stage[] = ["interest", "talks", "agreement", "medical", "official"];
/** The ladder's bits, by rung: indexing K by a variable stage name is a slow keyed look-up. */
const LADDER_K = LADDER.map((s) => K[s]);
const NOT_DEST = new Set(["ex", "versus", "staff", "from", "owner"]);
/** The destination clubs of one player in one sentence; reused, since linking runs synchronously. */
const destScratch: string[] = [];

/** Forward stage of one cue, stepped down a rung when a negator stands within six words ("manca l'accordo"). */
function cueStage(s: Sentence, cue: CueMention): Stage | undefined {
  let best: Stage | undefined;
  if (!(cue.mask & LADDER_BITS)) return undefined;
  for (let r = 0; r < LADDER.length; r++) if (cue.mask & LADDER_K[r]!) best = LADDER[r];
  if (!best || best === "interest") return best;
  // "Manca solo l'annuncio ufficiale prima che X sia un nuovo giocatore": an announcement still awaited is
  // negated anywhere in its sentence; other stages only by a negator close by.
  const span = best === "official" ? Number.POSITIVE_INFINITY : 6;
  if (!(s.mask & K.neg)) return best;
  const negated = s.cues.some((c) => c.mask & K.neg && Math.abs(c.start - cue.start) <= span);
  if (!negated) return best;
  // "Manca solo l'annuncio": agreed, not official (medical when the medicals are mentioned too).
  if (best === "official") return s.mask & K.medical ? "medical" : "agreement";
  return LADDER[LADDER.indexOf(best) - 1]!;
}

/**
 * Per cue of the sentence being linked: its forward stage and its nearest anchor. Both depend only on the
 * sentence, so they are worked out once per sentence (`prepare`) instead of once per player and club.
 */
const cueStages: (Stage | undefined)[] = [];
const cueNears: (Anchor | undefined)[] = [];

function prepare(s: Sentence, anchors: Anchor[]): void {
  for (let j = 0; j < s.cues.length; j++) {
    const cue = s.cues[j]!;
    cueStages[j] = cueStage(s, cue);
    cueNears[j] = cueStages[j] || cue.mask & K.collapsed ? nearestAnchor(cue, anchors) : undefined;
  }
}

/**
 * The stage a sentence gives the link to `club`: each cue belongs to the nearest club (or coach/director of a
 * club) in the sentence; cues near the player's own club or near no club speak of the deal as a whole.
 * Clubs with no cue of their own get "interest" when the sentence has any cue. Needs `prepare(s)` first.
 */
function stageFor(s: Sentence, club: string, own: string | undefined): Stage | undefined {
  let best: Stage | undefined;
  for (let j = 0; j < s.cues.length; j++) {
    const st = cueStages[j];
    if (!st) continue;
    const near = cueNears[j];
    const mine = !near || near.club === club || near.club === own;
    const v = mine ? st : "interest";
    if (!best || STAGE_RANK[v] > STAGE_RANK[best]) best = v;
  }
  return best;
}

/** A collapse cue in the sentence whose nearest club is this one, the player's own, or none. */
function collapses(s: Sentence, club: string, own: string | undefined): boolean {
  for (let j = 0; j < s.cues.length; j++) {
    if (!(s.cues[j]!.mask & K.collapsed)) continue;
    const near = cueNears[j];
    if (!near || near.club === club || near.club === own) return true;
  }
  return false;
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
    const club = ctx.staffClub.get(a.tokens.norm(end - 1));
    if (!club) continue;
    const sent = a.tokens.sent[start]!;
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
    const k = s.mask;
    const collapse = (k & K.collapsed) !== 0;
    const renewal = (k & K.renewal) !== 0;
    const hasStage = (k & LADDER_BITS) !== 0;
    const history = (k & K.history) !== 0;
    // A sentence naming neither a player nor a club is too loose to carry a link ("il mercato non è aperto");
    // one naming no player and holding no stage cue changes nothing either (most sentences: skip them early).
    if (!s.players.length && (!s.clubs.length || !(hasStage || collapse || renewal))) continue;
    const named: PlayerRef[] = [];
    for (const m of s.players) if (!named.includes(m.ref)) named.push(m.ref);
    const subjects = named.length ? named : [recent ?? ctx.focusPlayer];
    const anchors = anchorsOf(s);
    let prepared = false;
    const staffTopic = anchors.find((x) => x.staff)?.club;
    let sentTo: string | undefined;
    for (const p of subjects) {
      if (!p) continue;
      const own = ctx.current.get(p.key);
      if (renewal && own && !history && renews(s, p)) add(p, own, "renewal");
      const stay = (k & K.stay) !== 0 && stays(s, own);
      if (history && !collapse) continue;
      // Destination clubs in one pass into a reused list, not filter/map/uniq arrays per player.
      const clubs = destScratch;
      clubs.length = 0;
      let explicit = false;
      for (const c of s.clubs) {
        if (c.club === own || NOT_DEST.has(c.role) || (c.role === "of" && ofPlayer(s, c))) continue;
        if (named.length > 1 && nearest(s, c) !== p) continue;
        explicit = true;
        sentTo = c.club;
        if (!clubs.includes(c.club)) clubs.push(c.club);
      }
      // A named player takes the paragraph's buyer only with a cue close to his name, not as a bystander
      // ("aspettare i rientri di Mbeumo").
      const close = !named.includes(p) || cueNear(s, p, 6);
      if ((k & K.compete || !explicit) && close) {
        const fallback = topic ?? staffTopic ?? ctx.focusClub;
        if (fallback && fallback !== own && (hasStage || collapse) && !clubs.includes(fallback))
          clubs.push(fallback);
      }
      if (!clubs.length) {
        if (named.includes(p) && k & K.move) get(p).move = true;
        continue;
      }
      if (!prepared) {
        prepare(s, anchors);
        prepared = true;
      }
      for (const c of clubs) {
        const st = (collapse && collapses(s, c, own)) || stay ? "collapsed" : stageFor(s, c, own);
        if (st) add(p, c, st);
      }
    }
    // A swap sends the other player the opposite way: to the main player's club.
    if (k & K.swap && ctx.focusPlayer) {
      const focusOwn = ctx.current.get(ctx.focusPlayer.key);
      for (const p of named) {
        if (p === ctx.focusPlayer || !focusOwn || ctx.current.get(p.key) === focusOwn) continue;
        add(p, focusOwn, "interest");
      }
    }
    if (named.length) recent = named[named.length - 1];
    // The paragraph's buyer: the last club a named player was sent to here, unless it was a rival's bid.
    if (sentTo && !(k & K.compete) && !history && (hasStage || collapse)) topic = sentTo;
  }
  return out;

  /** Clubs of the sentence, and coaches or directors standing for theirs ("Tare e soci" for Milan). */
  function anchorsOf(s: Sentence): (Anchor & { staff?: boolean })[] {
    const staff = staffBySent.get(s.index);
    return staff ? [...s.clubs, ...staff] : s.clubs;
  }

  /** "è rimasto (alla fine) all'Inter": a stay cue followed closely by his own club. */
  function stays(s: Sentence, own: string | undefined): boolean {
    if (!own) return false;
    return s.cues.some(
      (c) =>
        c.mask & K.stay && s.clubs.some((k) => k.club === own && k.start >= c.end && k.start - c.end <= 4),
    );
  }
}

/**
 * Whether the sentence's renewal is his: not when the cue nearest his name tells of him leaving ("il rinnovo di
 * Tomori e la cessione in prestito di Odogu": the loan is Odogu's, the renewal Tomori's).
 */
function renews(s: Sentence, p: PlayerRef): boolean {
  let best: CueMention | undefined;
  let dist = Number.POSITIVE_INFINITY;
  for (const m of s.players) {
    if (m.ref !== p) continue;
    for (const c of s.cues) {
      if (!(c.mask & (K.renewal | K.move))) continue;
      const d = c.end <= m.start ? m.start - c.end : c.start - m.end;
      if (d < dist) {
        dist = d;
        best = c;
      }
    }
  }
  return !best || (best.mask & K.renewal) !== 0;
}

/** A stage cue within `span` words of one of the player's mentions in the sentence. */
function cueNear(s: Sentence, p: PlayerRef, span: number): boolean {
  return s.players.some(
    (m) =>
      m.ref === p &&
      s.cues.some(
        (c) =>
          c.mask & (LADDER_BITS | K.collapsed | K.renewal) &&
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

/** One stage per link: a collapse anywhere wins; otherwise the highest rung seen. */
export function finalStage(stages: readonly Stage[]): Stage {
  if (stages.includes("collapsed")) return "collapsed";
  let best: Stage = stages[0]!;
  for (const s of stages) if (STAGE_RANK[s] > STAGE_RANK[best]) best = s;
  return best;
}
