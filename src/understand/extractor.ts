import { type Article, buildArticle, type PlayerRef, type Sentence } from "./article.js";
import { citedSources } from "./cited-sources-finder.js";
import { readBackground } from "./clauses.js";
import { currentClubs } from "./current-club.js";
import { demonymClubs } from "./demonyms.js";
import { type Dictionaries, dictionariesFor } from "./dictionaries.js";
import type { Gazetteer } from "./gazetteer.js";
import { K } from "./lexicon.js";
import { finalStage, linkPlayers } from "./links.js";
import { scan } from "./mentions.js";
import { resolvePlayers } from "./name-matcher.js";
import { resolveSharedNicknames } from "./shared-nicknames.js";
import { Tokens, tokenize } from "./tokens.js";
import type { ArticleText, Extraction, Link, PlayerFacts, Understander } from "./types.js";
import { W_EN, W_IT } from "./vocab.js";

/**
 * Builds the extractor over a gazetteer. The dictionaries are built once per gazetteer and shared; `extract` is
 * pure and synchronous.
 *
 * @example
 * const u = createUnderstander(loadGazetteer());
 * u.extract({ title: "Milan, idea Gila", text: "Il Milan segue Mario Gila della Lazio." });
 */
export function createUnderstander(g: Gazetteer): Understander {
  const d = dictionariesFor(g);
  // One token buffer per understander, overwritten by each article: extraction is synchronous.
  const tokens = new Tokens(d.vocab);
  return { extract: (article) => extract(article, d, tokens) };
}

/** English or Italian by counting function words among the first 300. */
function detectLanguage(tokens: Tokens): "it" | "en" {
  let en = 0;
  let it = 0;
  const n = Math.min(tokens.length, 300);
  const flags = tokens.vocab.flags;
  for (let i = 0; i < n; i++) {
    const f = flags[tokens.ids[i]!]!;
    if (f & W_EN) en++;
    else if (f & W_IT) it++;
  }
  return en > it ? "en" : "it";
}

function extract(article: ArticleText, d: Dictionaries, buffer: Tokens): Extraction {
  const head = [article.title ?? "", article.lead ?? ""].filter(Boolean);
  const tokens = tokenize([...head, unglue(article.text)], d.vocab, buffer);
  // Without a headline, a short first line of the text is one (feeds and scrapes often start with it).
  const nl = article.text.indexOf("\n");
  const firstLine = nl < 0 ? article.text : article.text.slice(0, nl);
  const untitledHead = !head.length && firstLine.length <= 160 && !/[.!?]\s*$/.test(firstLine);
  const headParas = head.length || (untitledHead ? 1 : 0);
  const headSents = headParas ? firstSentOfPara(tokens, headParas) : 0;
  const s = scan(tokens, d);
  s.clubs = resolveSharedNicknames(s.clubs);
  const clubs: string[] = [];
  for (const c of s.clubs) if (!clubs.includes(c.club)) clubs.push(c.club);
  const refs = resolvePlayers(tokens, s, new Set(clubs));
  const byCountry = demonymClubs(tokens, s.clubs, (c) => d.clubCountry.get(c));
  if (byCountry.length) s.clubs = [...s.clubs, ...byCountry].sort((x, y) => x.start - y.start);
  const a = buildArticle(tokens, s, refs, headSents);
  const focusPlayer = mainPlayer(a);
  const subjectOf = (st: Sentence): PlayerRef | undefined => lastNamedBefore(a, st) ?? focusPlayer;
  const current = currentClubs(a, subjectOf, focusPlayer);
  const focusClub = mainClub(a, focusPlayer ? current.get(focusPlayer.key) : undefined);
  // Told by the headline, or without one by the lede: "L'Inter annuncia un importante rinnovo di contratto."
  const renewalStory = a.sentences.some(
    (st) => (st.head || (!headSents && st.index === 0)) && st.mask & K.renewal,
  );
  const links = linkPlayers(a, { current, focusPlayer, focusClub, renewalStory, staffClub: d.staffClub });
  const players: PlayerFacts[] = [];
  for (const p of refs) {
    const l = links.get(p.key);
    if (!l || (!l.links.size && !l.move)) continue;
    const out: Link[] = [];
    for (const [club, seen] of l.links) {
      const v = finalStage(seen);
      if (!v) continue;
      const link: Link = { club, stage: v.stage };
      if (v.claimed) link.claimed = v.claimed;
      link.evidence = { text: sentenceText(a, v.decided.sent), certainty: v.decided.certainty };
      out.push(link);
    }
    if (!out.length && !l.move) continue;
    players.push({
      key: p.key,
      name: p.name,
      provisional: p.provisional,
      club: current.get(p.key) ?? null,
      links: out,
    });
  }
  const language = detectLanguage(tokens);
  return {
    language,
    players,
    clubs,
    cited: citedSources(tokens, s, article.outlet),
  };
}

