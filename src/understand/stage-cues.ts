import { cues } from "./cue-list.js";
import type { Stage } from "./types.js";

/**
 * Cue phrases of Italian and English transfer prose, by what they signal. Words are folded (no accents, lower
 * case); a trailing `*` matches any ending, so "ufficializz*" covers ufficializzato/ufficializza. Lists are
 * the labels' cue words generalised to their families, not sentences from any article.
 */
export const STAGE_CUES: Record<Stage, readonly string[]> = {
  interest: cues(`
    interess* | piace | piacciono | piaceva | gradisc* | gradire | obiettiv* | mirino | sulle tracce |
    tracce | segue | seguono | seguito | seguire | osserva | osservano | monitor* | pensa a |
    pensa di | pensano | valuta | valutano | idea | pista | piste | sogno | sogna | suggestion* |
    accostat* | orbita | vuole | vogliono | vorrebbe | vorrebbero | cerca | cercano | a caccia |
    caccia | nome | nomi | lista | taccuino | informazioni | alla finestra | in corsa | attent* |
    attenzione | favorit* | individuat* | punta | puntano | punta su | occhi | corteggiament* |
    corteggia | pressing | sondaggi* | sondat* | candidat* | profilo | colpo | rinforz* | assalto |
    tra i profili | prima scelta | preferit* | tentazione | ipotesi | destinazion* | estimatore | pupillo | in pole |
    chiesto | spinge | spingere | avvicina | stima | uomo giusto | pedina | ritorno |
    riportare | futuro | scenari* | accostamento | keen | interest | interested | monitoring |
    monitors | tracking | tracks | target | targets | targeting | eyeing | eyes | want | wants |
    considering | consider | linked | links with | links to | link with | admire | admirers | scouted | scouting | shortlist |
    shortlisted | plotting | weighing | race for | in the race | pursuit | chasing | chase |
    move for | swoop | suitors | informati | si informa | si informano | si e informato | si era informato |
    si erano informati | si e informata | si era informata | si sono mossi | si erano mossi |
    si e mosso | si muove | si muovono | sta considerando | stanno considerando |
    virare su | virare sull | virata su | switch to | tipped | favourites | option | alternative | concorrenza |
    concorrenti | rivali | competition | rivals | acquisto | sorpasso | beffa | beffare | soffiare |
    scavalca | scavalcare | hijack | gazump* | accelera | accelerano | accelerare | accelerata | accelerato |
    in vantaggio | fa sul serio | fanno sul serio | on the radar | insiste | insistono | insistere | piomba | piombano | piombare | sonda | sondano | sondare |
    spunta | spuntano | spuntato | spuntata | ci prova | ci provano | non molla | non mollano | guarda a | guardano a | guarda in casa | guarda ad |
    resta vigile | restano vigili | rimane vigile | vigile | vigili | looked at | looking at | look at | looks at | keeping tabs | keep tabs | keeps tabs | kept tabs | sent scouts | send scouts | sending scouts | scouts to watch |
    mandato i suoi osservatori | inviato i suoi osservatori | osservatori | visionare | visionato | visionarlo | keeping an eye | keep an eye | keeps an eye | close eye |
    pensa anche a | pensa ancora a | pensa sempre a | pensa seriamente a | pensa concretamente a |
    pensa con insistenza a | pensa forte a | pensa davvero a | pensano anche a | pensano ancora a |
    pensano sempre a | pensano seriamente a | pensano concretamente a | pensano con insistenza a |
    pensano forte a | pensano davvero a | punta anche su | punta ancora su | punta sempre su |
    punta seriamente su | punta concretamente su | punta con insistenza su | punta forte su | punta davvero su |
    puntano anche su | puntano ancora su | puntano sempre su | puntano seriamente su |
    puntano concretamente su | puntano con insistenza su | puntano forte su | puntano davvero su |
    guarda anche a | guarda ancora a | guarda sempre a | guarda seriamente a | guarda concretamente a |
    guarda con insistenza a | guarda forte a | guarda davvero a | guardano anche a | guardano ancora a |
    guardano sempre a | guardano seriamente a | guardano concretamente a | guardano con insistenza a |
    guardano forte a | guardano davvero a |
   
   
   
   
    fatto avanti | fatta avanti | fa avanti | fanno avanti | farsi avanti | fatto sotto | fa sotto | tenta | tentano | tentativo | tentativi | tornare su | torna su | tornano su | torna sul | tornare sul |
    preso in considerazione | prende in considerazione | prendere in considerazione | pensando a | pensando di |
    sta pensando | stanno pensando | prendere | prenderlo | passaggio al | passaggio alla | passaggio all | passaggio allo | bussa | bussano | bussare | si fionda | si fiondano | su di lui | su di lei | ci pensa | ci pensano | eye | track | monitor | keen to sign | eager to sign | want to sign | wants to sign | leading the race | lead the race | leads the race |
    front runners | frontrunners | enquire* | enquiry | enquiries | inquir* | asked about | asking about | ask about | mull* | favourite | wanted by | sought by | targeted by | admired by | tracked by | monitored by
  `),
  talks: cues(`
    trattativ* | tratta | trattano | approcc* | passi in avanti | passo in avanti | passi avanti | passo avanti |
    step forward | attende la risposta | attende una risposta | aspetta la risposta |
    chiesto in prestito | chiede in prestito | richiesto in prestito | chiesto a titolo definitivo | tira e molla |
    si tratta per | si tratta con | si sta trattando | si continua a trattare | si lavora per |
    vicino al | vicino alla | vicina al | vicina alla | vicini al | vicino all | sempre piu vicino |
    aspetta una risposta | in attesa della risposta | in attesa di una risposta | awaiting a response | offerta ufficiale | proposta ufficiale | mossa ufficiale | richiesta ufficiale |
    sondaggio ufficiale | approccio ufficiale | rilancio ufficiale | ufficialmente aperta |
    ufficialmente aperto | ufficialmente iniziata | official offer | official bid | official approach | contatt* | colloqui* | offert* | incontr* | negoziat* | dialogo |
    stand by | discussion* | talks | negotiat* | offer | offered | bid | bids | proposal | approach |
    approached | meeting | opened talks | in talks | advanced talks | submitted | step up | stepped up | steps up |
    made a move for | make a move for | makes a move for | making a move for | proposta | proposte | summit | vertice | affonda il colpo | affondano il colpo | affondare il colpo | stringe per |
    stringono per | stringere per | aperto al | aperto all | aperto alla | apre al | apre all |
    apre alla | pushing to sign | push to sign | pushes to sign | pushing for | pushes for | contact | contacts | discussing | discuss | approaches | held talks
  `),
  agreement: cues(`
    accordo | intesa | fumata bianca | definito | definita | definiti | definite | chiusa | chiuso | chiusi | chiudere | tutto fatto |
    affare fatto | fatta | via libera | nulla osta | here we go | accettat* | accetta | raggiunt* |
    ha detto si | detto si | arriva | arrivera | in arrivo | dettagli | stretta finale | vicinissim* |
    a un passo | ad un passo | imminente | si avvicina la firma | firmera | firmare | agreement |
    agreed | verbal | terms | closing in | close to | set to join | set to sign | on the verge |
    imminent | green light | accepted | done deal | will join | to join | poised to join | poised to sign |
    in line to join | on course to join | preso | presi | ingaggiat* |
    approda | approdera | sbarca | accogliere | accoglie | arrivare | vestire la maglia | vestira la maglia |
    indossare la maglia | indossera la maglia | in chiusura | ai dettagli | ok del | ok di | l ok |
    stretta di mano | agree | agrees | fee agreed | agreed a fee | agree a fee | agrees a fee | agreed a deal |
    agree a deal | agreed a price | chiude per | chiuda | chiudano | chiudera |
    chiuderanno | finire al | finire alla | finire all | finira al | finira alla | end up at | end up in |
    ends up at | ending up at | could join | might join | may join | would join | could sign for | could move to |
    could complete | esercitare il riscatto | esercitato il riscatto | esercita il riscatto | esercitera il riscatto |
    esercitare il diritto di riscatto | esercitato il diritto di riscatto | esercita il diritto di riscatto |
    riscattato | riscattata | riscattera | struck a deal | strike a deal | strikes a deal | heading to | headed to | heads to | si trasferira | trasferirsi | si accasa | si accasera | accasarsi | in pugno |
    messo le mani su | mette le mani su |
    sara un giocatore | sara un nuovo giocatore | diventera un giocatore | passa al | passa alla | passa all | passa allo | passa ai | passera al | passera alla |
    passera all | passera allo
  `),
  medical: cues(`
    visite mediche | visita medica | visite | test fisici | test medici | idoneita | atterrat* |
    sbarcat* | medical | medicals | undergo*
  `),
  official: cues(`
    ufficial* | comunicato | annunci* | nuovo giocatore | nuovo acquisto | tesserat* | tesserando |
    tesserare | ha firmato | firmato | deposit* | reso effettivo | e un nuovo | benvenuto | official |
    officially | announced | announces | completed | completes | has signed | signed |
    joins | has joined | unveiled | welcome | has secured | secured the signing | secures | snapped up |
    have secured | seals | sealed | completed the signing | completes the signing | lands |
    complete his move | complete a move | complete the move | complete his switch | complete a switch | confirmed the signing | confirmed the arrival |
    confirmed the transfer | has been confirmed | officially confirmed | complete a deal | complete the deal | completes a deal | complete deal | complete signing | completes signing | complete the signing | seal signing |
    seals signing | complete move | completes move | complete loan move | completes loan move | confirm the signing | confirms the signing | confirm the arrival |
    confirms the arrival | signs | firma con | firma per | firma col | e il nuovo centrocampista | e il nuovo difensore |
    e il nuovo attaccante | e il nuovo portiere | e il nuovo terzino | e il nuovo esterno | e il nuovo centravanti |
    e il nuovo rinforzo
  `),
  renewal: cues(`
    rinnov* | prolung* | prolunga | blinda | blindare | blindano | extension | extend | extends | extended | new contract |
    new deal | fresh terms | renew*
  `),
  collapsed: cues(`
    saltat* | salta | saltare | naufragat* | sfumat* | tramontat* | fumata nera | fumata grigia |
    non si e concretizzato | non si e poi concretizzato | non se ne fa | niente | defilat* | rifiut* |
    respint* | bocciat* | addio al sogno | frenata | bloccato | bloccata | in stallo | stalled | collapsed | broke down | broken down |
    fell through | fallen through | rejected | turned down | snubbed | pulled out | abandoned |
    called off | is off | are off | deal off | withdraw | withdraws | withdrew | withdrawn | no longer wish |
    no longer pursue | ritirat* | si ritira | si sfila | sfilat* | arenat* | arenarsi | si arena |
    rispedit* | rebuffed | no longer interested | non e piu interessato | non e piu interessata |
    non sono piu interessati | will not join | won t join | will not be joining | non andra | non arrivera | detto no | dice no | dicono no | said no | says no | ended their pursuit | end their pursuit | ended their interest | abandon their pursuit |
    tirato indietro | tira indietro | tirarsi indietro | tirata indietro | abbandonato la pista | abbandona la pista |
    abbandonata la pista | nulla di fatto | niente da fare | nulla da fare | abbandonato l idea | abbandona l idea | sfuma | tramonta | naufraga | dietrofront |
    chiude la porta | porta chiusa | rejects | reject | turns down | turn down | pull out | pulls out | walk away |
    walks away | walked away | ends interest | end interest | ended interest | smentisce | smentiscono |
    smentito | smentita | smentite | denied | denies | deny | rules out | ruled out |
    turned their attention | turn their attention | turning their attention | turned its attention | moved on from |
    have moved on | has moved on | virato su altri | vira su altri
  `),
};

