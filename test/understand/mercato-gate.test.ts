import { describe, expect, it } from "vitest";
import { type GateInput, isMercato } from "../../src/understand/mercato-gate.js";

// Items written for this test: the shapes of real feeds (teasers cut short, press reviews, other sports).
const item = (title: string, description = "", more: Partial<GateInput> = {}): GateInput => ({
  title,
  description,
  url: "https://www.example.it/serie-a/notizia-123",
  categories: [],
  ...more,
});

describe("isMercato", () => {
  it.each([
    ["Napoli, trattativa avviata con il Lille per il terzino", ""],
    ["Roma, contatti con il Brighton per il prestito dell'attaccante", ""],
    ["Atalanta, rinnovo fino al 2029 per il capitano", ""],
    ["UFFICIALE: il Genoa ha tesserato un difensore danese", ""],
    ["Fiorentina, visite mediche per il nuovo centrocampista", ""],
    [
      "Juventus, un attaccante in scadenza piace ai bianconeri",
      "Il giocatore si libererà a parametro zero a giugno.",
    ],
    ["Il Cagliari cambia allenatore: arriva l'esonero del tecnico", "La notizia era nell'aria."],
    ["Everton in talks over a loan move for the Serie A winger", ""],
    ["Official: striker signs for Sevilla until 2028", ""],
    ["El Betis cierra el fichaje del lateral", ""],
    ["Il punto sul mercato: chi arriva e chi parte in Serie B", ""],
    ["Ex Sampdoria, l'attaccante vola in Grecia e firma con l'Aris", ""],
    ["Inter, Frattesi verso il Galatasaray", ""],
    ["UFFICIALE: Sassuolo, arriva Rossi dal Verona", ""],
    ["Il Como prende un centrocampista dal Real Madrid", ""],
    ["Arsenal agree fee with Sporting for striker", ""],
    ["Cagliari, blindato il capitano fino al 2028", ""],
  ])("should let transfer news through: %s", (title, description) => {
    expect(isMercato(item(title, description)).mercato).toBe(true);
  });

  it.each([
    ["Lazio-Torino 3-1: doppietta del centravanti, i biancocelesti risalgono in classifica", ""],
    ["Il designatore difende l'arbitro: \"Il rigore c'era, espulsione giusta\"", ""],
    ["Genoa-Empoli, le probabili formazioni: due nuovi acquisti dal primo minuto", ""],
    ["Bologna, stop di tre settimane per l'esterno: lesione al flessore", ""],
    ["Coach praises his striker after the 2-0 win: 'He reminds me of a young legend'", ""],
    ["Il valore di mercato dei giocatori della Serie A: chi sale e chi scende", ""],
    ["Conferenza stampa del tecnico alla vigilia della sfida di Coppa Italia", '"Dobbiamo fare tre punti"'],
    ["Juve, verso l'Inter: Spalletti ritrova Bremer", ""],
    ["Champions, l'Atalanta vola agli ottavi", ""],
    ["Il Milan prende gol nel recupero: 2-2 con il Pisa", ""],
    ["Tennis, Sinner vola in semifinale a Melbourne", ""],
  ])("should stop match reports, referees, injuries and the rest: %s", (title, description) => {
    expect(isMercato(item(title, description)).mercato).toBe(false);
  });

  it("should let a /calciomercato/ section or a transfer category through whatever the title says", () => {
    const url = "https://www.example.it/calciomercato/milan/idea-per-gennaio-55";
    expect(isMercato(item("Milan, un'idea per gennaio", "", { url }))).toEqual({
      mercato: true,
      reasons: ["section:/calciomercato/"],
    });
    expect(isMercato(item("Milan, un'idea per gennaio", "", { categories: ["Calciomercato"] })).mercato).toBe(
      true,
    );
  });

  it("should stop another sport's section even when it speaks of signings", () => {
    const url = "https://www.example.it/news/pallavolo/superlega/2026/02/colpo-di-mercato-per-modena";
    const verdict = isMercato(item("Colpo di mercato per Modena: arriva lo schiacciatore", "", { url }));
    expect(verdict).toEqual({ mercato: false, reasons: ["other-sport:/pallavolo/"] });
  });

  it("should read the body when the title and teaser say too little, and say so in the reasons", () => {
    const text =
      "Il Milan lavora sul mercato per la difesa. I rossoneri hanno avviato i contatti con il Bayern Monaco per un centrale: la trattativa è aperta e il club tedesco valuta il prestito con diritto di riscatto.";
    const verdict = isMercato(
      item("Milan, si pensa alla difesa", "I rossoneri guardano in Bundesliga.", { text }),
    );
    expect(verdict.mercato).toBe(true);
    expect(verdict.reasons).toContain("body:cue:talks");
  });

  it("should not let a match report through because its body mentions the market in passing", () => {
    const text =
      'Partita vibrante al Dall\'Ara: il Bologna vince 2-1 con una doppietta del centravanti. Nel primo tempo gol annullato dal Var, poi il rigore. In classifica i rossoblù salgono al quinto posto. Il tecnico a fine gara: "Il mercato? Siamo a posto così".';
    expect(
      isMercato(item("Bologna-Verona 2-1, decide la doppietta del centravanti", "", { text })).mercato,
    ).toBe(false);
  });

  it("should read a title-less article's headline from its URL slug", () => {
    const url = "https://www.example.it/2026/02/juve-rinnovo-fino-al-2030-per-il-difensore/";
    expect(isMercato(item("", "", { url })).mercato).toBe(true);
  });
});
