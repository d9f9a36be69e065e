/**
 * A small well-formedness check of a rendered page, without a validator package: the doctype, a `lang`,
 * a phone viewport, every tag closed in order (void elements and `/>` aside), every attribute quoted,
 * every `&` an entity, and no script anywhere. Returns the problems found; empty when none.
 */
const VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
]);
const ATTRS = /^(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"<>]*")?)*\s*\/?$/;

export function htmlProblems(page: string): string[] {
  const problems: string[] = [];
  if (!page.startsWith("<!DOCTYPE html>")) problems.push("no <!DOCTYPE html> first");
  if (!/<html lang="(it|en)">/.test(page)) problems.push("no <html lang>");
  if (!/<meta name="viewport" content="width=device-width, initial-scale=1">/.test(page))
    problems.push("no viewport meta");
  if (!/<meta charset="utf-8">/.test(page)) problems.push("no charset meta");
  if (/<script/i.test(page)) problems.push("a <script> tag");
  const bad = /&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)/.exec(page);
  if (bad) problems.push(`a bare & at ${bad.index}: ${page.slice(bad.index, bad.index + 20)}`);
  // The style sheet is the page's own; its text holds no markup.
  const body = page.replace(/<style>[^<]*<\/style>/, "<style></style>").replace(/^<!DOCTYPE html>/, "");
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g)) {
    const [, closing, rawName, attrs] = m;
    const name = rawName!.toLowerCase();
    if (closing) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? "nothing"}>`);
      continue;
    }
    if (!ATTRS.test(attrs!)) problems.push(`<${name}> with unquoted or broken attributes: ${attrs}`);
    for (const a of attrs!.matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="[^"]*")?/g))
      if (/^on/i.test(a[1]!)) problems.push(`<${name}> with an event attribute ${a[1]}`);
    if (!VOID.has(name) && !attrs!.endsWith("/")) stack.push(name);
  }
  if (stack.length) problems.push(`never closed: ${stack.join(", ")}`);
  // Anything that looks like a tag but was not read as one ("<" in text) is a broken escape.
  if (/<(?![/!a-zA-Z])/.test(body)) problems.push("a bare < in text");
  return problems;
}
