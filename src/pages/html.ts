/**
 * HTML built by template functions, escaped by default. Every string on a page came from a feed (titles,
 * outlets, names as written, evidence sentences), so `html` escapes each interpolated value unless it is
 * itself markup made by `html` (a RawHtml). Nothing reaches a page raw by accident.
 */
import { escapeHtml } from "../text/escape-html.js";

/** Markup already escaped; only `html` and `raw` make one. */
export class RawHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export { escapeHtml };

type Value = string | number | RawHtml | null | undefined | false | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof RawHtml) return v.value;
  if (Array.isArray(v)) return v.map(render).join("");
  return escapeHtml(String(v));
}

/** A template tag: `html\`<p>${title}</p>\`` escapes `title`; arrays are joined; null/false print nothing. */
export function html(strings: TemplateStringsArray, ...values: Value[]): RawHtml {
  let out = strings[0] ?? "";
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? "");
  return new RawHtml(out);
}

/** Trusted markup made by this code (never feed text). */
export const raw = (s: string) => new RawHtml(s);

/** Only web links become hrefs: a feed could carry `javascript:` or `data:` URLs. Null otherwise. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return (u.protocol === "https:" || u.protocol === "http:") && u.href.length <= 2000 ? u.href : null;
  } catch {
    return null;
  }
}

/** Feed text cut to `max` characters before escaping, so no entity is cut in half. */
export const cut = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
