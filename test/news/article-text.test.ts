import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/news/article-text.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";

const page = (name: string) => readFileSync(new URL(`../fixtures/pages/${name}`, import.meta.url), "utf8");
/** Everyone the page's furniture names: menu, cookie banner, caption, "leggi anche", related, tags, comments, footer. */
const FURNITURE_NAMES = [
  "Vlahovic",
  "Lautaro",
  "Osimhen",
  "Kvaratskhelia",
  "Koopmeiners",
  "Lukaku",
  "Frattesi",
  "Dybala",
  "Leão",
  "Bremer",
  "Theo Hernandez",
  "Leao",
];

describe("extractArticle", () => {
  it("should keep title, standfirst and body apart, and none of the page's furniture", () => {
    const a = extractArticle(page("milan-difesa.html"));
    expect(a?.title).toBe("Calciomercato Milan, si pensa alla difesa per gennaio");
    expect(a?.lead).toMatch(/^I rossoneri cercano un centrale di esperienza/);
    expect(a?.body).toMatch(/^Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae\./);
    expect(a?.body.split("\n\n")).toHaveLength(3);
    const all = `${a?.title}\n${a?.lead}\n${a?.body}`;
    for (const name of FURNITURE_NAMES) expect(all).not.toContain(name);
    expect(all).not.toMatch(/cookie|Condividi|Commenti|Leggi anche|P\.IVA/i);
    expect(a?.paywalled).toBe(false);
  });

  it("should give extraction only the article's players", () => {
    const a = extractArticle(page("milan-difesa.html"))!;
    const facts = createUnderstander(loadGazetteer()).extract({ title: a.title, lead: a.lead, text: a.body });
    expect(facts.players.map((p) => p.key)).toEqual(["kim-min-jae"]);
    expect(facts.players[0]?.links.map((l) => l.club)).toContain("Milan");
  });

  it("should take the first paragraph for the lead when the page marks no standfirst", () => {
    const paragraphs = ["Primo paragrafo con la notizia.", "Secondo paragrafo.", "Terzo paragrafo."]
      .map((p) => `<p>${p} ${"Testo di contorno che allunga il paragrafo. ".repeat(4)}</p>`)
      .join("");
    const a = extractArticle(`<html><body><article><h1>Titolo</h1>${paragraphs}</article></body></html>`);
    expect(a?.lead).toMatch(/^Primo paragrafo/);
    expect(a?.body).toMatch(/^Secondo paragrafo/);
  });

  it("should flag a paywall stub", () => {
    const a = extractArticle(
      `<html><body><article><h1>Juventus, il retroscena</h1><p>La Juventus ha sondato il terreno per un attaccante, ma le cifre...</p><p>Abbonati per continuare a leggere questo articolo e tutti i contenuti premium.</p></article></body></html>`,
    );
    expect(a?.paywalled).toBe(true);
  });
});
