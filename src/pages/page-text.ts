/**
 * The words of the rumour pages in Italian and English, and how dates are shown (Rome time, the
 * transfer market's clock). Stage names are the chats' own (alert-model.ts).
 */
import type { Lang } from "../../commands/types.js";

const WORDS = {
  en: {
    club: "Club",
    timeline: "Timeline",
    date: "Date",
    stage: "Stage",
    outlets: "Outlets",
    cited: "Cited sources",
    evidence: "Evidence",
    article: "article",
    alive: "alive",
    stale: "stale",
    collapsed: "collapsed",
    firstSeen: "first seen",
    lastSeen: "last seen",
    incoming: "Incoming",
    outgoing: "Outgoing",
    noRumours: "No recent rumours.",
    notFound: "Nothing here: no recent rumours under this name.",
    tooMany: "Too many requests: try again in a minute.",
    inTheNews: "In the news this week",
    articles: (n: number) => `${n} article${n === 1 ? "" : "s"}`,
    outletCount: (n: number) => `${n} outlet${n === 1 ? "" : "s"}`,
    tier: (t: number) => `tier ${t}`,
    lanes: (player: string) => `Timeline of ${player}: one lane per club, one dot per article`,
    home: "Mercato Radar",
    other: "Italiano",
  },
  it: {
    club: "Squadra",
    timeline: "Cronologia",
    date: "Data",
    stage: "Fase",
    outlets: "Testate",
    cited: "Fonti citate",
    evidence: "Prova",
    article: "articolo",
    alive: "viva",
    stale: "ferma",
    collapsed: "saltata",
    firstSeen: "prima notizia",
    lastSeen: "ultima notizia",
    incoming: "In entrata",
    outgoing: "In uscita",
    noRumours: "Nessuna voce recente.",
    notFound: "Qui non c'è niente: nessuna voce recente con questo nome.",
    tooMany: "Troppe richieste: riprova tra un minuto.",
    inTheNews: "I più citati della settimana",
    articles: (n: number) => `${n} ${n === 1 ? "articolo" : "articoli"}`,
    outletCount: (n: number) => `${n} ${n === 1 ? "testata" : "testate"}`,
    tier: (t: number) => `livello ${t}`,
    lanes: (player: string) => `Cronologia di ${player}: una corsia per squadra, un punto per articolo`,
    home: "Mercato Radar",
    other: "English",
  },
} as const;

export type PageWords = (typeof WORDS)[Lang];

export function pageWords(lang: Lang): PageWords {
  return WORDS[lang];
}

const DAY = {
  en: new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Europe/Rome",
  }),
  it: new Intl.DateTimeFormat("it-IT", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "Europe/Rome",
  }),
};
const KEY = new Intl.DateTimeFormat("en-CA", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/Rome",
});

/** "12 Jan 2026" / "12 gen 2026", Rome time. */
export const showDay = (iso: string, lang: Lang) => DAY[lang].format(new Date(iso));
/** "2026-01-12", Rome time: the key that groups a day's articles. */
export const dayKey = (iso: string) => KEY.format(new Date(iso));
