import { nameKey } from "../text/clean-text.js";
import { playerKey } from "../understand/types.js";

/**
 * The key a watched player or followed club is stored under. Latin names get the extractor's
 * playerKey (so fanout and existing data match); names in other scripts keep their letters instead of
 * folding to an empty key that every such name would share.
 */
export function subscriptionKey(name: string): string {
  return nameKey(name, playerKey);
}