/**
 * Scraped text loses spaces at markup edges: "trattative con il Fenerbahce perMatteo Guendouzi". A short
 * preposition glued to a capitalised name is split off again.
 */
const GLUED =
  /\b(per|di|del|della|dal|dalla|al|alla|con|su|sul|tra|fra|da|for|of|to|from|with)(?=\p{Lu}\p{Ll})/gu;
const LOWER_UPPER = /[a-z][A-Z]/;
function unglue(text: string): string {
  // The cheap ASCII test first: most texts have no such join.
  return LOWER_UPPER.test(text) ? text.replace(GLUED, "$1 ") : text;
}

/** Longest evidence quoted: a sentence, cut at a word near this many characters. */
const EVIDENCE_CHARS = 240;

/** The text of one sentence as written, white space folded and cut to a quotable length. */
function sentenceText(a: Article, index: number): string {
  const st = a.sentences[index]!;
  const t = a.tokens;
  if (st.end <= st.start) return "";
  const slice = t.source.slice(t.start[st.start]!, t.end[st.end - 1]!);
  // Most sentences hold single spaces only: fold white space when there is something to fold.
  const raw = /\s\s|[\t\n\r]/.test(slice) ? slice.replace(/\s+/g, " ") : slice;
  if (raw.length <= EVIDENCE_CHARS) return raw;
  const cut = raw.lastIndexOf(" ", EVIDENCE_CHARS);
  return `${raw.slice(0, cut > 0 ? cut : EVIDENCE_CHARS)}…`;
}

/** The player the article is about: most mentions, the headline counting triple; first named on a tie. */
function mainPlayer(a: Article): PlayerRef | undefined {
  let best: PlayerRef | undefined;
  let top = 0;
  // Named in passing ("dopo aver chiuso per Luiz", "al posto di X"): not whom the text is about.
  const asides = new Map<number, ReadonlySet<PlayerRef>>();
  const aside = (st: Sentence) => {
    let set = asides.get(st.index);
    if (!set) {
      set = readBackground(a, st).aside;
      asides.set(st.index, set);
    }
    return set;
  };
  for (const p of a.players) {
    // A renewal names a player without making him the subject of the transfer story.
    const v = p.mentions.reduce((n, m) => {
      const st = a.sentences[m.sent]!;
      if (st.mask & (K.aside | K.history) && aside(st).has(p)) return n;
      return n + (st.mask & K.renewal ? 0 : st.head ? 3 : 1);
    }, 0);
    if (v > top) {
      top = v;
      best = p;
    }
  }
  return best;
}

/** The club doing the buying: most mentions in live roles, not the main player's own club. */
function mainClub(a: Article, own: string | undefined): string | undefined {
  const count = new Map<string, number>();
  for (const s of a.sentences) {
    // A career history ("è passato per Ascoli, Empoli e Parma") names clubs the story is not about; only its
    // own clauses: "dopo aver chiuso per Luiz, la Juventus si è concentrata su…" still names the buyer.
    const history = s.mask & K.history ? readBackground(a, s).historyClub : undefined;
    for (const c of s.clubs) {
      if (history?.(c.start)) continue;
      if (c.club === own || c.role === "ex" || c.role === "versus" || c.role === "staff" || c.role === "from")
        continue;
      count.set(c.club, (count.get(c.club) ?? 0) + (s.head ? 3 : 1));
    }
  }
  let best: string | undefined;
  let top = 0;
  for (const [club, n] of count) {
    if (n > top) {
      top = n;
      best = club;
    }
  }
  return best;
}

/** The player last named in the same paragraph at or before this sentence. */
function lastNamedBefore(a: Article, st: Sentence): PlayerRef | undefined {
  for (let i = st.index; i >= 0; i--) {
    const s = a.sentences[i]!;
    if (s.para !== st.para) break;
    if (s.players.length) return s.players[s.players.length - 1]!.ref;
  }
  return undefined;
}

/** The sentence of the first word at or after paragraph `para` (0 when there is none). */
function firstSentOfPara(tokens: Tokens, para: number): number {
  for (let i = 0; i < tokens.length; i++) if (tokens.para[i]! >= para) return tokens.sent[i]!;
  return 0;
}
