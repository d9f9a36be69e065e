import { z } from "zod";

/**
 * A name argument as fans type it: trimmed, 2–60 characters, at least two letters (emoji-only and
 * punctuation-only input is refused before it reaches the stores).
 */
export const nameArg = z
  .string({ error: "missing" })
  .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(2, "too short")
      .max(60, "too long")
      .refine((s) => (s.match(/\p{L}/gu)?.length ?? 0) >= 2, "needs letters"),
  );
