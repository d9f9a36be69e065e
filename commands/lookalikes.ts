/** Cyrillic and Greek letters that look like Latin ones, as spoofed names use them. */
const LATIN: Record<string, string> = {
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ӏ: "l",
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  α: "a",
  ο: "o",
  ν: "v",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Χ: "X",
};
const CLASS = `[${Object.keys(LATIN).join("")}]`;
const HAS_LOOKALIKE = new RegExp(CLASS, "u");
const LOOKALIKES = new RegExp(CLASS, "gu");

/**
 * A word mixing Latin letters with Cyrillic or Greek look-alikes ("Міlan") is read as the Latin word it
 * imitates, so it finds the club it looks like instead of odd suggestions; names wholly in another
 * script are left as they are.
 */
export function foldLookalikes(s: string): string {
  return s.replace(/\S+/gu, (word) =>
    /\p{Script=Latin}/u.test(word) && HAS_LOOKALIKE.test(word)
      ? word.replace(LOOKALIKES, (c) => LATIN[c]!)
      : word,
  );
}
