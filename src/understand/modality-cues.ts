import { cues } from "./cue-list.js";

/**
 * Words that change how sure a clause is, not what it says. Folded forms; a trailing `*` matches any ending.
 * They act on the stage cues of their own clause only (see clauses.ts).
 */

/**
 * A possibility, not a fact: the clause's stage is at most interest ("potrebbe chiudere", "l'ipotesi di uno
 * scambio", "could join", "a possible move"). What the clause claims is kept as a claim.
 */
export const POSSIBILITY = cues(`
  potrebbe | potrebbero | potra | potranno | possibil* | ipotesi | ipotizz* | si parla di | si parla |
  si vocifera | voci | non e da escludere | da non escludere | eventual* | chissa | non e escluso | non escluso | forse | magari | qualora |
  in caso di | nel caso | sarebbe disposto | sarebbe disposta | scenario | could | might |
  possible | possibly | potential | potentially | chance | chances | if | rumoured | rumored |
  speculation | in caso | rischia | rischiano | rischio | a rischio | risk | risks | at risk |
  resta da capire | resta da vedere | rimane da capire | rimane da vedere | tutto da vedere | da capire se |
  remains to be seen | remain to be seen | could join | might join | may join | could sign for | could move to |
  could complete | may well | may be | may join | may move | may leave | may sign | may have
`);

/**
 * Reported or expected, not yet done: the clause's stage is one rung lower ("avrebbe raggiunto l'accordo"
 * tells of talks for sure, an agreement by hearsay; "set to join", "pronto a chiudere"). Conditional verbs
 * ("-rebbe", "-rebbero") count too, by their ending (clauses.ts).
 */
export const REPORTED = cues(`
  pronto a | pronta a | pronti a | pronte a | dovrebbe | dovrebbero | dovra | dovranno | set to |
  set to join | set to sign | poised to join | poised to sign | in line to join | on course to join | expected to | reportedly | would | ready to | poised to | in line to |
  on course to | lavora per | lavorano per | al lavoro per | will | will have to | would have to |
  dipendera | dipenderanno | dipende | arriveranno | presentera | presenteranno | valutera | valuteranno |
  proporra | proporranno | offrira | offriranno | fara | faranno | would join | said to be | is said |
  are said | understood to be | believed to be | thought to be | reported to be | nearing | hope to | hopes to |
  hoping to | spera di | sperano di | is due to | are due to | prima di | before making | preparing | prepares |
  prepare | prepara | preparano | preparando | preparare
`);

/**
 * Before a name: the player is named in passing, not as a target ("al posto di X", "l'erede di X", "come X",
 * "like X", "fratello di X", "dopo Di Gregorio e Douglas Luiz"). Such a mention takes no link from its clause.
 */
export const ASIDE = cues(`
  al posto di | posto di | erede di | erede | sostituto di | sostituto | sostituire | rimpiazzare |
  rimpiazzo | dopo l addio di | dopo la partenza di | dopo la cessione di | dopo l arrivo di | dopo |
  insieme a | insieme con | in coppia con | compagno di | compagno | compagni | fratello di |
  fratello | figlio di | padre di | cugino di | alla pari di | stile | tipo | like | alongside | replace |
  replacing | replacement for | successor to | successor | brother of | brother | son of | teammate |
  team mate | partner | after | affiancare | affiancare a | connazionale | amico | idolo | compatriot |
  friend | dall arrivo di |
  accanto a | al fianco di
`);

/** Words that open a new clause even without punctuation before them (clauses.ts). */
export const CLAUSE_WORDS = cues(`
  ma | mentre | pero | perche | poiche | quando | sebbene | nonostante | benche | invece | while | but |
  although | though | whereas | however | because | since | when | after
`);

/** Auxiliaries of a past perfect, before a participle: "era finito", "aveva rifiutato", "had agreed". */
export const PAST_AUX = cues(`
  era | erano | ero | eri | aveva | avevano | avevo | fu | furono | had
`);

/**
 * "c'è", "ci sono": after "su X" they tell who is after him ("Su Ferguson c'è il Napoli", "sull'ucraino ci
 * sono il Milan e il Como"); elsewhere they say nothing (see mentions.ts).
 */
export const THERE_IS = cues(`
  c e | ci sono | ci sarebbe | ci sarebbero | c era | c erano
`);
