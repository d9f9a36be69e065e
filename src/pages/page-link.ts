/**
 * The addresses of the rumour pages, as alerts and /latest link it. The page routes (page-routes.ts)
 * answer `/p/<player-key>`; the language travels as `?lang=` so the page speaks the chat's language.
 */
import type { Lang } from "../../commands/types.js";
import { clubSlug } from "../rumours/rumour-store.js";

/** `${publicUrl}/p/<key>?lang=<lang>`; `publicUrl` is PUBLIC_URL, without a trailing slash. */
export function playerPageUrl(publicUrl: string, playerKey: string, lang: Lang): string {
  return `${publicUrl}/p/${encodeURIComponent(playerKey)}?lang=${lang}`;
}

/** `${publicUrl}/c/<club slug>?lang=<lang>`: the club page, under the slug the store keys it by. */
export function clubPageUrl(publicUrl: string, club: string, lang: Lang): string {
  return `${publicUrl}/c/${encodeURIComponent(clubSlug(club))}?lang=${lang}`;
}
