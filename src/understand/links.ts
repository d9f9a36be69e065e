import type { Article, PlayerRef, RoledClub, Sentence } from "./article.js";
import { EPITHET, readSentence, type SentenceReading, seeksUnnamed } from "./clauses.js";
import { K, LADDER_BITS } from "./lexicon.js";
import { type CueMention, cueEndingAt } from "./mentions.js";
import { G_SPACES } from "./tokens.js";
import { type Certainty, STAGE_RANK, type Stage } from "./types.js";
import { W_CLUB, W_CUE, W_DIGIT, W_NOT_NAME, W_PERSON, W_SOURCE } from "./vocab.js";

/** One reading of a link in one sentence: the stage it states for sure, what it claims beyond, how sure. */
export interface LinkSeen {
  stage: Stage | undefined;
  claimed: Stage | undefined;
  certainty: Certainty;
  /** The sentence that said it. */
  sent: number;
}

/** Evidence gathered per player: clubs with the readings seen, and whether he is leaving. */
export interface PlayerLinks {
  links: Map<string, LinkSeen[]>;
  move: boolean;
}

const TOGETHER = new Set(["insieme", "together"]);
const ALSO = new Set(["anche", "also", "pure"]);
const LIST_WORDS = new Set(["e", "ed", "and", "il", "lo", "la", "l", "i", "gli", "le", "the"]);
const NOT_DEST = new Set(["ex", "versus", "staff", "from", "owner"]);
/** The destination clubs of one player in one sentence; reused, since linking runs synchronously. */
const destScratch: string[] = [];

/** The player an epithet of the sentence being linked stands for (see clauses.ts EPITHET). */
let epithetSubject: PlayerRef | undefined;

/** Per cue of the sentence being linked: its nearest anchor (worked out once per sentence by `prepare`). */
const cueNears: (Anchor | undefined)[] = [];

function prepare(s: Sentence, r: SentenceReading, anchors: Anchor[]): void {
  for (let j = 0; j < r.cues.length; j++) {
    const rd = r.cues[j]!;
    cueNears[j] = rd.stage || rd.claimed || rd.collapse ? nearestAnchor(s.cues[j]!, anchors) : undefined;
  }
}

/** Whether cue `j` speaks of player `p`: its own when it has an owner, else of players owning no cue. */
function speaksOf(r: SentenceReading, j: number, p: PlayerRef): boolean {
  const owner = r.cues[j]!.owner;
  if (owner === EPITHET) return p === epithetSubject;
  if (owner) return owner === p;
  for (const c of r.cues) if (c.owner === p && (c.stage || c.collapse || c.claimed)) return false;
  return true;
}

/**
 * The reading a sentence gives the link of `p` to `club`: each cue belongs to the nearest club (or
 * coach/director of a club) in the sentence; cues near the player's own club or near no club speak of the deal
 * as a whole. Clubs with no cue of their own get "interest" when the sentence has any cue. Needs `prepare` first.
 */
function stageFor(
  s: Sentence,
  r: SentenceReading,
  club: string,
  own: string | undefined,
  p: PlayerRef,
): LinkSeen | undefined {
  let best: LinkSeen | undefined;
  for (let j = 0; j < r.cues.length; j++) {
    const rd = r.cues[j]!;
    if (!rd.stage && !rd.claimed) continue;
    if (!speaksOf(r, j, p)) continue;
    const near = cueNears[j];
    // The seller's answer awaited, "dal Botafogo": a cue beside the selling club speaks of the whole deal too.
    const mine =
      !near ||
      near.club === club ||
      near.club === own ||
      near.role === "from" ||
      (!!rd.shared &&
        s.clubs.some((c) => c.club === club && r.clauseOf(c.start) === r.clauseOf(s.cues[j]!.start)));
    // ...but not of a club standing in another stretch with a cue of its own ("piaceva al Monaco (ma i Saints
    // hanno rifiutato due offerte) e in passato era nel mirino di Napoli": Napoli's clause tells its own story).
    if (mine && near && near.club !== club && ownStretchCue(s, r, club, j)) continue;
    const stage = rd.stage ? (mine ? rd.stage : "interest") : undefined;
    const claimed = mine ? rd.claimed : undefined;
    if (!stage && !claimed) continue;
    if (!best) {
      best = { stage, claimed, certainty: mine ? rd.certainty : "plain", sent: s.index };
      continue;
    }
    if (stage && (!best.stage || STAGE_RANK[stage] > STAGE_RANK[best.stage])) {
      best.stage = stage;
      best.certainty = mine ? rd.certainty : "plain";
    }
    if (claimed && (!best.claimed || STAGE_RANK[claimed] > STAGE_RANK[best.claimed])) best.claimed = claimed;
  }
  return best;
}

