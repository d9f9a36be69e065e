/** Telegram's limit for a /start payload: 64 characters of A-Z, a-z, 0-9, _ and -. */
const MAX_PAYLOAD = 64;

/**
 * The link fans share to say "watch this player": `https://t.me/<bot>?start=watch_Kim_Min-Jae`.
 * Spaces become underscores; accents are dropped because the payload allows only ASCII letters, digits,
 * `_` and `-` (the name matcher folds accents anyway).
 */
export function watchDeepLink(botUsername: string, playerName: string): string {
  const name = playerName
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .trim()
    .replace(/\s+/g, "_")
    .replace(/[^A-Za-z0-9_-]/g, "");
  return `https://t.me/${botUsername}?start=${`watch_${name}`.slice(0, MAX_PAYLOAD)}`;
}

/** The player a /start payload asks to watch ("watch_Kim_Min-Jae" → "Kim Min-Jae"), or null. */
export function parseWatchPayload(payload: string): string | null {
  const m = /^watch_([A-Za-z0-9_-]+)$/.exec(payload.trim());
  return m ? m[1]!.replace(/_+/g, " ").trim() || null : null;
}
