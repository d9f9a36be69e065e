/**
 * Telegram's HTML parse mode as the Bot API checks it: only its tags, balanced; `<`, `>` and `&` only as
 * part of a tag or an entity. Returns the visible text (what Telegram counts against 4096), or the
 * reason Telegram would give for refusing it.
 */
const TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "a",
  "code",
  "pre",
  "span",
  "tg-spoiler",
  "tg-emoji",
  "blockquote",
]);
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeEntity(name: string): string | null {
  if (name in NAMED) return NAMED[name]!;
  const m = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (!m) return null;
  const code =
    m[1]!.startsWith("x") || m[1]!.startsWith("X") ? Number.parseInt(m[1]!.slice(1), 16) : Number(m[1]);
  return String.fromCodePoint(code);
}

/** Decodes the entities of a text or attribute run; null when a bare `&` or `>` is found. */
function decode(run: string): string | null {
  if (run.includes(">")) return null;
  let out = "";
  for (let i = 0; i < run.length; i++) {
    const c = run[i]!;
    if (c !== "&") {
      out += c;
      continue;
    }
    const end = run.indexOf(";", i);
    const decoded = end > i ? decodeEntity(run.slice(i + 1, end)) : null;
    if (decoded === null) return null;
    out += decoded;
    i = end;
  }
  return out;
}

export type HtmlCheck = { ok: true; text: string } | { ok: false; error: string };

export function checkTelegramHtml(html: string): HtmlCheck {
  const stack: string[] = [];
  let text = "";
  const tag = /<(\/?)([a-z-]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/gy;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const run = decode(html.slice(i, lt === -1 ? html.length : lt));
    if (run === null)
      return { ok: false, error: `can't parse entities: unescaped character near byte offset ${i}` };
    text += run;
    if (lt === -1) break;
    tag.lastIndex = lt;
    const m = tag.exec(html);
    if (!m) return { ok: false, error: `can't parse entities: unsupported start tag at byte offset ${lt}` };
    const [whole, closing, name = "", attrs = ""] = m;
    if (!TAGS.has(name)) return { ok: false, error: `can't parse entities: unsupported start tag "${name}"` };
    if (closing) {
      if (stack.pop() !== name)
        return { ok: false, error: `can't parse entities: unmatched end tag "${name}"` };
    } else {
      if (name === "a" && !/\shref="[^"]+"/.test(attrs))
        return { ok: false, error: "can't parse entities: a without href" };
      for (const v of attrs.matchAll(/="([^"]*)"/g)) {
        if (decode(v[1]!) === null) return { ok: false, error: "can't parse entities: bad attribute value" };
      }
      stack.push(name);
    }
    i = lt + whole.length;
  }
  if (stack.length) return { ok: false, error: `can't parse entities: unclosed tag "${stack.at(-1)}"` };
  return { ok: true, text };
}
