import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/news/article-file.js";
import { projectRoot } from "../../src/paths.js";
import { createUnderstander, loadGazetteer, toExtractJson } from "../../src/understand/index.js";

const u = createUnderstander(loadGazetteer());
const linkOf = (text: string, player: string, title?: string) => {
  const x = u.extract({ text, ...(title ? { title } : {}) });
  return x.players.find((p) => p.name.includes(player));
};

describe("createUnderstander", () => {
  it("should link a known player to the interested club with his current club", () => {
    const p = linkOf("Il Genoa segue con interesse Mario Gila della Lazio in vista di gennaio.", "Gila");
    expect(p?.club).toBe("Lazio");
    expect(p?.links).toMatchObject([{ club: "Genoa", stage: "interest" }]);
  });

  it("should read both name orders and resolve the surname later", () => {
    const x = u.extract({
      text: "La Juventus ha avviato i contatti con il Bayern Monaco per Min-jae Kim. Kim piace molto ai bianconeri.",
    });
    expect(x.players.map((p) => p.key)).toEqual(["kim-min-jae"]);
    expect(x.players[0]!.links).toMatchObject([{ club: "Juventus", stage: "talks" }]);
  });

  it("should match a one-letter typo of a long surname in a transfer context", () => {
    const p = linkOf(
      "Il Napoli ha chiesto informazioni al Manchester United per Zirkze, obiettivo per gennaio.",
      "Zirkzee",
    );
    expect(p?.links).toMatchObject([{ club: "Napoli", stage: "interest" }]);
  });

  it("should keep an unknown youth player with a provisional key", () => {
    const x = u.extract({
      text: "Il Como ha messo nel mirino il difensore Aldo Vercesi, classe 2007 del Sion.",
    });
    const p = x.players.find((q) => q.provisional);
    expect(p?.key).toBe("aldo-vercesi");
    expect(p?.links[0]?.club).toBe("Como");
  });

  it("should never report coaches, directors, journalists or stadiums as players", () => {
    const x = u.extract({
      text:
        "Secondo Fabrizio Romano, il tecnico Massimiliano Allegri ha chiesto a Igli Tare un difensore. " +
        "Il Milan segue Mario Gila della Lazio, visto a San Siro e poi a Milanello.",
    });
    expect(x.players.map((p) => p.name)).toEqual(["Mario Gila"]);
    expect(x.cited).toEqual(["Fabrizio Romano"]);
  });

  it("should tell official, medical, agreement and collapsed stages apart", () => {
    const t = (s: string) => linkOf(s, "Zirkzee")?.links.find((l) => l.club === "Roma")?.stage;
    expect(
      t("UFFICIALE: Joshua Zirkzee è un nuovo giocatore della Roma, arriva dal Manchester United."),
    ).toBe("official");
    expect(t("Joshua Zirkzee ha svolto le visite mediche con la Roma: manca solo l'annuncio.")).toBe(
      "medical",
    );
    expect(t("La Roma ha trovato l'accordo con il Manchester United per Joshua Zirkzee.")).toBe("agreement");
    expect(t("È saltata la trattativa tra la Roma e il Manchester United per Joshua Zirkzee.")).toBe(
      "collapsed",
    );
  });

  it("should link a renewal to the player's own club", () => {
    const p = linkOf("Il Milan è pronto a rinnovare il contratto di Fikayo Tomori fino al 2029.", "Tomori");
    expect(p?.links).toMatchObject([{ club: "Milan", stage: "renewal" }]);
  });

  it("should read English agency copy the same way", () => {
    const x = u.extract({
      text: "Arsenal are keen on Real Madrid defender Raul Asencio, according to the Daily Mail.",
    });
    expect(x.language).toBe("en");
    const p = x.players.find((q) => q.name.includes("Asencio"));
    expect(p?.club).toBe("Real Madrid");
    expect(p?.links).toMatchObject([{ club: "Arsenal", stage: "interest" }]);
    expect(x.cited).toEqual(["Daily Mail"]);
  });

  it("should read a gossip column: a source in brackets, a country's international spoken of", () => {
    const x = u.extract({
      text:
        "Liverpool want Sporting defender Ousmane Diomande. The Ivory Coast international is also wanted by " +
        "Real Madrid. (Tuttosport)",
    });
    expect(x.cited).toEqual(["Tuttosport"]);
    expect(x.players[0]?.links.map((l) => l.club)).toEqual(["Liverpool", "Real Madrid"]);
    // A one-word source in running text still needs a citing word.
    expect(u.extract({ text: "Liverpool want Ousmane Diomande, Tuttosport or not." }).cited).toEqual([]);
  });

  it("should not read a stage into a reporter's phrase or a career history", () => {
    // "raggiunto" alone is agreement; "raggiunto dalla nostra redazione" is a phrase of its own.
    const reached = linkOf(
      "Il Genoa ha contatti per Mario Gila della Lazio. Il suo agente, raggiunto dalla nostra redazione, conferma.",
      "Gila",
    );
    expect(reached?.links).toMatchObject([{ club: "Genoa", stage: "talks" }]);
    const career = linkOf(
      "L'Inter tratta il rinnovo di Federico Dimarco. Cresciuto nel vivaio, è passato per i prestiti ad Empoli e Parma prima di tornare definitivamente a Milano.",
      "Dimarco",
    );
    expect(career?.links).toMatchObject([{ club: "Inter", stage: "renewal" }]);
  });

  it("should not take a club of a career history for the one a clubless cue speaks of", () => {
    // The bench's renewal article: Inter's talks with Dimarco, and his past loans in a paragraph of their own.
    const file = join(projectRoot, "bench", "articles", "it-renewal.txt");
    const a = parseArticleFile(file, readFileSync(file, "utf8"));
    const x = u.extract({ ...(a.title ? { title: a.title } : {}), text: a.text });
    const p = x.players.find((q) => q.name === "Federico Dimarco");
    expect(p?.links[0]).toMatchObject({ club: "Inter", stage: "renewal" });
    // His loans ("è passato per i prestiti ad Ascoli, Empoli, Parma e Verona") are history, not links; the
    // clubs that asked about him are past interest, at most interest.
    const clubs = p?.links.map((l) => l.club) ?? [];
    for (const past of ["Ascoli FC", "Empoli", "Parma", "Verona", "Sion"]) expect(clubs).not.toContain(past);
    for (const l of p?.links.slice(1) ?? []) expect(l.stage).toBe("interest");
  });

  it("should take the club of a new player as his destination, not his own", () => {
    const p = linkOf(
      "Cesare Casadei sarà un nuovo giocatore dell'Atalanta: accordo totale con il Torino.",
      "Casadei",
    );
    expect(p?.club).not.toBe("Atalanta");
    expect(p?.links).toMatchObject([{ club: "Atalanta", stage: "agreement" }]);
  });

  it("should take a city after a bare preposition as the city, not the club", () => {
    const x = u.extract({ text: "La Juventus vuole portare Davide Frattesi a Torino in estate." });
    expect(x.clubs).toEqual(["Juventus"]);
  });

  it("should take, of a player's two clubs in the lists (a mid-season move), the one the article names", () => {
    // The 2025-26 list has Castellanos at West Ham and at Lazio.
    const x = u.extract({ text: "Il Torino pensa a Taty Castellanos. La Lazio aspetta un'offerta." });
    expect(x.players.map((p) => [p.name, p.club])).toEqual([["Valentín Castellanos", "Lazio"]]);
  });

  it("should not take a suitor for the seller when the price is asked after a 'ma'", () => {
    const x = u.extract({
      text: "Per Mario Gila si è fatto avanti il Liverpool, ma Lotito chiede 40 milioni.",
    });
    expect(x.players.map((p) => [p.name, p.club, p.links.map((l) => l.club)])).toEqual([
      ["Mario Gila", "Lazio", ["Liverpool"]],
    ]);
  });

  it("should read a club after a relative pronoun as where he plays, not where he goes", () => {
    const x = u.extract({
      text: "La Fiorentina pensa a Simone Scuffet, che al Pisa ha perso il posto da titolare.",
    });
    expect(x.players.map((p) => [p.name, p.club, p.links.map((l) => l.club)])).toEqual([
      ["Simone Scuffet", "Pisa", ["Fiorentina"]],
    ]);
  });

  it("should read a club's youth team as the player's own club, not a destination", () => {
    const x = u.extract({
      text: "La Primavera nerazzurra perde un pezzo: il centrocampista Matteo Spinaccé passa al Pescara in prestito.",
    });
    expect(x.players.map((p) => [p.name, p.links.map((l) => l.club)])).toEqual([
      ["Matteo Spinaccé", ["Pescara"]],
    ]);
  });

  it("should take a city's name as the team before a player noun or beside another club", () => {
    const en = u.extract({ text: "Newcastle are interested in Roma midfielder Koné." });
    expect(en.players.map((p) => [p.name, p.club])).toEqual([["Manu Koné", "Roma"]]);
    const ita = u.extract({ text: "Evan Ferguson del Brighton è seguito da Roma e Fiorentina." });
    expect(ita.players[0]?.links.map((l) => l.club)).toEqual(["Roma", "Fiorentina"]);
    // Opening its sentence before a comma, it is the club's camp: "A Parma, intanto, si lavora…".
    expect(u.extract({ text: "A Parma, intanto, si pensa a Nicolò Fagioli." }).clubs).toEqual(["Parma"]);
    // Alone after the preposition it stays the city.
    expect(u.extract({ text: "Koné vive a Roma con la famiglia, piace al Milan." }).clubs).toEqual(["Milan"]);
  });
});

