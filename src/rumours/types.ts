import type { z } from "zod";
import type { ArticleRef, ChangeKindSchema } from "../queues.js";
import type { Stage } from "../understand/types.js";

export type ChangeKind = z.infer<typeof ChangeKindSchema>;

/** One link over time: a player and a club. */
export interface Rumour {
  playerKey: string;
  playerName: string;
  /** The player's own club when the last article said it (absent in rumours stored before it existed). */
  playerClub?: string | null;
  club: string;
  stage: Stage;
  firstSeen: string;
  lastSeen: string;
  /**
   * Every stage the link went through, oldest first (bounded), with the words that decided it and the
   * outlet that carried them (absent in entries stored before evidence, or when the extractor gave none),
   * and the article's URL (absent in entries stored before it).
   */
  history: { stage: Stage; at: string; url?: string; evidence?: string; outlet?: string }[];
  /** Distinct outlets that carried it (bounded). */
  outlets: string[];
  /** Original sources the articles cited (bounded). */
  cited: string[];
  /** The best articles, lead first (at most 3). */
  articles: ArticleRef[];
  /**
   * Higher stages reported without certainty (hedged, negated, conditional), one per stage and outlet,
   * latest kept (bounded). They never ring; the digest and /latest show them as "reported by N outlets".
   */
  claims?: Claim[];
  /**
   * The article that last moved the link, and how: a retried ingest of that article (its first attempt
   * died after writing) gets the same change back instead of a silent repeat. Absent before it existed.
   */
  lastMove?: {
    url: string;
    kind: ChangeKind;
    stage: Stage;
    previous: Stage | null;
    evidence?: { evidence: string; outlet: string };
  };
}

/** A stage one outlet reported without certainty. */
export interface Claim {
  stage: Stage;
  outlet: string;
  at: string;
  /** The words of the claim, cut to EVIDENCE_MAX characters. */
  text?: string;
}

/** One article of a link as its page shows it: a dot on the timeline. */
export interface Sighting {
  url: string;
  title: string;
  outlet: string;
  /** When the article counts as seen (ISO). */
  at: string;
  /** The stage this article stated plainly for the link. */
  stage: Stage;
  /** Original sources the article cited (a few). */
  cited: string[];
}
