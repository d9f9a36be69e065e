import type { z } from "zod";
import { messages } from "../src/chat/messages/index.js";
import type { Lang } from "./types.js";

/** Schema messages that are catalogue keys: a command's schema names the problem, the catalogue words it. */
export type IssueKey = keyof ReturnType<typeof messages>["issue"];

/**
 * A validation problem in the chat's language: the catalogue's word for its kind, never zod's own text
 * (it is English and speaks of types and characters).
 */
export function issueText(issue: z.core.$ZodIssue, lang: Lang): string {
  const words = messages(lang).issue;
  if (issue.message in words) return words[issue.message as IssueKey];
  switch (issue.code) {
    case "invalid_type":
      return words.missing;
    case "too_small":
      return words.tooShort;
    case "too_big":
      return words.tooLong;
    default:
      return words.invalid;
  }
}
