import { describe, expect, it } from "vitest";
import { createUnderstander, loadGazetteer, type Stage } from "../../src/understand/index.js";

/**
 * The everyday phrases of each stage, in both languages, each in a sentence written for the project: a fan
 * reads them every day, so the extractor must too. One row per phrase family; the buyer is always the club
 * after the cue, the player's own club (from the lists) is never a link.
 */
const u = createUnderstander(loadGazetteer());
const stageOf = (text: string, name: string, club: string) => {
  const p = u.extract({ text }).players.find((x) => x.name.includes(name));
  const l = p?.links.find((x) => x.club === club);
  return l ? [l.stage, l.claimed ?? null] : null;
};

const rows: [string, Stage, Stage | null][] = [
  // Talks: a meeting, a proposal, a player opening the door.
  ["Nuovo summit tra Napoli e Fiorentina per Nicolò Fagioli.", "talks", null],
  ["Il Napoli ha presentato una proposta alla Fiorentina per Nicolò Fagioli.", "talks", null],
  ["Nicolò Fagioli apre al Napoli: il centrocampista vuole lasciare la Fiorentina.", "talks", null],
  ["Il Napoli have made contact with Fiorentina over Nicolò Fagioli.", "talks", null],
  // Agreement: closing, the player's yes, a fee agreed.
  ["In chiusura l'affare tra Napoli e Fiorentina per Nicolò Fagioli.", "agreement", null],
  ["Nicolò Fagioli ha dato l'ok al trasferimento al Napoli.", "agreement", null],
  ["Napoli agree a fee with Fiorentina for Nicolò Fagioli.", "agreement", null],
  // Coming back to a target, an attempt not ruled out, a club thinking it over.
  ["Il Napoli potrebbe tornare su Nicolò Fagioli a giugno.", "interest", null],
  ["Non è da escludere un tentativo del Napoli per Nicolò Fagioli.", "interest", null],
  ["Il Napoli starebbe pensando a Nicolò Fagioli.", "interest", null],
  ["Non solo centrocampisti: il Napoli pensa anche a Nicolò Fagioli.", "interest", null],
  ["Il Napoli punta forte su Nicolò Fagioli.", "interest", null],
  ["L'anno scorso il Napoli aveva provato a prendere Nicolò Fagioli.", "interest", null],
  // The press's other verbs of a deal: trying, striking, holding, settling in.
  ["Il Napoli tenta Nicolò Fagioli.", "interest", null],
  // A buy option exercised, and a decision taken (not a goal).
  ["Il Napoli ha deciso di esercitare il diritto di riscatto per Nicolò Fagioli.", "agreement", null],
  ["Per Nicolò Fagioli si è fatto avanti il Napoli, ma la Fiorentina chiede 20 milioni.", "interest", null],
  ["Il Napoli affonda il colpo per Nicolò Fagioli.", "talks", null],
  ["Il Napoli stringe per Nicolò Fagioli.", "talks", null],
  ["Il Napoli ha in pugno Nicolò Fagioli.", "agreement", null],
  ["Il Napoli ha messo le mani su Nicolò Fagioli.", "agreement", null],
  ["Nicolò Fagioli si accasa al Napoli.", "agreement", null],
  ["Nicolò Fagioli ha salutato la Fiorentina: sarà un giocatore del Napoli.", "agreement", null],
  ["Nicolò Fagioli è il nuovo centrocampista del Napoli.", "official", null],
  // "passa al": the press's present for a move agreed; "il passaggio al" a move spoken of.
  ["Nicolò Fagioli passa al Napoli in prestito con diritto di riscatto.", "agreement", null],
  ["Il passaggio di Nicolò Fagioli al Napoli è sempre più vicino.", "talks", null],
  // Official: a signature in the present, a confirmed signing.
  ["Nicolò Fagioli firma con il Napoli fino al 2030.", "official", null],
  ["Nicolò Fagioli signs for Napoli from Fiorentina.", "official", null],
  ["Napoli confirm the signing of Nicolò Fagioli on a five-year deal.", "official", null],
  ["Nicolò Fagioli undergoes a medical at Napoli.", "medical", null],
  // Collapse: a club pulling out, a deal fading, a refusal in the present.
  ["Il Napoli si è tirato indietro per Nicolò Fagioli.", "collapsed", null],
  ["Niente da fare per Nicolò Fagioli al Napoli: resta alla Fiorentina.", "collapsed", null],
  ["Il Napoli ha abbandonato la pista Nicolò Fagioli.", "collapsed", null],
  ["Sfuma il trasferimento di Nicolò Fagioli al Napoli.", "collapsed", null],
  ["Napoli have walked away from a deal for Nicolò Fagioli.", "collapsed", null],
  ["Nicolò Fagioli turns down Napoli.", "collapsed", null],
  ["Nicolò Fagioli è in uscita dalla Fiorentina. Su di lui c'è il Napoli.", "interest", null],
  // "si tratta" alone is talks; "si tratta di" only says what something is.
  ["Napoli-Fagioli, si tratta con la Fiorentina", "talks", null],
  ["Si tratta di un nome importante per il Napoli, che segue Nicolò Fagioli.", "interest", null],
  // Headline interest: a club "on" a name, a club that emerges, tries or keeps at it.
  ["Napoli su Nicolò Fagioli: la Fiorentina chiede 20 milioni", "interest", null],
  ["Nicolò Fagioli, spunta il Napoli", "interest", null],
  ["Sul centrocampista ci sono il Napoli e il Como: Nicolò Fagioli piace molto.", "interest", null],
  ["Nicolò Fagioli, il Napoli ci prova", "interest", null],
  ["Il Napoli non molla Nicolò Fagioli.", "interest", null],
  ["Per il centrocampo il Napoli guarda a Nicolò Fagioli.", "interest", null],
  // English press verbs of a deal: a move made, a deal struck, a player heading or poised to join.
  ["Napoli have made a move for Nicolò Fagioli.", "talks", null],
  ["Napoli have also looked at Nicolò Fagioli.", "interest", null],
  ["Napoli have struck a deal for Nicolò Fagioli.", "agreement", null],
  ["Nicolò Fagioli is heading to Napoli.", "agreement", null],
  ["Nicolò Fagioli is poised to join Napoli.", "talks", "agreement"],
  // "had been in talks": a past perfect, an earlier interest, not a career to leave out.
  ["Napoli had been in talks over a loan for Nicolò Fagioli last month.", "interest", null],
  // "have had a bid rejected" is a present perfect: the talks go on, not a past.
  ["Napoli have had a bid rejected for Nicolò Fagioli.", "talks", null],
  // English press verbs of a pursuit.
  ["Napoli are keeping tabs on Nicolò Fagioli.", "interest", null],
  ["Napoli and Como have sent scouts to watch Nicolò Fagioli.", "interest", null],
  ["Su Nicolò Fagioli resta vigile il Napoli.", "interest", null],
  [
    "Napoli were linked with Nicolò Fagioli but have since turned their attention elsewhere.",
    "collapsed",
    null,
  ],
  ["Napoli are keen to sign Nicolò Fagioli.", "interest", null],
  ["Antonio Conte's Napoli are pushing to sign Nicolò Fagioli.", "talks", null],
  ["Fiorentina will sell Nicolò Fagioli, with Napoli leading the race.", "interest", null],
  // A denial ends the story; an English negation lowers the stage as "non" does.
  ["Il Napoli smentisce qualsiasi interesse per Nicolò Fagioli.", "collapsed", null],
  ["Napoli have denied any interest in Nicolò Fagioli.", "collapsed", null],
  ["Napoli have not agreed a fee with Fiorentina for Nicolò Fagioli.", "talks", null],
  // A passive denied after its noun: "l'accordo … non è stato trovato".
  [
    "Per Nicolò Fagioli l'accordo con il Napoli per il prestito del centrocampista non è stato trovato.",
    "talks",
    null,
  ],
  [
    "Nicolò Fagioli resterà alla Fiorentina: il Napoli ha deciso di puntare su altri profili.",
    "collapsed",
    null,
  ],
  [
    "La telenovela tra Napoli e Fiorentina per Nicolò Fagioli si chiude con un nulla di fatto.",
    "collapsed",
    null,
  ],
  // "agreed a fee with Fiorentina": the club dealt with sells; the medical only scheduled.
  [
    "Napoli have agreed a fee with Fiorentina for Nicolò Fagioli, who is due to undergo a medical.",
    "agreement",
    "medical",
  ],
  // Close to a return from injury is no deal; close to agreeing one is.
  ["Nicolò Fagioli è vicino al rientro e il Napoli lo osserva.", "interest", null],
  ["Napoli are close to agreeing a deal for Nicolò Fagioli.", "agreement", null],
  // An offer still to be made: before it, being prepared, or told by a modal after its noun.
  ["Prima di fare un'offerta per Nicolò Fagioli il Napoli deve vendere.", "interest", "talks"],
  ["Napoli are preparing an offer for Nicolò Fagioli.", "interest", "talks"],
  ["Napoli are weighing up a January bid for Nicolò Fagioli.", "interest", "talks"],
  ["Il Napoli valuta un'offerta per Nicolò Fagioli.", "interest", "talks"],
  ["Il Napoli pensa a Nicolò Fagioli, l'offerta però dovrà superare i 20 milioni.", "interest", "talks"],
  // Hearsay and hope lower what they report.
  ["Napoli are said to be nearing an agreement for Nicolò Fagioli.", "talks", "agreement"],
  ["Napoli hope to complete a deal for Nicolò Fagioli.", "talks", "official"],
  ["Non è escluso che il Napoli chiuda per Nicolò Fagioli nei prossimi giorni.", "interest", "agreement"],
  ["Nicolò Fagioli potrebbe finire al Napoli.", "interest", "agreement"],
  ["Nicolò Fagioli may well end up at Napoli.", "interest", "agreement"],
  // A move that could happen is a possibility: interest for sure, the move only claimed.
  ["Nicolò Fagioli could join Napoli before the deadline.", "interest", "agreement"],
  ["Nicolò Fagioli would join Napoli if the clubs agree a fee.", "interest", "agreement"],
];

