import { describe, expect, it } from "vitest";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";

/**
 * How a clause's modality, negation, tense and subject decide a link's stage. Sentences written for the
 * project; each names one phenomenon of transfer prose.
 */
const u = createUnderstander(loadGazetteer());
const player = (text: string, name: string) => u.extract({ text }).players.find((p) => p.name.includes(name));
const link = (text: string, name: string, club: string) =>
  player(text, name)?.links.find((l) => l.club === club);

describe("reading a clause", () => {
  it("should keep a career history out of links and the current club", () => {
    const x = u.extract({
      text: "Kim Min-Jae è da un paio d'anni al Bayern Monaco. Prima dell'approdo al Napoli era finito nel mirino dell'Inter.",
    });
    expect(x.players).toEqual([]);
  });

  it("should still link a story told after the history", () => {
    const p = player(
      "Kim Min-Jae è da un paio d'anni al Bayern Monaco. Prima dell'approdo al Napoli era finito nel mirino dell'Inter. Ora il Milan segue Kim con attenzione.",
      "Kim",
    );
    expect(p?.club).toBe("Bayern Munich");
    expect(p?.links.map((l) => l.club)).toEqual(["Milan"]);
  });

  it("should let names joined by 'e' share their clause's cue, each with his own club", () => {
    const both = u.extract({ text: "Il Napoli ha chiuso per Nicolò Fagioli e Davide Frattesi." }).players;
    expect(both.map((p) => [p.name, p.links.map((l) => [l.club, l.stage])])).toEqual([
      ["Nicolò Fagioli", [["Napoli", "agreement"]]],
      ["Davide Frattesi", [["Napoli", "agreement"]]],
    ]);
    const pairs = u.extract({
      text: "Nicolò Fagioli al Napoli e Davide Frattesi alla Juventus sembrano affari chiusi.",
    }).players;
    expect(pairs.map((p) => [p.name, p.links.map((l) => [l.club, l.stage])])).toEqual([
      ["Nicolò Fagioli", [["Napoli", "agreement"]]],
      ["Davide Frattesi", [["Juventus", "agreement"]]],
    ]);
  });

  it("should give a relative clause after a player named in passing to him, not to the target", () => {
    for (const text of [
      "Il Manchester United vuole Kerem Akturkoglu per sostituire Joshua Zirkzee, che piace alla Roma.",
      "Manchester United want Benfica forward Kerem Akturkoglu as a replacement for Joshua Zirkzee, who is wanted by Roma.",
    ]) {
      expect(player(text, "Akturkoglu")?.links.map((l) => l.club)).toEqual(["Manchester United"]);
      expect(player(text, "Zirkzee")?.links.map((l) => l.club)).toEqual(["Roma"]);
    }
    const ederson = player(
      "L'Atalanta cerca un sostituto di Ederson, sul quale il Manchester City ha avviato una trattativa.",
      "derson",
    );
    expect(ederson?.links.map((l) => [l.club, l.stage])).toEqual([["Manchester City", "talks"]]);
    // The relative clause of the target himself is still his.
    expect(
      player("Il Napoli segue Nicolò Fagioli, che piace anche alla Juventus.", "Fagioli")?.links.map(
        (l) => l.club,
      ),
    ).toEqual(["Napoli", "Juventus"]);
  });

  it("should not hand a search for 'un nuovo attaccante' to the player named before", () => {
    const text = "Il Napoli ha chiuso per Nicolò Fagioli. La Lazio invece cerca un nuovo attaccante.";
    expect(player(text, "Fagioli")?.links.map((l) => l.club)).toEqual(["Napoli"]);
    const en =
      "Newcastle are close to agreeing a deal for Ernest Poku. Aston Villa boss Unai Emery wants a new striker.";
    expect(player(en, "Poku")?.links.map((l) => l.club)).toEqual(["Newcastle"]);
    // "È un centrocampista che piace alla Lazio" describes him: still his.
    const is = "Il Napoli ha chiuso per Nicolò Fagioli. È un centrocampista che piace anche alla Lazio.";
    expect(player(is, "Fagioli")?.links.map((l) => l.club)).toEqual(["Napoli", "Lazio"]);
  });

  it("should give an epithet with a club ('Sporting winger') to the player of that club, not to another", () => {
    const x = u.extract({
      title: "Bologna complete signing of Sporting winger, Lazio move for Smit off",
      text: "Bologna have completed the signing of winger Geovany Quenda from Sporting CP. Lazio's move for Kees Smit has collapsed after AZ Alkmaar turned down a final offer.",
    });
    const smit = x.players.find((p) => p.name.includes("Smit"));
    expect(smit?.links.map((l) => [l.club, l.stage])).toEqual([["Lazio", "collapsed"]]);
    // Alone, the headline's first half is about somebody the article does not name: still not Smit's.
    const alone = u.extract({
      text: "Bologna complete signing of Sporting winger, Lazio move for Kees Smit off",
    });
    expect(alone.players.find((p) => p.name.includes("Smit"))?.links.map((l) => l.club)).toEqual(["Lazio"]);
  });

  it("should keep a move told in a relative or participle clause as history, and the club he came from", () => {
    for (const text of [
      "Nicolò Fagioli, who joined Fiorentina from Juventus in 2024, is wanted by Napoli.",
      "Nicolò Fagioli, arrivato nel 2024 dalla Juventus, è nel mirino del Napoli.",
    ]) {
      const p = player(text, "Fagioli");
      expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual([
        "Fiorentina",
        [["Napoli", "interest"]],
      ]);
    }
  });

  it("should take the club a player is asked of for his own, not a suitor", () => {
    const p = player("Il Napoli ha chiesto Nicolò Fagioli alla Fiorentina.", "Fagioli");
    expect([p?.club, p?.links.map((l) => l.club)]).toEqual(["Fiorentina", ["Napoli"]]);
  });

  it("should not read a cue across a comma as the role of the club after it", () => {
    // "leave, with Juventus leading the race": Juventus is the suitor, not the club he leaves.
    const p = player(
      "Manchester United are ready to let Joshua Zirkzee leave, with Juventus leading the race for the Dutch striker.",
      "Zirkzee",
    );
    expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual([
      "Manchester United",
      [["Juventus", "interest"]],
    ]);
  });

  it("should take a club's colours after a player noun ('il centrocampista granata') for his club", () => {
    for (const text of [
      "Il Napoli segue il centrocampista granata Samuele Ricci.",
      "Samuele Ricci, centrocampista granata, piace al Napoli.",
    ]) {
      const p = player(text, "Ricci");
      expect([p?.club, p?.links.map((l) => l.club)]).toEqual(["Torino", ["Napoli"]]);
    }
  });

  it("should keep the past of a comparison ('Come McTominay lo scorso anno') to its own clause", () => {
    const l = link(
      "Come McTominay lo scorso anno, anche Nicolò Fagioli potrebbe arrivare al Napoli dalla Serie A.",
      "Fagioli",
      "Napoli",
    );
    expect(l).toMatchObject({ stage: "interest", claimed: "agreement" });
  });

  it("should take the club whose shirt he wore ('ha vestito la maglia della Juventus') for a former one", () => {
    const p = player(
      "Nicolò Fagioli ha vestito la maglia della Juventus per anni, ora piace al Napoli.",
      "Fagioli",
    );
    expect([p?.club, p?.links.map((l) => l.club)]).toEqual(["Fiorentina", ["Napoli"]]);
    const l = link("Nicolò Fagioli è pronto a vestire la maglia del Napoli.", "Fagioli", "Napoli");
    expect(l).toMatchObject({ stage: "talks", claimed: "agreement" });
  });

  it("should read 'il club … contatti con il City per X' with the noun standing for his own club", () => {
    const p = player(
      "Sul fronte uscite, il club ha smentito qualsiasi contatto con il Manchester City per Andrea Cambiaso, che resterà a Torino.",
      "Cambiaso",
    );
    expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual([
      "Juventus",
      [["Manchester City", "collapsed"]],
    ]);
  });

  it("should read the club money goes to ('alla Fiorentina andranno 6 milioni') as the seller", () => {
    const p = player(
      "Il Napoli ha chiuso per Nicolò Fagioli: alla Fiorentina andranno 6 milioni per il prestito.",
      "Fagioli",
    );
    expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual([
      "Fiorentina",
      [["Napoli", "agreement"]],
    ]);
  });

  it("should take where a player is today ('oggi all'', 'now at') for his club, not a destination", () => {
    for (const text of [
      "Il Milan valuta il ritorno di Kessié, oggi all'Al-Ahli.",
      "Milan are considering a return for Franck Kessie, now at Al-Ahli.",
    ]) {
      const p = player(text, "Kessi");
      expect([p?.club, p?.links.map((l) => l.club)]).toEqual(["Al-Ahli", ["Milan"]]);
    }
  });

  it("should keep a possibility at interest and the claim beside it", () => {
    const l = link(
      "Il Milan potrebbe avere grandi possibilità di chiudere il colpo Mario Gila nelle prossime settimane.",
      "Gila",
      "Milan",
    );
    expect(l).toMatchObject({ stage: "interest", claimed: "agreement", evidence: { certainty: "hedged" } });
  });

  it("should keep a fronted 'dopo aver' clause as background and read the main clause as news", () => {
    const p = player(
      "Dopo aver chiuso per Douglas Luiz, la Juventus ha avviato i contatti per il centrocampista di proprietà del Nizza. Khéphren Thuram ha svolto oggi le visite mediche.",
      "Thuram",
    );
    expect(p?.club).toBe("Nice");
    expect(p?.links).toMatchObject([{ club: "Juventus", stage: "medical" }]);
    expect(
      player("Dopo aver chiuso per Douglas Luiz, la Juventus ha avviato i contatti con il Nizza.", "Luiz"),
    ).toBeUndefined();
  });

  it("should read 'ha preso', 'sbarca' and the object of a stage verb, known or not", () => {
    expect(link("L'Udinese ha preso il difensore Juan Arizala.", "Arizala", "Udinese")?.stage).toBe(
      "agreement",
    );
    expect(player("L'Udinese è pronta ad accogliere Juan Arizala.", "Arizala")?.provisional).toBe(true);
    expect(link("Pedro Mendes sbarca allo Spezia.", "Mendes", "Spezia")?.stage).toBe("agreement");
    // "Accelera" says a club is after him, not how far the talks are.
    const f = player("In entrata la Lazio accelera per Giovanni Fabbian dal Bologna.", "Fabbian");
    expect([f?.club, f?.links.map((l) => [l.club, l.stage])]).toEqual(["Bologna", [["Lazio", "interest"]]]);
  });

  it("should read a rival overtaken as two interested clubs, even with a space lost in scraping", () => {
    const p = player("Il Barcellona ha effettuato il sorpasso sull'Inter perJoao Cancelo.", "Cancelo");
    expect(p?.links.map((l) => [l.club, l.stage])).toEqual([
      ["Barcelona", "interest"],
      ["Inter", "interest"],
    ]);
  });

  it("should keep interest shown 'in passato' as interest, never more", () => {
    expect(
      link("In passato il Napoli ha raggiunto un accordo per Mario Gila, poi saltato.", "Gila", "Napoli")
        ?.stage,
    ).not.toMatch(/agreement|medical|official/);
    expect(
      link("In passato anche il Newcastle si era informato su Mario Gila.", "Gila", "Newcastle")?.stage,
    ).toBe("interest");
  });

  it("should read a club name with one letter wrong as the club, but not another ending of a word", () => {
    expect(
      link("Lazio, Guendouzi ai saluti: fatta con il Fenerbache.", "Guendouzi", "Fenerbahce")?.stage,
    ).toBe("agreement");
    expect(u.extract({ text: "Il Fiorentino Mario Gila piace al Milan." }).clubs).toEqual(["Milan"]);
  });

  it("should read the seller whose answer is awaited as his club and the offer as the buyer's talks", () => {
    const p = player(
      "Il Torino lavora a fari spenti: si attende la risposta del Botafogo per l'offerta per il centrale brasiliano Davi Ricardão.",
      "Ricard",
    );
    expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual(["Botafogo", [["Torino", "talks"]]]);
    expect(player("Il Genoa insiste per Tommaso Baldanzi, in uscita dalla Roma.", "Baldanzi")?.club).toBe(
      "Roma",
    );
  });

  it("should not hand the buyer named for one player to the next player of a round-up", () => {
    const text =
      "L'interesse del Galatasaray per Davide Frattesi è concreto. Lorenzo Lucca, invece, è seguito con attenzione da tempo.";
    expect(link(text, "Frattesi", "Galatasaray")?.stage).toBe("interest");
    expect(link(text, "Lucca", "Galatasaray")).toBeUndefined();
  });

  it("should keep both names of a pair named in passing out, a surname particle included", () => {
    const text =
      "L'Inter vuole rinnovare con Yann Bisseck, un pilastro per il dopo Acerbi/de Vrij. In estate è stata rifiutata un'offerta del Crystal Palace.";
    expect(u.extract({ text }).players.map((p) => p.name)).toEqual(["Yann Bisseck"]);
    expect(link(text, "Bisseck", "Crystal Palace")?.stage).toBe("talks");
  });

  it("should read a return to a club as going home, and a club withdrawing as a collapse", () => {
    const p = player(
      "Lookman returns to Atalanta after the Inter deal collapses. Inter have decided to withdraw from the race to sign him.",
      "Lookman",
    );
    expect([p?.club, p?.links.map((l) => [l.club, l.stage])]).toEqual(["Atalanta", [["Inter", "collapsed"]]]);
  });

  it("should keep the club a player is back from out of his links", () => {
    const p = player(
      "Il Napoli ha presentato un'offerta per Fabio Miretti, centrocampista reduce dal prestito al Genoa.",
      "Miretti",
    );
    expect(p?.links.map((l) => l.club)).toEqual(["Napoli"]);
  });

  it("should not give a round-up's next item, opened by 'Infine', to the player named before it", () => {
    const text =
      "Il Genoa piomba su Tommaso Baldanzi. Il Lecce ha ufficializzato Oumar Ngom, centrocampista ventunenne. Infine, il Pisa sogna il grande salto in attacco.";
    expect(player(text, "Ngom")?.links.map((l) => l.club)).toEqual(["Lecce"]);
  });

  it("should read 'persistent links with' a club as interest", () => {
    expect(
      link(
        "The future of Mario Gila is clouded amid persistent links with Manchester United.",
        "Gila",
        "Manchester United",
      )?.stage,
    ).toBe("interest");
  });

  it("should lower a reported or conditional agreement by one rung", () => {
    const it1 = link("Il Milan avrebbe raggiunto l'accordo con la Lazio per Mario Gila.", "Gila", "Milan");
    expect(it1).toMatchObject({ stage: "talks", claimed: "agreement" });
    const en = link("Juventus are set to sign Davide Frattesi from Inter.", "Frattesi", "Juventus");
    expect(en).toMatchObject({ stage: "talks", claimed: "agreement" });
    const plain = link("Il Milan ha raggiunto l'accordo con la Lazio per Mario Gila.", "Gila", "Milan");
    expect(plain).toMatchObject({ stage: "agreement", evidence: { certainty: "plain" } });
    expect(plain?.claimed).toBeUndefined();
  });

  it("should step a negated agreement down to talks", () => {
    const l = link("Il Milan non ha ancora trovato l'accordo con la Lazio per Mario Gila.", "Gila", "Milan");
    expect(l).toMatchObject({ stage: "talks", evidence: { certainty: "negated" } });
  });

  it("should read an offer turned down as talks, and a later agreement as the stage", () => {
    const l = link(
      "Il Napoli ha rifiutato la prima offerta del Milan per Rasmus Hojlund, ma poi le parti hanno trovato l'accordo.",
      "jlund",
      "Milan",
    );
    expect(l?.stage).toBe("agreement");
  });

  it("should give a refusal to its own player, not to the next one", () => {
    const x = u.extract({
      text: "Mario Gila ha rifiutato il Milan, mentre la Juventus ha avviato i contatti per Joe Gomez.",
    });
    expect(x.players.find((p) => p.name === "Joe Gomez")?.links).toMatchObject([
      { club: "Juventus", stage: "talks" },
    ]);
    expect(x.players.find((p) => p.name === "Mario Gila")?.links).toMatchObject([
      { club: "Milan", stage: "collapsed" },
    ]);
  });

  it("should not link a player named in passing", () => {
    const x = u.extract({
      text: "La Juventus cerca un centrocampista al posto di Teun Koopmeiners: piace Davide Frattesi.",
    });
    expect(x.players.map((p) => p.name)).toEqual(["Davide Frattesi"]);
  });

  it("should not hand a round-up item's club to the player of the item before", () => {
    const x = u.extract({
      text: "La Lazio ha ufficializzato la cessione di Valentin Castellanos al West Ham.\nIl Parma ha messo gli occhi su Rossiny Tavares del Benfica.",
    });
    const p = x.players.find((q) => q.name.includes("Castellanos"));
    expect(p?.links.map((l) => l.club)).toEqual(["West Ham"]);
  });

  it("should read a demonym as the club of that country named last", () => {
    const l = link(
      "Il Fenerbahçe insiste per Mattia Zaccagni. I turchi hanno trovato l'accordo con la Lazio.",
      "Zaccagni",
      "Fenerbahce",
    );
    expect(l?.stage).toBe("agreement");
  });

  it("should read an intention as one rung below its aim", () => {
    const l = link("Il Como è pronto a fare un'offerta per Mario Gila.", "Gila", "Como");
    expect(l).toMatchObject({ stage: "interest", claimed: "talks" });
    const goal = link("Il Milan ha un obiettivo: chiudere l'acquisto di Mario Gila.", "Gila", "Milan");
    expect(goal).toMatchObject({ stage: "talks", claimed: "agreement" });
    const seeking = link(
      "Il Milan cerca il modo per trovare un accordo con la Lazio per Mario Gila.",
      "Gila",
      "Milan",
    );
    expect(seeking).toMatchObject({ stage: "talks", claimed: "agreement" });
  });

  it("should not give a club's renewal of someone else to the article's player", () => {
    const p = player(
      "Il Milan segue Joe Gomez del Liverpool. Il Milan è pronto a rinnovare un perno della difesa.",
      "Gomez",
    );
    expect(p?.links.map((l) => l.stage)).toEqual(["interest"]);
  });

  it("should read the club a player is taken from as his own", () => {
    const p = player("Il Napoli vuole strappare Fabio Miretti alla Juventus.", "Miretti");
    expect(p?.club).toBe("Juventus");
    expect(p?.links.map((l) => l.club)).toEqual(["Napoli"]);
  });

  it("should give a club's interest in a list of players to each of them", () => {
    const x = u.extract({
      text: "La Lazio valuta diversi profili per l'attacco, tra cui Giacomo Raspadori e Mikel Oyarzabal.",
    });
    for (const name of ["Raspadori", "Oyarzabal"])
      expect(x.players.find((p) => p.name.includes(name))?.links.map((l) => l.club)).toEqual(["Lazio"]);
  });

  it("should read rivals named for a player as interested", () => {
    const x = u.extract({
      text: "La Roma vuole Joshua Zirkzee. Non manca però la concorrenza: sull'olandese ci sono anche West Ham e PSV.",
    });
    const clubs = x.players.find((p) => p.name.includes("Zirkzee"))?.links.map((l) => l.club);
    expect(clubs).toEqual(expect.arrayContaining(["Roma", "West Ham", "PSV Eindhoven"]));
  });

  it("should not link a player named in a comparison", () => {
    const x = u.extract({
      text: "Il Fenerbahçe vuole Mattéo Guendouzi: la Lazio ascolterà le offerte come ha fatto con Valentín Castellanos.",
    });
    expect(x.players.map((p) => p.name)).toEqual(["Mattéo Guendouzi"]);
  });

  it("should leave a collapse told of somebody unknown to him", () => {
    const l = link(
      "Dopo l'acquisto sfumato di Ricardinho, il Torino ha fatto passi in avanti per Mario Gila.",
      "Gila",
      "Torino",
    );
    expect(l?.stage).toBe("talks");
  });

  it("should not read 'nothing concrete' as a collapse", () => {
    const l = link("Il Bologna segue Mario Gila, ma al momento niente di concreto.", "Gila", "Bologna");
    expect(l?.stage).toBe("interest");
  });

  it("should read an announced move to the club the lists already give him", () => {
    const l = link("Ufficiale: Khéphren Thuram è un nuovo giocatore della Juventus.", "Thuram", "Juventus");
    expect(l?.stage).toBe("official");
    const en = link(
      "Juventus have secured Italian midfielder Davide Frattesi from Inter.",
      "Frattesi",
      "Juventus",
    );
    expect(en?.stage).toBe("official");
  });

  it("should send a makeweight the other way and give the deal to the main player", () => {
    const x = u.extract({
      text: "Khephren Thuram resta alla Juventus. Anche il PSG aveva sondato il terreno, più recentemente l'Inter ha provato un approccio mettendo sul piatto il cartellino di Davide Frattesi.",
    });
    const thuram = x.players.find((p) => p.name.includes("Thuram"));
    expect(thuram?.links).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ club: "Paris Saint-Germain", stage: "interest" }),
        expect.objectContaining({ club: "Inter", stage: "talks" }),
      ]),
    );
    expect(x.players.find((p) => p.name.includes("Frattesi"))?.links).toMatchObject([
      { club: "Juventus", stage: "talks" },
    ]);
  });

  it("should read an epithet as the player the text is about, not as one named elsewhere", () => {
    const x = u.extract({
      text: "Luca Ranieri è un nome caldo. Sul difensore viola si sono mossi Torino e Lazio, mentre Alessio Romagnoli resta a Roma.",
    });
    const clubs = x.players.find((p) => p.name.includes("Ranieri"))?.links.map((l) => l.club);
    expect(clubs).toEqual(expect.arrayContaining(["Torino", "Lazio"]));
    expect(x.players.find((p) => p.name.includes("Romagnoli"))?.links.map((l) => l.club) ?? []).not.toContain(
      "Torino",
    );
  });

  it("should read an epithet as the player just named when his nation fits", () => {
    const x = u.extract({
      text: "La Juventus segue Min-jae Kim. Intanto il Napoli ha chiesto informazioni per Joshua Zirkzee: l'olandese è un obiettivo per gennaio.",
    });
    expect(x.players.find((p) => p.name.includes("Kim"))?.links.map((l) => l.club)).toEqual(["Juventus"]);
    expect(x.players.find((p) => p.name.includes("Zirkzee"))?.links.map((l) => l.club)).toEqual(["Napoli"]);
  });

  it("should read a birthplace as a city, not as the club that shares its name", () => {
    const x = u.extract({
      text: "Yann Bisseck nasce a Colonia nel 2000. Il Milan segue Yann Bisseck con interesse.",
    });
    expect(x.clubs).not.toContain("FC Köln");
    expect(x.players[0]?.links.map((l) => l.club)).toEqual(["Milan"]);
  });

  it("should not guess the article's buyer for a sentence where the player's own club acts", () => {
    const x = u.extract({
      title: "Lazio, preso Kristensen",
      text:
        "La Lazio ha chiuso per Thomas Kristensen, manca solo la firma. La Lazio aspetta il difensore danese.\n\n" +
        "L'Inter ha offerto 35 milioni per Davide Frattesi e valuta un nuovo centrocampista.",
    });
    const by = (n: string) => x.players.find((p) => p.name.includes(n));
    expect(by("Kristensen")?.links.map((l) => [l.club, l.stage])).toEqual([["Lazio", "agreement"]]);
    // In the news, linked to nobody: the sentence's side is his own club, and Lazio is not in it.
    expect(by("Frattesi")?.links).toEqual([]);
  });

  it("should read readiness to welcome a player as the deal agreed, and a possible welcome as interest", () => {
    expect(
      link("Il Sassuolo è pronto ad accogliere Thomas Kristensen.", "Kristensen", "Sassuolo"),
    ).toMatchObject({
      stage: "agreement",
      evidence: { certainty: "plain" },
    });
    expect(
      link("Aston Villa are ready to welcome Thomas Kristensen.", "Kristensen", "Aston Villa")?.stage,
    ).toBe("agreement");
    expect(link("Il Sassuolo potrebbe accogliere Thomas Kristensen.", "Kristensen", "Sassuolo")?.stage).toBe(
      "interest",
    );
  });

  it("should read talks run aground as a collapse, and 'gli azzurri' as Napoli only where Napoli is named", () => {
    const napoli =
      "Il Napoli ha chiesto informazioni per Thomas Kristensen a luglio. " +
      "L'attesa degli azzurri ha pesato e la trattativa si è arenata in agosto.";
    expect(link(napoli, "Kristensen", "Napoli")?.stage).toBe("collapsed");
    const elsewhere = "La Lazio segue Thomas Kristensen. Gli azzurri giocano stasera contro la Norvegia.";
    expect(player(elsewhere, "Kristensen")?.links.map((l) => l.club)).toEqual(["Lazio"]);
  });

  it("should read the club a deal is agreed with as the seller, and keep each clause's clubs to its own story", () => {
    const x = u.extract({
      text:
        "Il Brentford è vicino all'accordo con il Genoa per il trasferimento di Thomas Kristensen. " +
        "L'ex Udinese piaceva anche al Sassuolo (ma il Genoa ha rifiutato due offerte) e in passato era finito " +
        "nel mirino di Lazio e Torino. " +
        "Il Brentford ha trovato l'accordo con il Bologna per l'acquisto di un altro difensore: Mario Gila.",
    });
    const by = (n: string) => x.players.find((p) => p.name.includes(n));
    const stages = (n: string) => Object.fromEntries(by(n)?.links.map((l) => [l.club, l.stage]) ?? []);
    expect(by("Kristensen")?.club).toBe("Genoa");
    // The offers turned down answer the Sassuolo's clause; Lazio and Torino were only interested, long ago.
    expect(stages("Kristensen")).toEqual({
      Brentford: "agreement",
      Sassuolo: "talks",
      Lazio: "interest",
      Torino: "interest",
    });
    // "l'acquisto di un altro difensore" is the purchase, not an epithet for the player named before.
    expect(by("Gila")?.club).toBe("Bologna");
    expect(stages("Gila")).toEqual({ Brentford: "agreement" });
  });

  it("should leave a sentence to its player when only his teammates are named, far from the deal words", () => {
    const text =
      "La Roma non molla Joshua Zirkzee. I giallorossi lo considerano il primo obiettivo. " +
      "Manca però ancora l'accordo con lo United, che vuole prima aspettare i rientri dalla Coppa d'Africa di Mbeumo.";
    // "Manca però l'accordo": "però" second in its clause does not cut it from "manca", so the agreement is
    // still missing: talks, and Mbeumo takes no link from it.
    expect(link(text, "Zirkzee", "Roma")).toMatchObject({
      stage: "talks",
      evidence: { certainty: "negated" },
    });
    expect(player(text, "Mbeumo")).toBeUndefined();
  });

  it("should not read a month as a one-letter typo of a surname", () => {
    const x = u.extract({ text: "Il Milan segue Mario Gila. Gennaio sarà caldo, con dettagli da definire." });
    expect(x.players.map((p) => p.name)).toEqual(["Mario Gila"]);
    expect(x.players[0]?.links.map((l) => [l.club, l.stage])).toEqual([["Milan", "interest"]]);
  });

  it("should read a signing's club as the buyer, a renewing club as his own, and 'il classe 2001' by birth year", () => {
    const x = u.extract({
      text:
        "Khéphren Thuram, il possibile acquisto della Juventus. La Juventus vuole chiudere la trattativa con il " +
        "Nizza entro lunedì: l'arrivo di Thuram dal Nizza è vicino. Il club bianconero accelera anche per le " +
        "difficoltà nel rinnovo del contratto di Adrien Rabiot. Il Nizza si è rassegnato a perdere il classe 2001. " +
        "Il Nizza vuole chiudere l'operazione per 20 milioni.",
    });
    const by = (n: string) => x.players.find((p) => p.name.includes(n));
    // The lists give Thuram to Juventus and Rabiot to Milan: they were written after this story.
    expect(by("Thuram")?.club).toBe("Nice");
    expect(by("Thuram")?.links.map((l) => l.club)).toEqual(["Juventus"]);
    expect(by("Rabiot")?.club).toBe("Juventus");
    // The Nizza's deal words after "il classe 2001" are Thuram's (born 2001), not the last named Rabiot's.
    expect(by("Rabiot")?.links.map((l) => [l.club, l.stage])).toEqual([["Juventus", "renewal"]]);
  });

  it("should read a player asked for on loan as talks, asked about as interest", () => {
    expect(
      link("Il Sassuolo ha chiesto in prestito Thomas Kristensen all'Udinese.", "Kristensen", "Sassuolo")
        ?.stage,
    ).toBe("talks");
    expect(
      link("Il Sassuolo ha chiesto informazioni per Thomas Kristensen.", "Kristensen", "Sassuolo")?.stage,
    ).toBe("interest");
  });

  it("should read 'a un passo dal' as the club he is close to, and a deal that only 'sembrava' made, then 'ma', as off", () => {
    expect(link("Mario Gila è a un passo dal Napoli.", "Gila", "Napoli")?.stage).toBe("agreement");
    const seemed =
      "Il difensore biancoceleste Mario Gila sembrava a un passo dal Napoli, ma la Lazio ha diffuso una nota che " +
      "frena la cessione del centrale.";
    // "del centrale" is an epithet for Gila himself: it does not take the sentence's other cues away from him.
    expect(link(seemed, "Gila", "Napoli")).toMatchObject({
      stage: "collapsed",
      evidence: { certainty: "plain" },
    });
  });

  it("should read a 'tira e molla' with a club as talks", () => {
    expect(
      link("Dopo il lungo tira e molla con la Juventus, Mario Gila resta un nome caldo.", "Gila", "Juventus")
        ?.stage,
    ).toBe("talks");
  });

  it("should take his club from the text when the lists were written after the move", () => {
    // The lists have Rabiot at Milan; each text below tells of a time he was at Marseille.
    const club = (text: string) => player(text, "Rabiot")?.club;
    expect(club("Marseille's Adrien Rabiot is wanted by Milan.")).toBe("Marseille");
    expect(club("Milan want Adrien Rabiot. Marseille are asking 10 million for the midfielder.")).toBe(
      "Marseille",
    );
    expect(club("Il Milan vuole Adrien Rabiot. Il Marsiglia chiede 10 milioni per il francese.")).toBe(
      "Marseille",
    );
    expect(club("Il Milan vuole Adrien Rabiot, ma il Marsiglia non vuole cederlo.")).toBe("Marseille");
    expect(club("Il Milan vuole Adrien Rabiot: il Marsiglia apre alla cessione.")).toBe("Marseille");
    expect(link("Marseille's Adrien Rabiot is wanted by Milan.", "Rabiot", "Milan")?.stage).toBe("interest");
  });

  it("should read an offer made officially as talks, not as an official move", () => {
    expect(
      link("Il Sassuolo ha ufficialmente presentato un'offerta per Mario Gila.", "Gila", "Sassuolo")?.stage,
    ).toBe("talks");
    expect(link("Sassuolo have officially submitted a bid for Mario Gila.", "Gila", "Sassuolo")?.stage).toBe(
      "talks",
    );
    expect(link("Il Sassuolo ha ufficializzato l'acquisto di Mario Gila.", "Gila", "Sassuolo")?.stage).toBe(
      "official",
    );
  });

  it("should give a club to the player of its own clause before one named in the clause before", () => {
    const text = "Dopo il no di Manuel Akanji, l'Inter ha avviato i contatti per Joe Gomez.";
    expect(link(text, "Gomez", "Inter")?.stage).toBe("talks");
    expect(player(text, "Akanji")?.links ?? []).toEqual([]);
  });

  it("should keep every club of a list of former clubs out of his links", () => {
    const p = player(
      "Il Genoa ha definito l'arrivo di Nicola Leali dal Verona, ex di Juventus e Perugia.",
      "Leali",
    );
    expect(p?.links.map((l) => [l.club, l.stage])).toEqual([["Genoa", "agreement"]]);
  });

  it("should read an agreement that 'non c'è ancora' as talks, wherever the denial stands in the clause", () => {
    expect(link("L'accordo tra Milan e Lazio per Mario Gila non c'è ancora.", "Gila", "Milan")).toMatchObject(
      {
        stage: "talks",
        evidence: { certainty: "negated" },
      },
    );
  });

  it("should read a club swooping on or sounding out a player as interest", () => {
    expect(link("Il Bologna piomba su Mario Gila.", "Gila", "Bologna")?.stage).toBe("interest");
    expect(link("Intanto il Genoa sonda Nicolò Fagioli.", "Fagioli", "Genoa")?.stage).toBe("interest");
    expect(link("Il Torino bussa alla porta della Lazio per Mario Gila.", "Gila", "Torino")?.stage).toBe(
      "interest",
    );
  });

  it("should read 'si tratta con/per' as talks and 'si tratta di' as nothing", () => {
    expect(link("Napoli, si tratta con la Lazio per Mario Gila.", "Gila", "Napoli")?.stage).toBe("talks");
    expect(player("Si tratta di un affare importante per Mario Gila e il Napoli.", "Gila")).toBeUndefined();
  });

  it("should read English moves expected, pursuits ended and players on a club's radar", () => {
    expect(
      link("Mario Gila is expected to complete his move to Napoli this week.", "Gila", "Napoli"),
    ).toMatchObject({
      stage: "talks",
      claimed: "official",
    });
    expect(link("Napoli have ended their pursuit of Mario Gila.", "Gila", "Napoli")?.stage).toBe("collapsed");
    expect(link("Mario Gila is on the radar of Arsenal.", "Gila", "Arsenal")?.stage).toBe("interest");
  });

  it("should read the club after a deal word and 'della' as the one that wants him, not as his own", () => {
    const p = player("Mario Gila è nel mirino della Juventus.", "Gila");
    expect(p?.club).toBe("Lazio");
    expect(p?.links.map((l) => [l.club, l.stage])).toEqual([["Juventus", "interest"]]);
    expect(link("Mario Gila is a target of Arsenal.", "Gila", "Arsenal")?.stage).toBe("interest");
    expect(player("Mario Gila della Lazio piace al Napoli.", "Gila")?.links.map((l) => l.club)).toEqual([
      "Napoli",
    ]);
  });

  it("should read 'fa sul serio' as interest, 'ha detto no' as a collapse, and 'obiettivo concreto del' as the buyer", () => {
    expect(link("Il Napoli fa sul serio per Mario Gila.", "Gila", "Napoli")?.stage).toBe("interest");
    expect(link("Mario Gila ha detto no al Napoli.", "Gila", "Napoli")?.stage).toBe("collapsed");
    expect(link("Mario Gila è un obiettivo concreto del Napoli.", "Gila", "Napoli")?.stage).toBe("interest");
  });

  it("should give a club shopping for nobody named yet to the paragraph's next player", () => {
    const text =
      "Il Napoli segue Davide Frattesi da mesi.\n\n" +
      "Dal canto suo, l'Inter guarda con attenzione al mercato in entrata. Resta forte l'interesse per Mario Gila.";
    expect(player(text, "Gila")?.links.map((l) => [l.club, l.stage])).toEqual([["Inter", "interest"]]);
    expect(player(text, "Frattesi")?.links.map((l) => l.club)).toEqual(["Napoli"]);
  });

  it("should keep an interest beside a waiting word, and drop it beside a denial", () => {
    expect(
      link("Per Davide Frattesi la Juventus resta in corsa e in attesa.", "Frattesi", "Juventus")?.stage,
    ).toBe("interest");
    expect(link("Per Davide Frattesi la Juventus non è in corsa.", "Frattesi", "Juventus")).toBeUndefined();
  });

  it("should read a verbless 'Anche X e Y' as going on with the interest of the sentence before", () => {
    const text = "Fabio Miretti è seguito da tutti i club di media classifica. Anche Sassuolo e Cagliari.";
    expect(player(text, "Miretti")?.links.map((l) => [l.club, l.stage])).toEqual([
      ["Sassuolo", "interest"],
      ["Cagliari", "interest"],
    ]);
    // Without a deal word before, clubs after "anche" are nobody's suitors.
    expect(player("Fabio Miretti ha giocato bene. Anche Sassuolo e Cagliari.", "Miretti")).toBeUndefined();
  });

  it("should read the club a player drifts away from as a suitor, not his club", () => {
    const text =
      "Questa scelta potrebbe allontanare Thomas Kristensen dalla Juventus, che lo aveva sondato in estate.";
    expect(player(text, "Kristensen")?.club).toBe("Udinese");
    expect(link(text, "Kristensen", "Juventus")?.stage).toBe("interest");
  });

  it("should keep a club of last summer's story when the story tells how it ended", () => {
    const text =
      "Yann Bisseck resta all'Inter. Lo dice l'offerta del West Ham da 25 milioni arrivata all'Inter la scorsa " +
      "estate, ma subito rispedita al mittente.";
    expect(link(text, "Bisseck", "West Ham")?.stage).toBe("collapsed");
    // A story of last summer that ended in nothing said stays out.
    const old =
      "Yann Bisseck resta all'Inter. La scorsa estate era arrivata l'offerta del West Ham da 25 milioni.";
    expect(link(old, "Bisseck", "West Ham")).toBeUndefined();
  });

  it("should give one named 'oltre a' the sentence's clubs, but not the next sentence's words", () => {
    const shared =
      "La Roma lavora per portare Joshua Zirkzee nella Capitale e, oltre a Mario Gila, l'olandese è l'obiettivo principale.";
    expect(link(shared, "Gila", "Roma")?.stage).toBe("interest");
    const next =
      "Kenan Yildiz è molto richiesto. Oltre Mario Gila, il fantasista turco piace in Premier League. " +
      "Oltre al Liverpool, anche il Chelsea sarebbe interessato.";
    // The Chelsea's interest is the turco's (Yildiz), not Gila's, who was named only "besides".
    expect(player(next, "Gila")?.links.map((l) => l.club) ?? []).not.toContain("Chelsea");
  });

  it("should let 'un possibile trasferimento' hedge the transfer, not the answer awaited for sure", () => {
    const text = "La Roma attende la risposta di Mario Gila per un suo possibile trasferimento.";
    expect(link(text, "Gila", "Roma")?.stage).toBe("talks");
    expect(link("La Roma valuta un possibile trasferimento di Mario Gila.", "Gila", "Roma")?.stage).toBe(
      "interest",
    );
  });

  it("should give the buyer's switch to a new target to that target, though another player was named before", () => {
    const text =
      "L'Atletico Madrid segue Mario Gila. Il club spagnolo però ha cambiato idea: così si spiega la virata su " +
      "Kenan Yildiz.";
    expect(link(text, "Kenan", "Atletico Madrid")?.stage).toBe("interest");
  });

  it("should read \"il classe '97\" as the article's player born in 1997, past a friend named in passing", () => {
    const text =
      "Il Galatasaray vuole Ademola Lookman. L'Atalanta ha appena preso Giacomo Raspadori dal Napoli. " +
      "Il classe '97 sogna di raggiungere il connazionale e amico Victor Osimhen, anticipando la concorrenza del Fenerbahce.";
    expect(link(text, "Lookman", "Fenerbahce")?.stage).toBe("interest");
    expect(player(text, "Raspadori")?.links.map((l) => l.club)).not.toContain("Fenerbahce");
  });

  it("should keep a career told in English, and a future 'altrove', out of the links", () => {
    const career =
      "Napoli want Mario Gila. His talent was noticed by Espanyol, with a loan in 2021 before his switch to Lazio.";
    expect(player(career, "Gila")?.links.map((l) => l.club)).toEqual(["Napoli"]);
    const elsewhere = "Il Torino ha cercato Mario Gila, ma ora il suo futuro potrebbe essere altrove.";
    expect(player(elsewhere, "Gila")?.links.map((l) => l.club) ?? []).not.toContain("Torino");
  });

  it("should resolve a surname by the club named beside it", () => {
    expect(link("Il Milan vuole Koné della Roma.", "Manu Koné", "Milan")?.stage).toBe("interest");
    expect(player("Koné piace all'Inter: la Roma lo valuta 50 milioni.", "Manu Koné")?.club).toBe("Roma");
  });

  it("should read a club's press nickname, and a shared one only where the article names one of its clubs", () => {
    expect(link("I marsigliesi hanno chiuso per Mario Gila.", "Gila", "Marseille")?.stage).toBe("agreement");
    const chelsea = "Il Chelsea segue Mario Gila. I londinesi hanno presentato un'offerta alla Lazio.";
    expect(link(chelsea, "Gila", "Chelsea")?.stage).toBe("talks");
    // "londinesi" alone could be any of seven clubs: none is guessed.
    expect(player("I londinesi hanno presentato un'offerta per Mario Gila.", "Gila")).toBeUndefined();
  });

  it("should read 'vicino al' as talks now and as an earlier interest when told as over", () => {
    expect(link("Mario Gila è sempre più vicino al Napoli.", "Gila", "Napoli")?.stage).toBe("talks");
    expect(link("Mario Gila è stato molto vicino al Napoli.", "Gila", "Napoli")).toMatchObject({
      stage: "interest",
      evidence: { certainty: "past" },
    });
    expect(link("Mario Gila was close to joining Napoli.", "Gila", "Napoli")?.stage).toBe("interest");
    expect(link("Il Napoli è in vantaggio su tutti per Mario Gila.", "Gila", "Napoli")?.stage).toBe(
      "interest",
    );
  });

  it("should read English and Italian refusals: a bid rejected is talks, an interest ended is a collapse", () => {
    expect(link("Napoli have seen a bid for Mario Gila rejected by Lazio.", "Gila", "Napoli")?.stage).toBe(
      "talks",
    );
    expect(link("Napoli are no longer interested in Mario Gila.", "Gila", "Napoli")?.stage).toBe("collapsed");
    expect(link("Il Napoli non è più interessato a Mario Gila.", "Gila", "Napoli")?.stage).toBe("collapsed");
    expect(link("Mario Gila will not join Napoli this summer.", "Gila", "Napoli")?.stage).toBe("collapsed");
    expect(link("Mario Gila non andrà al Napoli.", "Gila", "Napoli")?.stage).toBe("collapsed");
  });

  it("should give each round-up item the club of the heading it stands under", () => {
    const text = [
      "Calciomercato, le ultime di oggi",
      "",
      "Milan\nI rossoneri pensano a Mario Gila per la difesa. Contatti avviati con la Lazio.",
      "",
      "Juventus\nSi lavora per Thomas Kristensen: l'Udinese chiede 20 milioni. Intanto piace anche Jonathan Ikoné.",
      "",
      "Napoli\nFrattesi resta un'idea, ma serve l'apertura dell'Inter.",
    ].join("\n");
    const clubs = (n: string) => player(text, n)?.links.map((l) => [l.club, l.stage]);
    expect(clubs("Gila")).toEqual([["Milan", "talks"]]);
    expect(clubs("Kristensen")).toEqual([["Juventus", "talks"]]);
    expect(clubs("Ikon")).toEqual([["Juventus", "interest"]]);
    expect(clubs("Frattesi")).toEqual([["Napoli", "interest"]]);
    // The heading's club buys for every item under it, also after it was named for one of them.
    const section =
      "Le ultime\n\nRoma\nSi lavora per Mario Gila.\n\nMilan\nIl Milan ha chiuso per Nicolò Fagioli. Sfuma invece Davide Frattesi, che resta all'Inter.";
    expect(player(section, "Frattesi")?.links.map((l) => [l.club, l.stage])).toEqual([
      ["Milan", "collapsed"],
    ]);
    // A lone club line in an ordinary article is no heading.
    const lone = "Il Napoli segue Mario Gila.\n\nRoma\nLa trattativa per Thomas Kristensen è avviata.";
    expect(player(lone, "Kristensen")?.links.map((l) => l.club) ?? []).not.toContain("Roma");
  });

  it("should quote the sentence that decided each link", () => {
    const l = link(
      "Il Genoa segue Mario Gila della Lazio. Il Milan ha chiuso per Mario Gila.",
      "Gila",
      "Milan",
    );
    expect(l?.evidence?.text).toBe("Il Milan ha chiuso per Mario Gila");
  });
});

describe("playerKey", () => {
  it("should keep Latin keys as they were and give other scripts their own letters", async () => {
    const { playerKey } = await import("../../src/understand/index.js");
    expect(playerKey("Kim Min-Jae")).toBe("kim-min-jae");
    expect(playerKey("Füllkrug")).toBe("fullkrug");
    expect(playerKey("Иван Петров")).toBe("иван-петров");
    expect(playerKey("李刚")).not.toBe("");
    expect(playerKey("李刚")).not.toBe(playerKey("Иван Петров"));
  });
});
