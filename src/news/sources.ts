import { readFileSync } from "node:fs";
import { z } from "zod";

/** One feed we poll. */
export const SourceSchema = z.strictObject({
  /** Stable slug: it names the source's Redis keys and poll jobs, so no ':' and never digits only. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,99}$/, "a slug of a-z, 0-9 and '-' (at most 100 characters)")
    .refine((id) => !/^\d+$/.test(id), "not digits only (BullMQ job ids)"),
  /** The outlet as readers know it: "TuttoMercatoWeb". */
  name: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** Poll interval; the configured default (POLL_INTERVAL_SECONDS) when absent. */
  intervalSeconds: z.number().int().min(30).max(86_400).optional(),
  /** BCP 47 language of the feed's text, "it" or "en-GB": tells understanding which cue words to use. */
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, "a language tag such as it or en-GB"),
});
export type Source = z.infer<typeof SourceSchema>;

/** The sources file: a list of sources with unique ids and unique URLs. */
export const SourcesFileSchema = z
  .array(SourceSchema)
  .min(1)
  .max(1000)
  .superRefine((sources, ctx) => {
    for (const field of ["id", "url"] as const) {
      const seen = new Set<string>();
      sources.forEach((s, i) => {
        if (seen.has(s[field]))
          ctx.addIssue({ code: "custom", path: [i, field], message: `duplicate ${field}` });
        seen.add(s[field]);
      });
    }
  });

/** Thrown by loadSources; the message names the file and every problem in it. */
export class SourcesFileError extends Error {
  override readonly name = "SourcesFileError";
  constructor(
    readonly path: string,
    readonly problems: string[],
    options?: { cause?: unknown },
  ) {
    super(`Invalid sources file ${path}:\n${problems.map((p) => `  - ${p}`).join("\n")}`, options);
  }
}

/**
 * Reads and validates the sources file (JSON: an array of {@link Source}).
 * @throws SourcesFileError when the file can't be read, isn't JSON, or doesn't match the schema.
 */
export function loadSources(path: string): Source[] {
  let json: unknown;
  let text = "";
  try {
    text = readFileSync(path, "utf8");
    json = JSON.parse(text);
  } catch (err) {
    throw new SourcesFileError(path, [withLine((err as Error).message, text)], { cause: err });
  }
  return parseSources(json, path);
}

/**
 * Adds the line and column to a JSON syntax error that gives only a position (Node 20 does), so whoever
 * edits the file by hand knows where to look.
 */
export function withLine(message: string, text: string): string {
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1]));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return `${message} (line ${line} column ${column})`;
}

/**
 * Validates already-parsed sources JSON; `origin` names it in errors.
 * @throws SourcesFileError naming each bad entry by index, id and field (`3 (gazzetta).url: Invalid URL`).
 */
export function parseSources(json: unknown, origin = "(sources)"): Source[] {
  const parsed = SourcesFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const idAt = (i: PropertyKey | undefined) => {
    const id =
      Array.isArray(json) && typeof i === "number" ? (json[i] as { id?: unknown } | undefined)?.id : null;
    return typeof id === "string" ? ` (${id})` : "";
  };
  const problems = parsed.error.issues.map((issue) => {
    const [first, ...rest] = issue.path;
    const where =
      first === undefined ? "(root)" : [`${String(first)}${idAt(first)}`, ...rest.map(String)].join(".");
    return `${where}: ${issue.message}`;
  });
  throw new SourcesFileError(origin, problems, { cause: parsed.error });
}