/** Words that cancel a high-stage cue in the same sentence: "manca solo l'annuncio", "before", "yet to". */
export const NEGATORS = cues(`
  niente di concreto | nulla di concreto | nothing concrete | manca | mancano | mancava | attende | attendere | attesa | atteso | attesi | senza che | senza | prima che | da definire |
  non | non c e | ancora da | awaiting | yet to | not yet | pending | still needs | no | nessun* | nessuna |
  attendono | si attendono | previst* | in programma | prossima settimana | prossimi giorni | sosterra |
  svolgera | effettuera | scheduled | will undergo | set to undergo | sara | diventera | not | never |
  isn t | aren t | hasn t | haven t | hadn t | didn t | don t | doesn t | wasn t | weren t
`);

/** Phrases that look like cues but are not ("apertura ufficiale" of the window, "partita ufficiale"). */
export const NEUTRAL = cues(`
  ufficialmente esonerato | esonerato ufficialmente | esonero ufficiale | esonerat* | esonero |
  giorno ufficiale | apertura ufficiale | partita ufficiale | gara ufficiale | sito ufficiale |
  canale ufficiale | profilo ufficiale | pagina ufficiale | official website | official site |
  official channels | in attesa di | visite mediche di rito | a caccia di rinforzi |
  voglia di riscatto | senza mai | fatta eccezione | dettagli dell operazione | non solo |
  ritorno in serie a | ritorno in italia | apertura della sessione | si tratta di | si tratta del |
  si tratta della | si tratta dell | si tratta dello | si tratta dei | si tratta degli | si tratta delle |
  si tratta solo | si tratta pero | si trattava |
  si tratterebbe | raggiunto da | raggiunto dal | raggiunto dalla | raggiunto ai microfoni |
  raggiunto telefonicamente | raggiunto quota | raggiunta quota | dichiarazioni ufficiali |
  dichiarazione ufficiale | comunicazioni ufficiali | fonti ufficiali | official statement | official sources |
  not only | not just
`);