/**
 * Whether every mention of `club` stands in a stretch holding a stage cue of its own, other than cue `j`'s and
 * the one just before it (which a "ma…" or a parenthesis answers: "piaceva al Monaco (ma i Saints hanno
 * rifiutato due offerte)").
 */
function ownStretchCue(s: Sentence, r: SentenceReading, club: string, j: number): boolean {
  let k = s.cues[j]!.start;
  const cueStretch = r.stretchOf(k);
  while (k > s.start && r.stretchOf(k - 1) === cueStretch) k--;
  const answered = k > s.start ? r.stretchOf(k - 1) : -1;
  let seen = false;
  for (const c of s.clubs) {
    if (c.club !== club) continue;
    const at = r.stretchOf(c.start);
    if (at === cueStretch || at === answered) return false;
    let has = false;
    for (let i = 0; i < r.cues.length && !has; i++) {
      const rd = r.cues[i]!;
      has = i !== j && (!!rd.stage || !!rd.claimed || rd.collapse) && r.stretchOf(s.cues[i]!.start) === at;
    }
    if (!has) return false;
    seen = true;
  }
  return seen;
}

/** A collapse cue of the sentence about `p` whose nearest club is this one, the player's own, or none. */
function collapses(
  r: SentenceReading,
  club: string,
  own: string | undefined,
  p: PlayerRef,
): Certainty | undefined {
  let found: Certainty | undefined;
  for (let j = 0; j < r.cues.length; j++) {
    const rd = r.cues[j]!;
    if (!rd.collapse || !speaksOf(r, j, p)) continue;
    const near = cueNears[j];
    if (near && near.club !== club && near.club !== own) continue;
    if (rd.certainty === "plain") return "plain";
    found = rd.certainty;
  }
  return found;
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
  /** The club's part in the sentence (article.ts); coaches and directors standing for a club have none. */
  role?: string;
}

/** Words that open a round-up's next item ("Infine,", "Intanto,", "Meanwhile,"). */
const NEXT_ITEM = new Set(["infine", "intanto", "frattempo", "meanwhile", "elsewhere", "finally", "altrove"]);

/** Whether the sentence opens with a word that turns to the next item. */
function opensNewItem(a: Article, s: Sentence): boolean {
  for (let k = s.start; k < Math.min(s.end, s.start + 3); k++)
    if (NEXT_ITEM.has(a.tokens.norm(k))) return true;
  return false;
}

