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
  /** Every stage the link went through, oldest first (bounded). */
  history: { stage: Stage; at: string }[];
  /** Distinct outlets that carried it (bounded). */
  outlets: string[];
  /** Original sources the articles cited (bounded). */
  cited: string[];
  /** The best articles, lead first (at most 3). */
  articles: ArticleRef[];
}