/** Markers of a story told in the past: such a sentence gives no live link, only a collapse. */
export const HISTORY = cues(`
  scorsa estate | estate scorsa |
  last summer | previously | had held | un anno fa | anni fa |
  passato per | passata per | cresciuto nel | cresciuto nella | ha vestito | ha indossato | in carriera |
  nel corso della carriera | dopo le esperienze | came through | began his career | started his career |
  spells at | spells with | loan spells | prima dell approdo | prima del suo approdo | prima dell arrivo |
  prima del suo arrivo | prima del trasferimento | prima del passaggio | dopo il passaggio | dal passaggio |
  dopo il suo passaggio | dopo l approdo | dopo il suo approdo | dall approdo | since his move | ai tempi | all epoca | a suo tempo |
  before joining | before his move | at the time | dopo aver | dopo avere | after having |
  in the summer of | last season | last year | la scorsa stagione | lo scorso anno | in passato | in the past |
  in precedenza | reduce dal | reduce dalla | reduce da | reduce dall | di ritorno dal |
  di ritorno dalla | rientrato dal | rientrato dalla | back from | before his switch | before his transfer |
  before moving | before signing for | earned a move | earned him a move | went on to | who joined |
  who signed for | who moved to | who arrived | who left | arrivato nel | arrivato nell | approdato nel |
  approdato nell | acquistato nel | acquistato nell | passato nel | passato nell
`);

