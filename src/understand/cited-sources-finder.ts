import type { Scan } from "./mentions.js";
import type { Tokens } from "./tokens.js";

const CITE = new Set([
  "secondo",
  "riporta",
  "riportato",
  "riportano",
  "riferisce",
  "riferito",
  "scrive",
  "svela",
  "rivela",
  "edizione",
  "colonne",
  "quotidiano",
  "according",
  "reports",
  "reported",
  "report",
  "per",
  "via",
  "told",
  "da",
  "dalla",
  "dal",
  "dall",
  "di",
  "su",
  "come",
  "lo",
  "sottolineato",
  "spiegato",
  "annunciato",
  "says",
  "said",
  "claims",
]);

/** "(Tuttosport)": a gossip column's credit, a source name alone in brackets. */
function bracketed(tokens: Tokens, start: number, end: number): boolean {
  const src = tokens.source;
  const from = tokens.start[start]!;
  const to = tokens.end[end - 1]!;
  return from > 0 && src.charCodeAt(from - 1) === 40 && src.charCodeAt(to) === 41;
}

/**
 * The sources an article cites, in order of first mention. A one-word source ("Tuttosport") needs a citing word
 * near it ("secondo", "riporta", "according to") or brackets of its own; the article's own outlet and "the channel of X" are not cited.
 */
export function citedSources(tokens: Tokens, s: Scan, outlet: string | undefined): string[] {
  const own = (outlet ?? "").toLowerCase().replace(/^www\./, "");
  const out: string[] = [];
  for (const m of s.sources) {
    const words = m.end - m.start;
    const domainish = words > 1;
    let cite = false;
    let channel = false;
    for (let k = Math.max(0, m.start - 5); k < m.start; k++) {
      const w = tokens.norm(k);
      cite ||= CITE.has(w);
      if (k >= m.start - 3) channel ||= w === "canale" || w === "channel";
    }
    if (!domainish && !cite && !bracketed(tokens, m.start, m.end)) continue;
    if (channel) continue;
    const flat = m.name.toLowerCase().replace(/[^a-z0-9]/g, "");
    if (own && flat && own.replace(/[^a-z0-9]/g, "").startsWith(flat)) continue;
    if (!out.includes(m.name)) out.push(m.name);
  }
  return out;
}
