import type { PlayerRef } from "./article.js";
import type { Dictionaries } from "./dictionaries.js";
import type { PlayerEntry } from "./gazetteer.js";
import type { NameMention, Scan } from "./mentions.js";
import { NOT_NAMES } from "./role-cues.js";
import type { Token } from "./tokens.js";
import { playerKey, STAGES } from "./types.js";

const NOT_NAME = new Set(NOT_NAMES);
/** Words allowed between a staff cue and the name ("il tecnico del Milan X" stops at the club). */
const ARTICLES = new Set(["il", "l", "lo", "la", "dal", "dall", "del", "dell", "da", "di"]);
const YEARS = new Set(["anni", "year", "years"]);
const DETERMINERS = new Set(["il", "l", "lo", "the", "un", "a"]);
const STAGE_SET = new Set<string>(STAGES);
const AGE = /^(\d{2})enne$|^u\d{2}$/;
const YEAR = /^(19[89]\d|20[01]\d)$/;

/**
 * Turns name mentions into the article's players: full names as found; surname-only mentions resolved to a
 * full name seen in the article, else to the one known player of that surname whose club the article names;
 * typos and common-word surnames only in a transfer context; unknown capitalised names next to player cues
 * ("il difensore X", "X, classe 2006") become provisional players. Names right after a staff cue
 * ("il tecnico X", "secondo X") are never players.
 */
export function resolvePlayers(
  tokens: readonly Token[],
  s: Scan,
  d: Dictionaries,
  clubs: Set<string>,
): PlayerRef[] {
  const refs = new Map<string, PlayerRef>();
  const cueEnd = new Map<number, readonly string[]>();
  const transferSents = new Set<number>();
  for (const c of s.cues) {
    cueEnd.set(c.end, c.kinds);
    if (c.kinds.some((k) => STAGE_SET.has(k) || k === "move")) transferSents.add(c.sent);
  }
  const afterStaff = (start: number) => {
    for (let k = start; k >= start - 2 && k > 0; k--) {
      if (cueEnd.get(k)?.includes("staff")) return true;
      if (k < start && !ARTICLES.has(tokens[k]!.norm)) break;
    }
    return false;
  };
  const add = (entry: PlayerEntry | undefined, name: string, m: NameMention, provisional: boolean) => {
    const key = entry?.key ?? playerKey(name);
    let ref = refs.get(key);
    if (!ref) {
      ref = { key, name: entry?.name ?? name, provisional, mentions: [] };
      if (entry) ref.entry = entry;
      refs.set(key, ref);
    }
    ref.mentions.push(m);
  };
  const full = s.names.filter((m) => m.entry && !afterStaff(m.start));
  for (const m of full) add(m.entry, m.entry!.name, m, false);
  const seenSurname = new Map<string, PlayerEntry>();
  for (const m of full) {
    // Either end of a full name can come back alone ("Gomez", or "Kim" of "Kim Min-Jae").
    seenSurname.set(tokens[m.end - 1]!.norm, m.entry!);
    seenSurname.set(tokens[m.start]!.norm, m.entry!);
  }
  for (const m of s.names) {
    if (m.entry || !m.candidates || afterStaff(m.start)) continue;
    const seen = seenSurname.get(m.surname!) ?? m.candidates.find((c) => refs.has(c.key));
    let pick: PlayerEntry | undefined = seen;
    if (!pick) {
      const fit = m.candidates.filter((c) => (c.clubs ?? [c.club]).some((k) => k && clubs.has(k)));
      if (fit.length === 1) pick = fit[0];
      else if (m.candidates.length === 1 && !m.typo && m.surname!.length >= 5 && transferSents.has(m.sent)) {
        pick = m.candidates[0];
      }
      if (pick && (m.typo || m.common) && !transferSents.has(m.sent)) pick = undefined;
    }
    if (pick) add(pick, pick.name, m, false);
  }
  provisionals(tokens, s, d, cueEnd, afterStaff, (name, m) => add(undefined, name, m, true));
  return [...refs.values()].sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
}

/** Unknown capitalised names with a player cue beside them. */
function provisionals(
  tokens: readonly Token[],
  s: Scan,
  d: Dictionaries,
  cueEnd: Map<number, readonly string[]>,
  afterStaff: (start: number) => boolean,
  add: (name: string, m: NameMention) => void,
): void {
  const found = new Map<string, string>();
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    if (!t.cap || s.covered[i] || s.blocked.has(i) || NOT_NAME.has(t.norm) || /^\d/.test(t.norm)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < n &&
      j - i < 3 &&
      tokens[j]!.cap &&
      !s.covered[j] &&
      tokens[j]!.sent === t.sent &&
      /^[\s-]+$/.test(tokens[j]!.gap) &&
      !NOT_NAME.has(tokens[j]!.norm)
    ) {
      j++;
    }
    const name = tokens
      .slice(i, j)
      .map((x) => x.text)
      .join(" ");
    const key = tokens
      .slice(i, j)
      .map((x) => x.norm)
      .join(" ");
    const last = tokens[j - 1]!.norm;
    const m: NameMention = { start: i, end: j, sent: t.sent };
    const known = found.get(key) ?? found.get(last);
    const firstOfSentence = i === 0 || tokens[i - 1]!.sent !== t.sent;
    if (known) add(known, m);
    else if (
      !afterStaff(i) &&
      !d.peopleSurnames.has(last) &&
      (cueBefore(i) || cueAfter(j)) &&
      !(firstOfSentence && j - i === 1 && !cueAfter(j))
    ) {
      found.set(key, name);
      found.set(last, name);
      add(name, m);
    }
    i = j;
  }

  function cueBefore(at: number): boolean {
    const sent = tokens[at]!.sent;
    const prev = tokens[at - 1];
    if (!prev || prev.sent !== sent || /[,.;:]/.test(tokens[at]!.gap)) return false;
    if (AGE.test(prev.norm)) return true;
    if (YEAR.test(prev.norm) && tokens[at - 2]?.norm === "classe") return true;
    // "il difensore X", "l'esterno brasiliano X" (the nationality is a player noun too), "defender X".
    return cueEnd.get(at)?.includes("pnoun") ?? false;
  }

  function cueAfter(at: number): boolean {
    const w = tokens[at];
    if (!w || !/^\s*[,(]\s*$/.test(w.gap)) return false;
    if (w.norm === "classe" || AGE.test(w.norm) || YEAR.test(w.norm)) return true;
    if (/^\d{2}$/.test(w.norm) && YEARS.has(tokens[at + 1]?.norm ?? "")) return true;
    if (DETERMINERS.has(w.norm)) {
      if (/^\d{2}$/.test(tokens[at + 1]?.norm ?? "") && tokens[at + 2]?.norm === "year") return true;
      return cueEnd.get(at + 2)?.includes("pnoun") ?? false;
    }
    return cueEnd.get(at + 1)?.includes("pnoun") ?? false;
  }
}
