import { describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.js";
import { en } from "../../../src/chat/messages/en.js";
import { it as itCatalogue } from "../../../src/chat/messages/it.js";

/**
 * Words that are the same in both languages on purpose: names, symbols, command syntax. Anything else
 * equal in the two catalogues is an English string left in the Italian one.
 */
const SAME_IN_BOTH = new Set<string>();

/** Arguments that exercise every branch of a message function: counts 1 and 3, true and false. */
const SAMPLES: unknown[][] = [["X", "Y", "Z"], [1, 1], [3, 3], [true], [false]];

/** Every leaf of a catalogue, functions called with each sample, as "path → text". */
function leaves(node: unknown, path = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === "string") out.set(path, node);
  else if (typeof node === "function")
    SAMPLES.forEach((args, i) => {
      out.set(`${path}#${i}`, String((node as (...a: unknown[]) => string)(...args)));
    });
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node))
      for (const [p, t] of leaves(v, path ? `${path}.${k}` : k)) out.set(p, t);
  return out;
}

describe("the message catalogue", () => {
  const english = leaves(en);
  const italian = leaves(itCatalogue);

  it("should have the same keys in both languages", () => {
    expect([...italian.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("should translate every string: none is the same in Italian as in English", () => {
    const untranslated = [...english]
      .filter(([path, text]) => italian.get(path) === text && !SAME_IN_BOTH.has(path))
      // Pure symbols, numbers or names carry no language.
      .filter(([, text]) => /\p{L}{3,}/u.test(text));
    expect(untranslated).toEqual([]);
  });

  it("should have a label in both languages for every argument of every command", () => {
    for (const c of commands)
      for (const a of c.args) {
        expect((en.arg as Record<string, string>)[a.name], `${c.name} ${a.name}`).toBeTruthy();
        expect((itCatalogue.arg as Record<string, string>)[a.name], `${c.name} ${a.name}`).not.toBe(
          (en.arg as Record<string, string>)[a.name],
        );
        expect(a.description.it).not.toBe(a.description.en);
      }
  });

  it("should describe every command differently in the two languages", () => {
    for (const c of commands) expect(c.description.it, c.name).not.toBe(c.description.en);
  });
});