/** The player stays at his club: with his own club after it, every other link in the sentence collapsed. */
export const STAY = cues(`
  rimasto | rimasta | rimane | resta | restare | rimanere | restera | rimarra | non lascera | will stay |
  will not leave | won t leave | stays | stayed | remain* | continueranno insieme |
  continuera insieme | continuare insieme | avanti insieme | together
`);

/** The player is on his way out with no named destination ("in prestito", "cessione"). */
export const MOVE_OUT = cues(`
  in prestito | cessione | in uscita | lasciare | lascia | partenza | addio | cedere | ceduto |
  cedut* | via | out | leave | exit | sale | sell | loan | loaned | partire | fare esperienza |
  sacrificare | sacrificabile | sacrificabili | sacrificio
`);

/** "Nonostante la concorrenza dell'Inter": a rival's interest implies the topic club is interested too. */
export const COMPETITION = cues(`
  concorrenza | concorrent* | rivale | rivali | competition | rivals | derby | sorpasso | beffa | beffare |
  soffiare | scavalca | scavalcare | hijack | gazump*
`);

/** A swap: the other player goes the opposite way. */
export const SWAP = cues(`
  scambio | scambi | contropartit* | swap | makeweight | sul piatto il cartellino | inserire nell operazione |
  inserito nell operazione | part exchange | plus cash
`);
