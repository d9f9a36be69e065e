import { cues } from "./cue-list.js";

/**
 * Words around a name that tell what kind of person it is, or what a club mention means. Folded forms; a
 * trailing `*` matches any ending.
 */

/** Before a name: a person who is not a player ("il tecnico", "l'agente", "secondo", "riferisce"). */
export const STAFF_BEFORE = cues(`
  tecnico | allenatore | mister | presidente | patron | proprietario | ds | direttore |
  direttore sportivo | dirigente | amministratore | ceo | agente | agenti | procuratore |
  giornalista | collega | esperto di mercato | esperto di calciomercato | secondo | riferisce | riporta | riportato da | riportata da | riferito da | riferita da | scritto da |
  svelato da | firma di | coach | manager | boss | head coach | president | chairman | owner |
  director | sporting director | agent | journalist | reporter | according to | via | guida di |
  guida | corte di | rapper | cantante | intermediario | entourage | scout | osservatore |
  consulente | advisor
`);

/** Before a club: the person named next works for it ("il tecnico della Roma"), so it is not a link. */
export const STAFF_OF = cues(`
  tecnico | allenatore | mister | presidente | patron | proprietario | ds | direttore |
  direttore sportivo | dirigente | allenata | guidata | panchina | coach | manager | boss |
  chairman | owner | director
`);

/** Before a club: the club is the past ("l'ex Bologna"). */
export const EX_BEFORE = cues(`
  ex | former | formerly
`);

/** Before a club: a match, not a transfer ("contro il Verona", "la trasferta di Cagliari"). */
export const VERSUS_BEFORE = cues(`
  contro | trasferta | sfida | gara | match | partita | vs | against | derby | pareggiato |
  battuto | vittoria | sconfitta | scontro
`);

/** Player nouns: before an unknown capitalised name they make it a player ("il difensore Rossi"). */
export const PLAYER_NOUNS = cues(`
  giocatore | calciatore | difensore | centrocampista | attaccante | centravanti | centroavanti |
  esterno | terzino | portiere | centrale | ala | punta | trequartista | mediano | regista |
  talento | giovane | gioiello | laterale | bomber | fantasista | mezzala | classe | baby | player |
  defender | midfielder | forward | striker | winger | goalkeeper | keeper | youngster | teenager |
  wonderkid | prospect | full back | centre back | center back | left back | right back |
  playmaker | talent | starlet | teen | international | acquisto | rinforzo | nazionale | capitano | olandese |
  tedesco | francese | inglese | spagnolo | portoghese | brasiliano | argentino | belga | danese |
  svedese | norvegese | croato | serbo | polacco | turco | greco | svizzero | austriaco | ceco |
  ucraino | nigeriano | ivoriano | senegalese | ghanese | marocchino | algerino | tunisino |
  camerunense | uruguaiano | colombiano | americano | statunitense | giapponese | coreano |
  sudcoreano | italiano | azzurro
`);

/** Before a club: ownership of the player ("di proprietà dell'Atalanta", "in forza al Genk"). */
export const OWNER_BEFORE = cues(`
  di proprieta | proprieta | in forza | cartellino | tesserato per | lascia | lasciare | lascera |
  in uscita da | uscita dal | uscita dall | uscita dalla | addio al | addio all | addio alla |
  contract at | owned by | on the books of | leave | leaving | depart | primavera | giovanili | settore giovanile |
  youth team | academy | under 23 | next gen
`);

/** Words that begin a sentence or a title but never a name; a capitalised one is not a provisional player. */
export const NOT_NAMES = cues(`
  il | lo | la | i | gli | le | un | una | uno | per | con | di | da | in | su | tra | fra | ma |
  e | o | se | non | anche | ora | oggi | ieri | domani | calciomercato | mercato | ufficiale |
  secondo | come | dopo | prima | nel | nella | al | alla | del | della | the | a | an | and | but |
  of | to | for | with | from | by | on | at | it | he | his | they | we | gennaio | febbraio |
  marzo | aprile | maggio | giugno | luglio | agosto | settembre | ottobre | novembre | dicembre |
  january | february | march | april | may | june | july | august | september | october | november |
  december | lunedi | martedi | mercoledi | giovedi | venerdi | sabato | domenica | monday |
  tuesday | wednesday | thursday | friday | saturday | sunday | serie | champions | premier |
  league | coppa | cup | mondiale | europa | italia | nazionale | milano | londra | ecco | intanto |
  inoltre | quindi | infatti | insomma | sky | dazn | instagram | youtube | x | tv | video | foto |
  news | leggi | vedi | potrebbe | interessarti | notizie | ultime | classe | mister | sport |
  stadium
`);
