/**
 * A cue list written as `a | b | c` across lines: kept as one string so the formatter leaves long word lists
 * compact and readable.
 */
export function cues(list: string): string[] {
  return list
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean);
}
