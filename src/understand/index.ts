/**
 * understand/: article text in, players, clubs, links with stages and cited sources out. Pure: no Redis,
 * no network, no clock.
 */

export { type ExtractJson, toExtractJson } from "./extract-json.js";
// Extraction
export { createUnderstander } from "./extractor.js";
// Gazetteer
export {
  type ClubEntry,
  createGazetteer,
  type Gazetteer,
  type GazetteerData,
  loadGazetteer,
  type PersonEntry,
  type PlayerEntry,
} from "./gazetteer.js";
export {
  type ArticleText,
  type Extraction,
  foldName,
  type Link,
  type PlayerFacts,
  playerKey,
  STAGE_RANK,
  STAGES,
  type Stage,
  type Understander,
} from "./types.js";
