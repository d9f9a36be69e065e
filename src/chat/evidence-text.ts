/**
 * How every platform quotes evidence, before markup: plain strings holding feed text, which
 * each adapter escapes where it shows them (Telegram HTML, Discord markdown; popups and replies are plain).
 */
import type { EvidenceRef } from "../queues.js";

const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** «accordo raggiunto» — Gazzetta; the words cut to `max` characters. */
export function quoteEvidence(e: EvidenceRef, max = 240): string {
  return `«${cut(e.text, max)}» — ${e.outlet}`;
}