/** Context the linker needs beyond the sentences. */
export interface LinkContext {
  current: Map<string, string>;
  focusPlayer: PlayerRef | undefined;
  focusClub: string | undefined;
  /** The headline tells of a renewal: clubless deal words speak of it, not of a buyer. */
  renewalStory: boolean;
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
  const add = (p: PlayerRef, club: string, seen: LinkSeen) => {
    const l = get(p).links;
    const list = l.get(club);
    if (list) list.push(seen);
    else l.set(club, [seen]);
  };
  const plain = (stage: Stage, sent: number): LinkSeen => ({
    stage,
    claimed: undefined,
    certainty: "plain",
    sent,
  });
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
  /** The club of the round-up heading the text stands under, if any. */
  let section: string | undefined;
  // Headings count only in a text that has two or more of them (a round-up), not a lone club line.
  const headings = new Set<string>();
  for (const st of a.sentences) if (isHeading(st)) headings.add(st.clubs[0]!.club);
  /** Whether the sentence before held a stage cue (an elliptical "Anche X e Y" goes on with it). */
  let lastHadCue = false;
  let topic: string | undefined;
  /** The players the paragraph's buyer was named for. */
  let topicFor: PlayerRef[] = [];
  let para = -1;
  for (const s of a.sentences) {
    if (s.para !== para) {
      para = s.para;
      // A round-up's section buys for every paragraph under its heading.
      topic = section;
      topicFor = [];
      // A new paragraph speaks of the article's player again unless it names another.
      recent = undefined;
    }
    // "Milan" on a line of its own: a round-up's heading. Its club is the buyer of the items under it, and
    // nobody named before it is spoken of after it.
    if (headings.size > 1 && isHeading(s)) {
      section = s.clubs[0]!.club;
      topic = section;
      topicFor = [];
      recent = undefined;
      continue;
    }
    const k = s.mask;
    const collapse = (k & K.collapsed) !== 0;
    const renewal = (k & K.renewal) !== 0;
    const hasStage = (k & LADDER_BITS) !== 0;
    const history = (k & K.history) !== 0;
    // A sentence naming neither a player nor a club is too loose to carry a link ("il mercato non è aperto");
    // one naming no player and holding no stage cue changes nothing either (most sentences: skip them early).
    // "Il Nizza si è rassegnato a perdere il classe 2001": a birth year names the one player born then, who
    // becomes the one the next sentences speak of.
    const byYear = !s.players.length && k & K.pnoun ? bornIn(a, s) : undefined;
    if (byYear) recent = byYear;
    // "…è seguito da tutti i club di media classifica. Anche Sassuolo e Cagliari": a verbless "anche" and clubs
    // goes on with the sentence before; the clubs are interested in the player spoken of.
    if (!s.players.length && s.clubs.length && !(hasStage || collapse || renewal) && alsoClubs(a, s)) {
      const p = recent ?? ctx.focusPlayer;
      const own = p && ctx.current.get(p.key);
      if (p && lastHadCue)
        for (const c of s.clubs)
          if (c.club !== own && c.role === "plain") add(p, c.club, plain("interest", s.index));
      continue;
    }
    lastHadCue = hasStage;
    if (!s.players.length && (!s.clubs.length || !(hasStage || collapse || renewal))) continue;
    const reading = readSentence(a, s);
    const readCollapse = !collapse && hasStage && reading.cues.some((c) => c.collapse);
    const endedHere = (collapse || readCollapse) && reading.cues.some((c) => c.collapse);
    // Players named in passing ("al posto di X") are neither subjects nor targets here.
    const named: PlayerRef[] = [];
    for (const m of s.players) if (!named.includes(m.ref) && !reading.aside.has(m.ref)) named.push(m.ref);
    // Without a player named, the sentence speaks of the last one (or the article's), unless it names
    // someone the gazetteer does not know: in a round-up that is the next item's player, not the last one.
    // The same with players named only in passing ("Il classe '97 … il connazionale Osimhen").
    if (!named.length && s.players.length && k & K.pnoun) recent = bornIn(a, s) ?? recent;
    const fallback = recent && !reading.aside.has(recent) ? recent : ctx.focusPlayer;
    // "Infine, il Pisa sogna…": a round-up turning to its next item speaks of nobody named before it.
    const shifted = fallback !== ctx.focusPlayer && opensNewItem(a, s);
    const implied =
      fallback &&
      !reading.aside.has(fallback) &&
      !namesStranger(a, s, reading.aside) &&
      !shifted &&
      !(named.length === 0 && seeksUnnamed(a, s))
        ? fallback
        : undefined;
    // "L'Inter ha provato un approccio mettendo sul piatto il cartellino di Frattesi": in a swap the deal is the
    // main player's, the others named are makeweights going the other way (below).
    const focus = ctx.focusPlayer;
    const swapped =
      k & K.swap && focus && named.some((p) => p !== focus) ? named.filter((p) => p !== focus) : [];
    const subjects = swapped.length ? [focus] : named.length ? [...named] : [implied];
    // A player named in passing still owns the relative clause after him.
    for (const m of s.players) {
      const rel = reading.relativeOf(m.end);
      if (rel === m.ref && !subjects.includes(rel)) subjects.push(rel);
    }
    epithetSubject = fallback;
    const withEpithet = !!fallback && named.length > 0 && reading.cues.some((c) => c.owner === EPITHET);
    const r2s = reading.stretchOf;
    if (fallback && !subjects.includes(fallback) && reading.cues.some((c) => c.owner === EPITHET))
      subjects.push(fallback);
    // "Manca l'accordo con lo United, che vuole aspettare i rientri di Mbeumo e Diallo": his teammates named
    // far from every deal word are bystanders; the sentence goes on about him.
    else if (implied && !swapped.length && !subjects.includes(implied) && hasStage) {
      const his = ctx.current.get(implied.key);
      if (his && named.every((q) => ctx.current.get(q.key) === his && !cueNear(s, q, 6)))
        subjects.push(implied);
    }
    const anchors = anchorsOf(s, staffBySent);
    let prepared = false;
    const staffTopic = anchors.find((x) => x.staff)?.club;
    let sentTo: string | undefined;
    for (const p of subjects) {
      if (!p) continue;
      const own = ctx.current.get(p.key);
      // "Il Milan è pronto a rinnovare un perno della difesa": a renewal by a club named here is only his when
      // that club is his own.
      const byOwn =
        !s.clubs.some((c) => c.role !== "ex" && c.role !== "versus") || s.clubs.some((c) => c.club === own);
      if (renewal && own && !history && byOwn && renews(s, p, reading))
        add(p, own, plain("renewal", s.index));
      const stay = (k & K.stay) !== 0 && stays(a, s, own);
      // Destination clubs in one pass into a reused list, not filter/map/uniq arrays per player.
      const clubs = destScratch;
      clubs.length = 0;
      let explicit = false;
      for (const c of s.clubs) {
        // "X è un nuovo giocatore della Juventus" when the reference list already has him there: the list was
        // written after the move this article announces.
        const arrived = c.club === own && c.role === "to" && k & (K.official | K.medical) && !renewal;
        if ((c.club === own && !arrived) || NOT_DEST.has(c.role) || (c.role === "of" && ofPlayer(s, c)))
          continue;
        // The clubs of a relative clause are the story of the player it is about, and only his.
        const rel = reading.relativeOf(c.start);
        if (rel ? rel !== p : reading.aside.has(p)) continue;
        // A club of a history clause is out, unless the clause tells how the deal ended ("l'offerta del West Ham
        // arrivata la scorsa estate, ma rispedita al mittente").
        if ((!rel && reading.asideClub(c.start)) || (reading.historyClub(c.start) && !endedHere)) continue;
        // "X tratta con Y per Z": Y buys when X is Z's club, else Y is Z's club selling to X.
        // With only a noun for X ("il club ha smentito contatti con il City per Cambiaso"), X is his own club.
        if (
          c.role === "with" &&
          s.clubs.some((o) => o.end <= c.start) &&
          !s.clubs.some((o) => o.end <= c.start && o.club === own)
        )
          continue;
        // A club in a stretch naming none of ours, beside an epithet ("sul difensore viola si sono mossi
        // Torino e Lazio"), is the epithet's player's; the named players take the clubs near them.
        const byEpithet = withEpithet && !namedIn(s, reading, r2s(c.start));
        if (
          byEpithet
            ? p !== epithetSubject
            : named.length > 1 && !coordinated(a, s, nearest(s, c, reading), p) && !namedBesides(a, s, p)
        )
          continue;
        explicit = true;
        sentTo = c.club;
        if (!clubs.includes(c.club)) clubs.push(c.club);
      }
      // A named player takes the paragraph's buyer only with a cue close to his name, not as a bystander
      // ("aspettare i rientri di Mbeumo").
      const close = !named.includes(p) || cueNear(s, p, 6);
      // A renewal sentence's "tutto fatto" is the renewal's: no buyer of the paragraph is implied.
      // A guess not made because his own club acts here (below) still leaves him in the news, linked to nobody.
      let unguessed = false;
      if ((k & K.compete || !explicit) && close && !renewal) {
        // In a renewal story the deal words of a clubless sentence are the renewal's ("la firma è una formalità").
        // A sentence naming neither the player nor the buyer guesses both: only the paragraph's buyer will do,
        // not the article's. Nor when his own club is an actor here ("L'Inter è pronta a offrire… per
        // Frattesi", "l'acquisto di X dall'Al-Ahli"): the sentence has its sides, the article's buyer is not one.
        const ownActs = s.clubs.some((c) => c.club === own && actsIn(a, c));
        const articleWide = ctx.renewalStory || !named.includes(p) ? undefined : ctx.focusClub;
        // A round-up's next player does not inherit the buyer named for another one before him.
        // …unless the sentence tells of the buyer switching targets ("così si spiega la virata su Marcos
        // Leonardo", "costringendo i Rossoblù a virare su Ortega").
        const other =
          named.includes(p) && !!topic && topicFor.length > 0 && !topicFor.includes(p) && !switchesTo(a, s);
        const guess = other
          ? (staffTopic ?? (p === ctx.focusPlayer ? articleWide : undefined))
          : (topic ?? staffTopic ?? articleWide);
        if (guess && guess !== own && (hasStage || collapse) && !clubs.includes(guess)) {
          if (ownActs && guess === articleWide) unguessed = true;
          else clubs.push(guess);
        }
      }
      if (!clubs.length) {
        if (named.includes(p) && (k & K.move || unguessed)) get(p).move = true;
        continue;
      }
      if (!prepared) {
        prepare(s, reading, anchors);
        prepared = true;
      }
      // One named "besides" another reads the sentence's words as that other does.
      const voice =
        named.length > 1 && namedBesides(a, s, p) ? (named.find((q) => !namedBesides(a, s, q)) ?? p) : p;
      for (const c of clubs) {
        if (stay) {
          add(p, c, plain("collapsed", s.index));
          continue;
        }
        // A collapse read from the clause ("sembrava fatta, ma…") counts like a collapse word.
        const gone = collapse || readCollapse ? collapses(reading, c, own, voice) : undefined;
        if (gone) add(p, c, { stage: "collapsed", claimed: undefined, certainty: gone, sent: s.index });
        const st = stageFor(s, reading, c, own, voice);
        if (st && (!gone || gone !== "plain")) add(p, c, st);
      }
    }
    // A swap sends the other player the opposite way: to the main player's club.
    if (swapped.length) {
      const focusOwn = ctx.current.get(focus!.key);
      for (const p of swapped) {
        if (!focusOwn || ctx.current.get(p.key) === focusOwn) continue;
        // The makeweight's move stands as far as the deal he is offered in.
        let stage: Stage = "interest";
        for (const seen of get(focus!).links.values())
          for (const x of seen)
            if (
              x.sent === s.index &&
              x.stage &&
              x.stage !== "collapsed" &&
              STAGE_RANK[x.stage] > STAGE_RANK[stage]
            )
              stage = x.stage;
        add(p, focusOwn, plain(stage, s.index));
      }
    }
    // "Oltre Yildiz, il centrocampista francese…": a player named as "besides" is not the one spoken of next.
    for (let i = s.players.length - 1; i >= 0; i--) {
      const m = s.players[i]!;
      if (named.includes(m.ref) && !besides(a, m.start)) {
        recent = m.ref;
        break;
      }
    }
    // The paragraph's buyer: the last club a named player was sent to here, unless it was a rival's bid.
    // sentTo is never a club of a history clause: a news clause beside one still names the buyer.
    if (sentTo && !(k & K.compete) && (hasStage || collapse)) {
      topic = sentTo;
      // Under a round-up's heading its club buys for every item, not only the player it was named for.
      topicFor = sentTo === section ? [] : named.length ? [...named] : implied ? [implied] : [];
    } else if (!named.length && !sentTo && hasStage && !collapse && !(k & K.compete)) {
      // "Dal canto suo, l'Inter guarda con attenzione al mercato in entrata": a club shopping, for nobody named
      // yet, is the buyer of the paragraph's next players.
      const buyer = s.clubs.length === 1 && s.clubs[0]!.role === "plain" ? s.clubs[0]!.club : undefined;
      if (buyer) {
        topic = buyer;
        topicFor = [];
      }
    }
  }
  return out;
}