describe("toExtractJson", () => {
  it("should keep only names, clubs, stages and their evidence", () => {
    const x = u.extract({ text: "Il Genoa segue Mario Gila della Lazio." });
    const j = toExtractJson("a.txt", null, x);
    expect(Object.keys(j)).toEqual(["file", "published", "players", "clubs", "cited"]);
    expect(j.players[0]).toMatchObject({
      name: "Mario Gila",
      club: "Lazio",
      links: [{ club: "Genoa", stage: "interest" }],
    });
    // The extractor's exact words may change; the shape may not.
    const evidence = j.players[0]?.links[0]?.evidence;
    if (evidence) expect(evidence).toEqual({ text: expect.any(String), certainty: expect.any(String) });
    else expect(evidence).toBeNull();
  });

  describe("Italian transfer prose", () => {
    const stage = (text: string) => linkOf(text, "Dovbyk")?.links.find((l) => l.club === "Milan")?.stage;

    it("should read soundings, enquiries and shortlists as interest, opened negotiations as talks", () => {
      expect(stage("Per ora si tratta solo di un sondaggio del Milan per Artem Dovbyk della Roma.")).toBe(
        "interest",
      );
      expect(stage("Il Milan ha chiesto informazioni alla Roma per Artem Dovbyk.")).toBe("interest");
      expect(stage("Artem Dovbyk della Roma è nel mirino del Milan.")).toBe("interest");
      expect(stage("Il Milan ha avviato una trattativa con la Roma per Artem Dovbyk.")).toBe("talks");
      expect(stage("Contatti avviati con il club: il Milan vuole Artem Dovbyk della Roma.")).toBe("talks");
    });

    it("should read 'un nuovo giocatore del Milan' and an announced signing as official", () => {
      expect(stage("È ufficiale: Artem Dovbyk è un nuovo giocatore del Milan.")).toBe("official");
      expect(stage("Il Milan ha annunciato l'acquisto di Artem Dovbyk dalla Roma.")).toBe("official");
    });

    it("should keep medicals still to come at agreement and medicals under way as medical", () => {
      expect(
        stage("Il Milan ha l'accordo con la Roma per Artem Dovbyk, ora si attendono le visite mediche."),
      ).toBe("agreement");
      expect(
        stage("Accordo tra Milan e Roma per Artem Dovbyk: visite mediche previste la prossima settimana."),
      ).toBe("agreement");
      expect(stage("Artem Dovbyk sta svolgendo le visite mediche con il Milan.")).toBe("medical");
      expect(stage("Oggi le visite mediche di Artem Dovbyk con il Milan.")).toBe("medical");
    });

    it("should give a shared nickname to the club the article names, never to the other one", () => {
      const x = u.extract({
        text: "Ademola Lookman ha rinnovato con l'Atalanta fino al 2029. Il club nerazzurro ha annunciato il prolungamento.",
      });
      expect(x.clubs).toEqual(["Atalanta"]);
      expect(x.players[0]?.links).toMatchObject([{ club: "Atalanta", stage: "renewal" }]);
      expect(u.extract({ text: "I nerazzurri vogliono Artem Dovbyk della Roma." }).clubs).toContain("Inter");
    });

    it("should never take a region or country after 'in' for a player", () => {
      const x = u.extract({
        text: "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae, difensore che in Baviera gioca poco.",
      });
      expect(x.players.map((p) => p.name)).toEqual(["Kim Min-jae"]);
    });

    it("should give a loan with no destination no link, and leave the renewal beside it to its player", () => {
      const x = u.extract({
        text: "Il Milan è pronto al rinnovo di Fikayo Tomori e alla cessione in prestito di David Odogu.",
      });
      expect(x.players.find((p) => p.name === "Fikayo Tomori")?.links).toMatchObject([
        { club: "Milan", stage: "renewal" },
      ]);
      expect(x.players.find((p) => p.name === "David Odogu")?.links ?? []).toEqual([]);
    });
  });
});
