import { describe, expect, it } from "vitest";
import { createGazetteer, type PlayerEntry } from "../../src/understand/gazetteer.js";
import { createUnderstander, loadGazetteer } from "../../src/understand/index.js";

const u = createUnderstander(loadGazetteer());

describe("names inside other names", () => {
  it("should not take a singer's surname for a player of that name", () => {
    const x = u.extract({
      title: "Icardi, la Juventus ci pensa",
      text:
        "Come cantava Fabrizio De André, la Juventus ha avviato i contatti con il Galatasaray per Icardi. " +
        "Un ritorno in Italia non è mai semplice.",
    });
    expect(x.players.some((p) => /andr/i.test(p.name))).toBe(false);
    const icardi = x.players.find((p) => p.name === "Mauro Icardi");
    expect(icardi?.club).toBe("Galatasaray");
    expect(icardi?.links.map((l) => l.club)).toContain("Juventus");
  });

  it("should keep a player whose nickname comes before his surname", () => {
    const x = u.extract({
      text: "Il Bologna ha chiesto informazioni per Taty Castellanos in vista di gennaio.",
    });
    expect(x.players.map((p) => p.key)).toContain("valentin-castellanos");
  });
});

describe("relatives and namesakes", () => {
  it("should not give a player his brother's deal", () => {
    const x = u.extract({
      text: "Chelsea have agreed a fee with Lyon for Rayan Cherki's younger brother, Yanis Cherki.",
    });
    expect(x.players.some((p) => p.name === "Rayan Cherki")).toBe(false);
    // A capitalised word of ours before the surname is no given name: "Salta Colombo al Sassuolo".
    const z = u.extract({
      title: "Il Genoa ha preso Vitinha dal Marsiglia. Salta Colombo al Sassuolo",
      text: "Lorenzo Colombo resterà in Liguria.",
    });
    expect(z.players.find((p) => p.name === "Vitinha")?.links.map((l) => l.club)).toEqual(["Genoa"]);
    // Another given name before a surname the article has already given in full is somebody else.
    const y = u.extract({
      text: "Rayan Cherki resta al Manchester City. Il Nizza ha chiuso per Yanis Cherki.",
    });
    expect(y.players.map((p) => [p.name, p.provisional, p.links.map((l) => l.club)])).toEqual([
      ["Yanis Cherki", true, ["Nice"]],
    ]);
  });
});

describe("the name shown", () => {
  it("should show the list's full name when the article writes it, not a shorter form it also uses", () => {
    const x = u.extract({
      title: "Juventus, contatti per Kolo Muani",
      text: "La Juventus ha avviato i contatti con il Tottenham per Randal Kolo Muani.",
    });
    expect(x.players.map((p) => p.name)).toEqual(["Randal Kolo Muani"]);
  });
});

describe("one-word names", () => {
  it("should take the five-league player for a surname whose namesakes play elsewhere, in a transfer sentence", () => {
    // Éderson of Atalanta, not the goalkeeper now at Fenerbahçe nor the Chilean league's S. Rodríguez.
    const x = u.extract({ text: "Ederson? Lo vorrebbe la Juventus, che però deve prima vendere." });
    expect(x.players.map((p) => [p.name, p.club])).toEqual([["Éderson", "Atalanta"]]);
    // Without a deal word, the name is nobody's yet.
    expect(u.extract({ text: "Ederson ha giocato una grande partita." }).players).toEqual([]);
  });

  it("should read a one-word name before a surname as another player's first name", () => {
    const x = u.extract({
      text: "Lo Spezia ha chiuso per l'attaccante brasiliano Wesley Carvalho, classe 2004.",
    });
    expect(x.players.map((p) => [p.name, p.provisional])).toEqual([["Wesley Carvalho", true]]);
    const alone = u.extract({ text: "Il Napoli vuole Wesley della Roma." });
    expect(alone.players.map((p) => [p.name, p.club])).toEqual([["Wesley", "Roma"]]);
  });
});

describe("known people", () => {
  it("should keep coaches and journalists out even when a player of the wider list has their surname", () => {
    const x = u.extract({
      text:
        "Il Napoli ha avviato i contatti con il Bologna: Conte vuole un centrocampista e Italiano non si oppone. " +
        "Lo riferisce Hawkins, mentre Mendes lavora alla cessione.",
    });
    expect(x.players).toEqual([]);
  });
});