/** Clubs of the sentence, and coaches or directors standing for theirs ("Tare e soci" for Milan). */
function anchorsOf(
  s: Sentence,
  staffBySent: Map<number, (Anchor & { staff: boolean })[]>,
): (Anchor & { staff?: boolean })[] {
  const staff = staffBySent.get(s.index);
  return staff ? [...s.clubs, ...staff] : s.clubs;
}

/** "la virata su X", "ripiega su X", "switch to X": the same buyer turning to another target. */
function switchesTo(a: Article, s: Sentence): boolean {
  const t = a.tokens;
  for (let k = s.start; k < s.end; k++) {
    if (!SWITCH.has(t.norm(k))) continue;
    // "prima di virare su X": a switch of the past.
    if (!(k >= 2 && t.norm(k - 1) === "di" && t.norm(k - 2) === "prima")) return true;
  }
  return false;
}

/** "oltre a Raspadori, il centravanti olandese è l'obiettivo": one named "besides" shares the sentence's clubs. */
function namedBesides(a: Article, s: Sentence, p: PlayerRef): boolean {
  for (const m of s.players) if (m.ref === p && besides(a, m.start)) return true;
  return false;
}

/** "Anche Sassuolo e Cagliari": the sentence opens with "anche"/"also" and holds only clubs and joiners. */
function alsoClubs(a: Article, s: Sentence): boolean {
  if (!ALSO.has(a.tokens.norm(s.start))) return false;
  let k = s.start + 1;
  for (const c of s.clubs) {
    if (c.start < k) continue;
    while (k < c.start && LIST_WORDS.has(a.tokens.norm(k))) k++;
    if (k !== c.start) return false;
    k = c.end;
  }
  return k === s.end;
}

