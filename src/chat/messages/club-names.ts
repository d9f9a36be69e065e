import type { Lang } from "../../../commands/types.js";

/**
 * Clubs whose Italian name differs from the canonical (English) one the stores use. Keys stay canonical
 * everywhere; only what a chat reads is translated, so a club is followed once whatever its language.
 */
const ITALIAN: Record<string, string> = {
  "Bayern Munich": "Bayern Monaco",
  "RB Leipzig": "Lipsia",
  Stuttgart: "Stoccarda",
  "Eintracht Frankfurt": "Eintracht Francoforte",
  "FC Köln": "Colonia",
  Mainz: "Magonza",
  "Werder Bremen": "Werder Brema",
  "Hamburger SV": "Amburgo",
  Freiburg: "Friburgo",
  Sevilla: "Siviglia",
  Marseille: "Marsiglia",
  Lyon: "Lione",
  Nice: "Nizza",
  "Sporting CP": "Sporting Lisbona",
  "Red Bull Salzburg": "Salisburgo",
  "AEK Athens": "AEK Atene",
  "Partizan Belgrade": "Partizan Belgrado",
  "Red Star Belgrade": "Stella Rossa",
  Basel: "Basilea",
  "Slavia Prague": "Slavia Praga",
  "Sparta Prague": "Sparta Praga",
};

/** A club's name as the chat reads it: "Bayern Monaco" in Italian, "Bayern Munich" in English. */
export function clubName(name: string, lang: Lang): string {
  return lang === "it" ? (ITALIAN[name] ?? name) : name;
}
