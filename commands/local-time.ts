import { DateTime } from "luxon";
import type { Lang } from "./types.js";

/** An instant as the chat reads it, in its zone and language: "lun 12 gen 11:00". */
export function localTime(at: Date, zone: string, lang: Lang): string {
  return DateTime.fromJSDate(at, { zone }).setLocale(lang).toFormat("ccc d LLL HH:mm");
}