/** "è rimasto (alla fine) all'Inter", "X e l'Inter continueranno insieme": a stay cue beside his own club. */
function stays(a: Article, s: Sentence, own: string | undefined): boolean {
  if (!own) return false;
  return s.cues.some(
    (c) =>
      c.mask & K.stay &&
      s.clubs.some(
        (k) =>
          k.club === own &&
          ((k.start >= c.end && k.start - c.end <= 4) ||
            // "X e l'Inter continueranno insieme": the club before, only with "together".
            (k.end <= c.start && c.start - k.end <= 2 && TOGETHER.has(a.tokens.norm(c.end - 1)))),
      ),
  );
}

const WITH_WORDS = new Set(["con", "col", "coi", "with"]);

/**
 * Whether a club mention is an actor of its sentence: its subject ("L'Inter è pronta a offrire") or the side
 * selling ("dall'Al-Ahli"), not an owner ("dell'Udinese") or a contract's other party ("in scadenza con la Lazio").
 */
function actsIn(a: Article, c: RoledClub): boolean {
  if (c.role === "from") return true;
  if (c.role !== "plain") return false;
  for (let k = c.start - 1; k >= Math.max(0, c.start - 2); k--)
    if (WITH_WORDS.has(a.tokens.norm(k))) return false;
  return true;
}

