import { latinOnly, scriptKey } from "../text/clean-text.js";

/**
 * What understanding an article produces. Pure data: no Redis, no chat, no clock.
 *
 * Identity rules shared with subscriptions and rumours:
 * - a club is named by its canonical name from the gazetteer ("Milan", "Bayern Munich");
 * - a player is keyed by `playerKey(name)` of his canonical full name ("kim-min-jae"); a player the
 *   gazetteer lacks gets the key of the name as written, marked provisional.
 */

/** How far a link between a player and a club has gone. Ordered for the forward moves. */
export const STAGES = [
  "interest",
  "talks",
  "agreement",
  "medical",
  "official",
  "renewal",
  "collapsed",
] as const;
export type Stage = (typeof STAGES)[number];

/** The ladder a deal climbs; renewal and collapsed stand beside it. */
export const STAGE_RANK: Record<Stage, number> = {
  interest: 1,
  talks: 2,
  agreement: 3,
  medical: 4,
  official: 5,
  renewal: 5,
  collapsed: 0,
};

/** The article as understanding sees it. */
export interface ArticleText {
  /** Headline, when known. */
  title?: string;
  /** Lead or teaser, when known separately from the body. */
  lead?: string;
  /** Body text, plain (no HTML). */
  text: string;
  url?: string;
  outlet?: string;
}

/**
 * How sure the reading of the deciding clause is: "plain" is stated as fact; "hedged" carries a conditional, a
 * modal or a hedge ("potrebbe", "si parla di", "could", "set to"); "negated" is denied or still awaited ("manca
 * l'accordo"); "past" tells of an earlier time.
 */
export type Certainty = "plain" | "hedged" | "negated" | "past";

/** Why a link has its stage: the span of text that decided it, and how sure that reading is. */
export interface Evidence {
  /** The clause or sentence that decided the stage, as written (trimmed, at most about 240 characters). */
  text: string;
  certainty: Certainty;
}

export interface Link {
  /** Canonical club name. */
  club: string;
  /** The highest stage the article states plainly: the only stage that may ring. */
  stage: Stage;
  /**
   * A higher stage the article claims without certainty (hedged: "potrebbe chiudere", "set to sign"). Kept for
   * the digest as "reported by one outlet"; it never rings.
   */
  claimed?: Stage;
  /** The text that decided `stage` (or `claimed`, when set). */
  evidence?: Evidence;
}

export interface PlayerFacts {
  /** Stable key, see playerKey(). */
  key: string;
  /** Display name: the gazetteer's full name, or the name as written for a provisional player. */
  name: string;
  /** True when the gazetteer does not know him (youth, foreign leagues). */
  provisional: boolean;
  /** Where he belongs now (canonical club), when known. */
  club: string | null;
  /** Clubs he is rumoured to join (or renew with), each at one stage. */
  links: Link[];
}

export interface Extraction {
  language: "it" | "en";
  players: PlayerFacts[];
  /** Every club mentioned, canonical names, in order of first mention. */
  clubs: string[];
  /** Original sources the article cites ("Sport Bild", "Fabrizio Romano"). */
  cited: string[];
}

/** Turns an article into facts. Implementations are pure and synchronous. */
export interface Understander {
  extract(article: ArticleText): Extraction;
}

/** Accent-folded, lower-case, hyphenated: "Kim Min-Jae" → "kim-min-jae", "Füllkrug" → "fullkrug". */
export function playerKey(name: string): string {
  const latin = foldName(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  // A name in another script keeps its letters: "Иван Петров" must not share the empty key with "李刚".
  return latin && latinOnly(name) ? latin : scriptKey(name);
}

/** Lower-case with accents removed and ß/ø/æ/ł spelled out; spacing kept. */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/ß/g, "ss")
    .replace(/[øØ]/g, "o")
    .replace(/[æÆ]/g, "ae")
    .replace(/[łŁ]/g, "l")
    .replace(/[đĐ]/g, "d")
    .replace(/ı/g, "i")
    .toLowerCase();
}