describe("the everyday phrases of each stage", () => {
  it.each(rows)("%s → %s", (text, stage, claimed) => {
    expect(stageOf(text, "Fagioli", "Napoli")).toEqual([stage, claimed]);
  });

  it('should read "c\'è" and "ci sono" as interest only after "su" a name', () => {
    expect(stageOf("Su Nicolò Fagioli c'è il Napoli.", "Fagioli", "Napoli")).toEqual(["interest", null]);
    expect(
      stageOf("Ci sono novità per Nicolò Fagioli, intanto il Napoli vince.", "Fagioli", "Napoli"),
    ).toBeNull();
  });

  it("should read a move told after 'dopo il passaggio' as history, and a pass of the ball as no move", () => {
    expect(
      stageOf("Dopo il passaggio al Napoli, Nicolò Fagioli non ha più segnato.", "Fagioli", "Napoli"),
    ).toBeNull();
    expect(stageOf("Nicolò Fagioli passa la palla e il Napoli segna.", "Fagioli", "Napoli")).toBeNull();
  });

  it("should read a signature on a new contract as the renewal's, not a move to the club of the sentence", () => {
    const text =
      "Napoli are long-term admirers of Nicolò Fagioli, although he signed a new contract with Fiorentina last month.";
    expect(stageOf(text, "Fagioli", "Napoli")).toEqual(["interest", null]);
  });

  it("should read 'resta da capire' as a doubt, not the player staying", () => {
    // "Resta" here is "it remains to be seen": no collapse, and the proposal is only a possibility.
    const s = stageOf(
      "Il Napoli segue Nicolò Fagioli. Resta da capire se la Fiorentina sarà aperta a una proposta del genere.",
      "Fagioli",
      "Napoli",
    );
    expect(s?.[0]).toBe("interest");
  });
});