const BESIDES = new Set(["oltre", "besides"]);
const SWITCH = new Set(
  "virata virare vira virano ripiega ripiegare ripiegano dirotta dirottare switch switched pivot pivoted".split(
    " ",
  ),
);

/** "oltre (a) X", "besides X": the mention at `at` is named as one besides the one spoken of. */
function besides(a: Article, at: number): boolean {
  const t = a.tokens;
  if (at > 0 && BESIDES.has(t.norm(at - 1))) return true;
  return at > 1 && t.norm(at - 1) === "a" && t.norm(at - 2) === "oltre";
}

/** A sentence that is one club's name and nothing else: a round-up's heading line. */
function isHeading(s: Sentence): boolean {
  return !s.head && s.clubs.length === 1 && s.clubs[0]!.start === s.start && s.clubs[0]!.end === s.end;
}

/** The one player of the article born in the year of a "classe 2001" (or "classe '97") in the sentence, if any. */
function bornIn(a: Article, s: Sentence): PlayerRef | undefined {
  const t = a.tokens;
  for (let k = s.start; k < s.end - 1; k++) {
    if (t.norm(k) !== "classe") continue;
    // "classe 2001", "classe '97".
    const digits = t.norm(k + 1);
    const year = digits.length === 2 ? Number(digits) + (Number(digits) >= 50 ? 1900 : 2000) : Number(digits);
    if (!(year > 1970 && year < 2020)) continue;
    let born: PlayerRef | undefined;
    for (const p of a.players) {
      if (p.entry?.born !== year) continue;
      if (born) return undefined;
      born = p;
    }
    return born;
  }
  return undefined;
}