describe("surname collisions", () => {
  const player = (p: Partial<PlayerEntry> & Pick<PlayerEntry, "key" | "name" | "club">): PlayerEntry => ({
    position: null,
    nation: null,
    born: null,
    ...p,
  });
  const g = createGazetteer({
    clubs: [
      { name: "Genoa", aliases: [], country: "ITA" },
      { name: "Porto", aliases: ["FC Porto"], country: "POR" },
      { name: "Torino", aliases: [], country: "ITA" },
    ],
    players: [
      player({
        key: "marco-silvestri",
        name: "Marco Silvestri",
        club: "Genoa",
        position: "DF",
        nation: "ITA",
      }),
      player({ key: "joao-silvestri", name: "João Silvestri", club: "Porto", position: "FW", nation: "POR" }),
    ],
    people: [],
    places: [],
    weak: [],
    cityClubs: [],
  });
  const small = createUnderstander(g);
  const keys = (text: string) => small.extract({ text }).players.map((p) => p.key);

  it("should pick the candidate whose club the article names", () => {
    expect(keys("Il Torino ha avviato i contatti con il Porto per Silvestri.")).toEqual(["joao-silvestri"]);
    expect(keys("Il Torino ha avviato i contatti con il Genoa per Silvestri.")).toEqual(["marco-silvestri"]);
  });

  it("should break a tie between named clubs with the role beside the surname", () => {
    const text =
      "Genoa e Porto osservano il mercato. Il Torino ha avviato i contatti per l'attaccante Silvestri.";
    expect(keys(text)).toEqual(["joao-silvestri"]);
  });

  it("should report no player when nothing in the article tells the two apart", () => {
    expect(keys("Il Torino ha avviato i contatti per Silvestri.")).toEqual([]);
  });

  it("should take a surname only the wider list knows when a stage cue is about it", () => {
    const keys = (text: string) => u.extract({ text }).players.map((p) => p.key);
    // Cancelo and Icardi play outside the five leagues and their clubs go unnamed: the cue governs the name.
    expect(keys("L'Inter pensa a Cancelo per la fascia destra.")).toEqual(["joao-cancelo"]);
    expect(keys("Juventus, c'è l'idea Icardi per l'attacco.")).toEqual(["mauro-icardi"]);
    // Or the cue is said of it: "Icardi nel mirino della Juventus".
    expect(keys("Icardi nel mirino della Juventus.")).toEqual(["mauro-icardi"]);
    // A surname that is also a word of ours needs his club: "Resta l'obiettivo del Milan" is a verb.
    expect(keys("Resta l'obiettivo del Milan un difensore.")).toEqual([]);
    // The press's short form of his given name: "Joe Hodge" is the list's "Joseph Shaun Hodge".
    expect(keys("Barnsley have agreed a deal for Joe Hodge.")).toEqual(["joseph-hodge"]);
    // A given name of his own before the surname names him like a full name ("Muhammed Kerem Aktürkoğlu").
    expect(keys("Manchester United want forward Kerem Akturkoglu.")).toEqual(["akturkoglu"]);
    // The same surname merely in a transfer sentence, or a word the wider list holds as a name, is not enough.
    expect(keys("Cancelo era in campo quando l'Inter ha chiuso il colpo.")).toEqual([]);
    expect(keys("Fenerbahce lands midfield Maestro after agreeing a fee.")).toEqual([]);
  });
});

describe("players the lists lack", () => {
  it("should keep an unknown player who is the subject of a deal word, and no coach or pundit", () => {
    const players = (text: string) => u.extract({ text }).players;
    const p = players("Marco Zorzetto ha firmato con il Tondela.");
    expect(p.map((x) => [x.name, x.provisional, x.links.map((l) => [l.club, l.stage])])).toEqual([
      ["Marco Zorzetto", true, [["Tondela", "official"]]],
    ]);
    // The subject of a relative right after his name: ", che passa al Pescara", ", who joins on loan".
    expect(players("La Primavera perde Marco Zorzetto, che passa al Pescara.")[0]?.name).toBe(
      "Marco Zorzetto",
    );
    expect(players("Pescara have signed Joe Zorzetto, who joins on loan.")[0]?.name).toBe("Joe Zorzetto");
    expect(players("Joe Zorzetto is close to joining Tondela.")[0]?.links[0]?.club).toBe("Tondela");
    expect(players("Maurizio Sarri ha firmato con la Lazio.")).toEqual([]);
    expect(players("Fabrizio Romano ha confermato l'accordo tra Milan e Roma.")).toEqual([]);
    // Interest alone is not enough: "X piace al Tondela" is said of coaches too.
    expect(players("Marco Zorzetto piace al Tondela.")).toEqual([]);
  });

  it("should keep an unknown youth player named with his year of birth", () => {
    const x = u.extract({
      text: "Il Torino ha avviato i contatti con lo Slavia Praga per il classe 2006 Ondrej Vrbicky.",
    });
    const p = x.players.find((q) => q.provisional);
    expect(p?.key).toBe("ondrej-vrbicky");
    expect(p?.links[0]?.club).toBe("Torino");
  });

  it.each([
    "Il Torino ha avviato i contatti per l'attaccante del Marsiglia Ondrej Vrbicky.",
    "Il Torino ha avviato i contatti per Ondrej Vrbicky, centrocampista classe 2004.",
    "Il Torino ha avviato i contatti per il 19enne Ondrej Vrbicky.",
    "Torino have opened talks for the 19-year-old Ondrej Vrbicky.",
    "Torino have opened talks for Ondrej Vrbicky, 19, from Slavia Prague.",
  ])("should read the player cue in %s", (text) => {
    const p = u.extract({ text }).players.find((q) => q.provisional);
    expect(p?.name).toBe("Ondrej Vrbicky");
  });

  it("should not take a one-word player's name for the first name of an unknown one", () => {
    const x = u.extract({ text: "Il Torino ha avviato i contatti per il classe 2005 Ruben Kvasnic." });
    expect(x.players.map((p) => [p.name, p.provisional])).toEqual([["Ruben Kvasnic", true]]);
  });
});

