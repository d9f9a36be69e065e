import { readFile } from "node:fs/promises";
import { basename } from "node:path";

/** An article kept as a plain-text file: `key: value` header lines, a blank line, then the text. */
export interface ArticleFile {
  file: string;
  url: string | null;
  outlet: string | null;
  /** As written in the header (usually YYYY-MM-DD), or null. */
  date: string | null;
  title: string | null;
  text: string;
}

const HEADER = /^([a-z_]+):\s?(.*)$/i;

/**
 * Parses the article-file format. Header lines are optional; a file without a blank line after
 * `key: value` lines is all text.
 */
export function parseArticleFile(file: string, content: string): ArticleFile {
  const lines = content.replace(/^\uFEFF/, "").split(/\r?\n/);
  const headers: Record<string, string> = {};
  let i = 0;
  while (i < lines.length && HEADER.test(lines[i]!)) {
    const [, k, v] = HEADER.exec(lines[i]!)!;
    headers[k!.toLowerCase()] = v!.trim();
    i++;
  }
  const headerEnded = i > 0 && i < lines.length && lines[i]!.trim() === "";
  const body = headerEnded ? lines.slice(i + 1) : lines;
  const h = headerEnded ? headers : {};
  const nonEmpty = (v: string | undefined) => (v && v !== "unknown" ? v : null);
  return {
    file,
    url: nonEmpty(h.url),
    outlet: nonEmpty(h.outlet),
    date: nonEmpty(h.date),
    title: nonEmpty(h.title),
    text: body.join("\n").trim(),
  };
}

export async function readArticleFile(path: string): Promise<ArticleFile> {
  return parseArticleFile(path, await readFile(path, "utf8"));
}

/** A display name for an article file: its basename without extension. */
export function articleFileName(path: string): string {
  return basename(path).replace(/\.[a-z]+$/i, "");
}