/**
 * Whether the sentence's renewal is his: not when the cue nearest his name tells of him leaving ("il rinnovo di
 * Tomori e la cessione in prestito di Odogu": the loan is Odogu's, the renewal Tomori's).
 */
function renews(s: Sentence, p: PlayerRef, r: SentenceReading): boolean {
  // With several players named, a renewal is the one of the player of its clause ("X sul rinnovo e Y in uscita").
  if (!s.cues.some((c, j) => c.mask & K.renewal && (!r.cues[j]?.owner || r.cues[j]?.owner === p)))
    return false;
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

/**
 * A capitalised word inside the sentence that is no known club, player, person, cue or common capitalised
 * word, followed by another such word: a full name the gazetteer lacks ("Juan Arizala").
 */
function namesStranger(a: Article, s: Sentence, aside: ReadonlySet<PlayerRef>): boolean {
  const t = a.tokens;
  const flags = t.vocab.flags;
  let run = 0;
  for (let k = s.start + 1; k < s.end; k++) {
    const known =
      !t.cap[k] ||
      flags[t.ids[k]!]! & (W_NOT_NAME | W_DIGIT | W_CUE | W_CLUB | W_PERSON | W_SOURCE) ||
      s.clubs.some((c) => k >= c.start && k < c.end) ||
      // A player of ours named in passing ("il connazionale e amico Victor Osimhen") is no stranger.
      s.players.some((m) => k >= m.start && k < m.end && aside.has(m.ref));
    // "L'agente Mario Giuffredi", "il tecnico X": a name after a staff word is no player.
    const staffed = !known && run === 0 && ((cueEndingAt(a.scan, k)?.mask ?? 0) & K.staff) !== 0;
    if (staffed) {
      while (k + 1 < s.end && t.cap[k + 1]) k++;
      continue;
    }
    run = !known && (run === 0 || t.gaps[k]! & G_SPACES) ? run + 1 : 0;
    if (run >= 2) return true;
    // One unknown name of a club's ("Schjelderup del Benfica") is somebody too.
    if (run === 1 && k + 2 < s.end && OF_WORDS.has(t.norm(k + 1)) && s.clubs.some((c) => c.start === k + 2))
      return true;
  }
  return false;
}

const OF_WORDS = new Set(["del", "dell", "della", "dello", "of"]);

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

/** Whether the stretch names one of the sentence's players (not in passing). */
function namedIn(s: Sentence, r: SentenceReading, stretch: number): boolean {
  for (const m of s.players) if (!r.aside.has(m.ref) && r.stretchOf(m.start) === stretch) return true;
  return false;
}

/** "Kristensen, classe 2002 dell'Udinese": the club belongs to the player right before it. */
function ofPlayer(s: Sentence, c: RoledClub): boolean {
  if (c.nounOf || c.attributive) return true;
  return s.players.some(
    (p) => (p.end <= c.start && c.start - p.end <= 6) || (p.start === c.end && c.spaceAfter),
  );
}

/**
 * Whether `p` is `q` or named in a list with him ("valuta Raspadori e Oyarzabal", "X, Y e Z"): a club's
 * interest in a list is interest in each.
 */
function coordinated(a: Article, s: Sentence, q: PlayerRef | undefined, p: PlayerRef): boolean {
  if (!q || q === p) return q === p;
  const ms = s.players;
  for (let i = 0; i < ms.length; i++) {
    if (ms[i]!.ref !== q) continue;
    // Walk the list both ways from q's mention while names are joined by a comma or "e"/"and".
    for (const dir of [-1, 1]) {
      for (let j = i; j + dir >= 0 && j + dir < ms.length; j += dir) {
        const [x, y] = dir > 0 ? [ms[j]!, ms[j + dir]!] : [ms[j + dir]!, ms[j]!];
        const gap = y.start - x.end;
        if (!(gap === 0 || (gap === 1 && LIST_AND.has(a.tokens.norm(x.end))))) break;
        if (ms[j + dir]!.ref === p) return true;
      }
    }
  }
  return false;
}

const LIST_AND = new Set(["e", "ed", "and", "o", "or"]);

/** The player a club mention belongs to: the nearest in its stretch ("..., mentre l'Udinese accoglie X"), else the nearest. */
function nearest(s: Sentence, c: RoledClub, r: SentenceReading): PlayerRef | undefined {
  let best: PlayerRef | undefined;
  let dist = Number.POSITIVE_INFINITY;
  const home = r.stretchOf(c.start);
  const clause = r.clauseOf(c.start);
  for (const p of s.players) {
    if (r.aside.has(p.ref)) continue;
    // Same clause first, then same stretch: "Dopo il no di Akanji, l'Inter ha avviato i contatti per Gomez".
    const away = r.clauseOf(p.start) === clause ? 0 : r.stretchOf(p.start) === home ? 100 : 1000;
    const d = away + (p.end <= c.start ? c.start - p.end : p.start - c.end + 0.5);
    if (d < dist) {
      dist = d;
      best = p.ref;
    }
  }
  return best;
}

/** What an article says of one link in the end. */
export interface LinkVerdict {
  stage: Stage;
  /** A higher stage claimed without certainty. */
  claimed: Stage | undefined;
  /** The reading that decided the stage. */
  decided: LinkSeen;
}

/**
 * One stage per link: a collapse stated plainly wins; otherwise the highest rung stated for sure; a collapse
 * told only in the past counts when nothing else was said. The highest claim above it is kept.
 */
export function finalStage(seen: readonly LinkSeen[]): LinkVerdict | undefined {
  let decided: LinkSeen | undefined;
  let pastCollapse: LinkSeen | undefined;
  let claimed: Stage | undefined;
  for (const x of seen) {
    if (x.claimed && (!claimed || STAGE_RANK[x.claimed] > STAGE_RANK[claimed])) claimed = x.claimed;
    if (!x.stage) continue;
    if (x.stage === "collapsed") {
      if (x.certainty === "plain") return { stage: "collapsed", claimed: undefined, decided: x };
      pastCollapse ??= x;
      continue;
    }
    if (!decided || STAGE_RANK[x.stage] > STAGE_RANK[decided.stage!]) decided = x;
  }
  decided ??= pastCollapse;
  if (!decided?.stage) return undefined;
  const stage = decided.stage;
  const higher = claimed && claimed !== "collapsed" && STAGE_RANK[claimed] > STAGE_RANK[stage];
  return { stage, claimed: higher ? claimed : undefined, decided };
}