describe("the name as the article writes it", () => {
  it("should show a fuller written form of a known player and keep his key", () => {
    const x = u.extract({
      text: "Il Napoli ha chiesto informazioni all'Inter per il giovane Pio Esposito, ma i nerazzurri hanno detto no.",
    });
    const p = x.players.find((q) => q.key === "francesco-esposito");
    expect(p?.name).toBe("Pio Esposito");
    expect(x.players.some((q) => q.name === "Pio")).toBe(false);
  });

  it("should keep the list's name for the same words with accents or a hyphenated given name", () => {
    const x = u.extract({
      text: "Il Tottenham ha presentato un'offerta all'Inter per Yann-Aurel Bisseck, difensore tedesco.",
    });
    expect(x.players.find((q) => q.key.includes("bisseck"))?.name).toBe("Yann Bisseck");
  });
});

describe("staff nouns before a name", () => {
  it("should read the name after an agent's 'di' as his client", () => {
    const x = u.extract({
      text: "Il Milan ha incontrato l'agente di Yann Bisseck per un trasferimento a gennaio: l'Inter chiede 40 milioni.",
    });
    expect(x.players.map((p) => p.name)).toContain("Yann Bisseck");
  });

  it("should still keep the agent himself out", () => {
    const x = u.extract({
      text: "Il Milan vuole Leao, secondo l'agente Jorge Mendes la trattativa è aperta.",
    });
    expect(x.players.some((p) => /mendes/i.test(p.name))).toBe(false);
  });

  it("should take an experienced goalkeeper for a player, not a pundit", () => {
    const x = u.extract({
      text: "Il Genoa ha avviato una trattativa con il Manchester City per l'esperto Stefan Ortega.",
    });
    expect(x.players.map((p) => p.name)).toContain("Stefan Ortega");
  });

  it("should keep a coach named in full out, and his surname alone later", () => {
    const x = u.extract({
      text:
        "Il ct francese Thierry Henry ha parlato del trasferimento alla Juventus. " +
        "Henry ha detto che la Juventus ha chiuso l'acquisto.",
    });
    expect(x.players.some((p) => /henry/i.test(p.name))).toBe(false);
  });

  it("should not take an outlet cited as 'riportata da' for a player", () => {
    const x = u.extract({
      text: "La notizia, riportata da CalcioWebNews, il giovane attaccante ha firmato con l'Inter fino al 2030.",
    });
    expect(x.players.some((p) => /calcioweb/i.test(p.name))).toBe(false);
  });
});

describe("letters and sentence starts", () => {
  it("should read a Turkish dotless i as i", () => {
    const x = u.extract({ text: "La Juventus ha rinnovato il contratto di Yildiz fino al 2030." });
    expect(x.players.map((p) => p.name)).toContain("Kenan Yıldız");
  });

  it("should not glue a sentence's first word to an unknown player's surname", () => {
    const x = u.extract({
      text: "Il Milan ha chiesto informazioni al Lille. Oltre Zorgvliet, il centrocampista francese piace anche al Napoli.",
    });
    expect(x.players.map((p) => p.name)).toEqual(["Zorgvliet"]);
  });

  it("should read a name a scrape glued to the word before it", () => {
    const x = u.extract({ text: "L'Inter ha presentato un'offerta perJoao Cancelo, terzino dell'Al-Hilal." });
    expect(x.players.map((p) => p.name)).toContain("João Cancelo");
    const y = u.extract({ text: "Il Milan ha presentato un'offerta per McKennie." });
    expect(y.players.map((p) => p.name)).toContain("Weston McKennie");
  });
});
