/**
 * Splits a reply into messages of at most `max` characters (UTF-16 units, never fewer than a platform
 * counts), between lines; a line too long for one message is cut, never inside a surrogate pair or
 * right after an escaping backslash. Nothing is dropped: the parts joined with "\n" give the text back
 * (hard cuts aside).
 */
export function splitText(text: string, max: number): string[] {
  const parts: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim()) parts.push(current);
    current = "";
  };
  for (const line of text.split("\n")) {
    const pieces = line.length <= max ? [line] : cutLine(line, max);
    for (const piece of pieces) {
      if (!current) current = piece;
      else if (current.length + 1 + piece.length <= max) current += `\n${piece}`;
      else {
        flush();
        current = piece;
      }
    }
  }
  flush();
  return parts.length ? parts : [text.slice(0, max)];
}

/** Cuts one over-long line into pieces of at most `max`. */
function cutLine(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = max;
    // Not between the halves of a surrogate pair.
    if (/[\ud800-\udbff]/.test(rest[cut - 1]!)) cut--;
    // Not after an odd run of backslashes: the escape and what it escapes stay together.
    const run = /\\+$/.exec(rest.slice(0, cut))?.[0].length ?? 0;
    if (run % 2 === 1) cut--;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}
