/**
 * The words that tell transfer news from the rest, for the mercato gate. Patterns run on folded text
 * (lower case, accents removed, ’ → '), in Italian, English and Spanish (Spanish outlets such as
 * Transfermarkt's feed). Each cue counts once per item, whatever the number of its matches.
 *
 * Weights: 2 for words that on their own make an item transfer news ("trattativa", "prestito",
 * "rinnovo", "signing"); 1 for words that lean that way but also serve match reports ("addio",
 * "arriva", "obiettivo", "future"); negative for the vocabulary of matches, referees and injuries, which
 * is what most non-transfer items in a football feed are about.
 */
/** One cue: a pattern on folded text and what it weighs. */
export interface Cue {
  id: string;
  re: RegExp;
  weight: number;
}

const cue = (id: string, weight: number, source: string): Cue => ({ id, weight, re: new RegExp(source) });
const w = (words: string) => `\\b(?:${words})\\b`;

/** Phrases where "mercato" means a market value, not the transfer market; removed before matching. */
export const NOT_THE_MARKET =
  /\b(?:valor(?:e|i|es)? (?:di|de|del) mercado|valor(?:e|i)? di mercato|market values?|mercato (?:rionale|immobiliare|del lavoro|azionario))\b/g;

/** Cues for transfer news. */
export const POSITIVE: Cue[] = [
  // The market itself.
  cue(
    "mercato",
    2,
    w(
      "(?:calcio)?mercato|mercado|trasferiment[oi]|sessione (?:invernale|estiva|di mercato)|transfer(?:s| window| market| news| fee)?|fichajes?|fichar|ficha por|fichara|ficho|traspasos?",
    ),
  ),
  // Negotiations and bids.
  cue(
    "talks",
    2,
    `(?<!si )${w("(?:avviato i |primi |nuovi )?contatti (?:con|per|tra|col)|trattativ[ae]|trattano|trattare|tratta con|in talks|talks (?:with|over|for)|negotiations?|negoziazion[ei]|negociaciones?")}`,
  ),
  cue("bid", 2, w("offert[ae]|oferta|bids?|rilancio|controfferta|proposta (?:di|da) \\d+")),
  cue(
    "sounding",
    2,
    w(
      "eyes?|sirene|(?:january|summer|winter|permanent|loan) move|sondaggi?o?|(?:chiesto|chiede) informazioni|richiesta di informazioni|nel mirino|sulle tracce|pista (?:calda|per)|ritorno di fiamma|assalto|bussa|linked with|enquir(?:y|ies) (?:for|about)|approach for|race for|chase for|swoop|move for|interested in signing|eyeing|monitoring",
    ),
  ),
  cue(
    "agreement",
    2,
    w(
      "e fatta|fatta per|agree(?:s|d)? (?:a )?(?:fee|deal)|fee agreed|si chiude|chiude per|accordo (?:raggiunto|totale|di massima|verbale|trovato|col|con|per)|c'e l'accordo|c'e l'intesa|fumata bianca|ad? un passo (?:dal|dalla|dall'|da)|agree(?:s|d)? terms|done deal|completes? (?:his |a |the )?(?:move|transfer|signing)|intesa (?:raggiunta|totale|di massima|con)|personal terms|agreement (?:with|for|reached)|deal (?:agreed|done|for|to sign)|here we go|affare (?:fatto|avviato|in chiusura)|in chiusura per",
    ),
  ),
  // Contract moves.
  cue(
    "loan",
    2,
    w(
      "prestit[oi]|in prestito|loan(?:ed|s)?|on loan|cedid[oa]s?|cesion|diritto di riscatto|obbligo di riscatto|riscattar[eo]|option to buy",
    ),
  ),
  cue(
    "renewal",
    2,
    w(
      "blindat[oia]|blinda|rinnov[oia]\\w*|prolungamento|prolunga(?:to)? (?:il|del) contratto|renew(?:al|s|ed)?|contract (?:extension|expires|expiring|until|renewal|talks)|extend(?:s|ed)? (?:his )?contract|new contract|renovacion|renueva|renovar",
    ),
  ),
  cue(
    "expiry",
    2,
    w(
      "in scadenza|a scadenza|parametro zero|svincolat[oia]|free (?:transfer|agent)|contract expires|agente libre|jugador libre",
    ),
  ),
  cue(
    "signing",
    2,
    w(
      "firm(?:a|ato|era|are) (?:con|per|il|un|fino)|alla firma|ha firmato|visite mediche|sign(?:s|ed|ing)? (?:for|with|a|until)|signings?|to sign|medical tests|undergo(?:es)? (?:a )?medical|firmara|firma con|firma por",
    ),
  ),
  cue(
    "sale",
    2,
    w(
      "rescission[ei]|risoluzione (?:del contratto|consensuale)|cartellino|cession[ei]|cedut[oia]|cedere|vendut[oia]|sold to|sale of|in uscita|partenza|uscita di|scambio|swap|clausola|release clause|buyout",
    ),
  ),
  cue(
    "arrival",
    2,
    w(
      "approda|approdo|in arrivo|arrivera|arriva (?:dal|dalla|dall'|in)|sbarca|joins|set to join|to join|close in on|closing in|se va al|se marcha|llega al|incorporacion|refuerzos?|nuovo acquisto|nuovo giocatore|nuovo calciatore|new signing|nuova avventura|permanent (?:move|deal|transfer)|tesseramento|tesserat[oia]|a titolo (?:definitivo|temporaneo)|prestazioni sportive",
    ),
  ),
  cue(
    "change-club",
    2,
    w(
      "ai saluti|nuovo (?:centravanti|attaccante|difensore|portiere|centrocampista|terzino|esterno|regista|trequartista|ds|direttore sportivo|tecnico|allenatore)|change clubs?|cambia(?:re)? squadra|sistemazione|new club|nuovo club|lascia(?:re)? il club|leave the club|wants out|exit talks|exit door",
    ),
  ),
  cue(
    "coach-change",
    2,
    w(
      "esoner\\w*|nuovo allenatore|cambia(?:re)? (?:ancora )?allenatore|managerial change|new (?:head )?coach|new manager|sacked|to replace|successore|successor|dimissioni",
    ),
  ),
  cue(
    "future-doubt",
    2,
    w(
      "futuro (?:in bilico|incerto|in dubbio|lontano)|uncertain (?:\\w+ )?future|future (?:is )?not guaranteed|future in doubt",
    ),
  ),
  cue("signing-bonus", 2, w("bonus alla firma|ingaggio|stipendio|commissioni|wages")),
  // Leaning cues: each alone is not enough.
  cue(
    "interest",
    1,
    w(
      "interess[ea]\\w*|interest|piace|ci pensa|tentativo|si avvicina|vicin(?:o|issimo) (?:al|alla|all')|keen on|tracking|scouting|target(?:s|ing)?|obiettiv[oi]|idea|candidate|candidato",
    ),
  ),
  cue(
    "exit",
    1,
    w(
      "addio|saluta|lascia|uscita|leaves?|leaving|exit|departure|deja|dejara|futuro|future|resta|permanenza|ritorno|return",
    ),
  ),
  cue(
    "move",
    1,
    w(
      "arriva|prende|preso|si punta|punta (?:a|su)|ha scelto|verso (?:il|la|l'|lo)|arriv[oa]|arrival|join|accordo|deal|operazion[ei]|affare|intrecci?o?|rinforz[oia]\\w*|colpo(?! di (?:testa|tacco|scena|fortuna))|manovre|gettonat[oi]|contratto|contract|contrato|acquist[oi]|window|finestra|overhaul|sporting director|direttore sportivo|ufficiale|ufficializza\\w*|ufficialita|milioni|mln|million|valutazione|official(?:ly)?|appoint(?:s|ed)?",
    ),
  ),
];

/** Cues against: matches, referees, injuries, national teams. */
export const NEGATIVE: Cue[] = [
  cue("lineups", -3, w("probabili formazioni|formazioni ufficiali|pagelle|player ratings|highlights")),
  cue(
    "referee",
    -2,
    w("arbitr\\w*|referees?|moviola|var|espuls\\w*|red card|rosso|rigore|penalty|simula|arbitro|sending off"),
  ),
  cue(
    "result",
    -1,
    w(
      "vittoria|sconfitta|pareggio|pari|rimonta|ko|win|won|beat|defeat|draw|drew|victory|victoria|derrota|empate|travolge|batte|battuta|manita|poker",
    ),
  ),
  cue("goals", -1, w("gol|goals?|reti|rete|doppietta|tripletta|scored|scores|goleador|goleada")),
  cue(
    "competition",
    -1,
    w(
      "giornata|classifica|scudetto|campionato|salvezza|ottavi|quarti|semifinale|semi-final|finale|play-?off|jornada|standings",
    ),
  ),
  cue(
    "match",
    -1,
    w(
      "partita|gara|match|derby|sfida|in campo|tre punti|recupero|anticipo|posticipo|trasferta|partido|fixture",
    ),
  ),
  cue("fitness", -1, w("infortun\\w*|lesione|allenamento|crampi|fit for|injur\\w*|lesion")),
  cue("national-team", -1, w("nazionale|azzurri|national team|seleccion")),
  cue("scoreline", -2, "(?<![\\d/.:-])\\b\\d{1,2} ?- ?\\d{1,2}\\b(?![\\d/.:-])"),
];

/**
 * A move to a named place: "vola in Arabia", "ufficiale all'Atlético", "approda al Neftchi". Runs on the
 * text as written, since the capital tells a club or a country ("vola in Azerbaigian") from a figure of
 * speech ("vola agli ottavi", "vola in vetta").
 */
export const DESTINATION =
  /(?:\b[A-Z][\w'-]+ verso (?:il|la|lo|l') ?(?=[A-Z])|\b(?:vol[ao]|ufficiale|approda|approdato|firma con|firma per|si trasferisce|trasferito|se va|se marcha|ficha por|firma por|moves? to|joins?) (?:in|a|al|alla|allo|all'|ai|con|nel|nella|per|el|to) ?[A-ZÀ-Ý])/;

/**
 * URL path sections (not the slug) of transfer news, and of other sports. A section is the newsroom's
 * own filing, so it weighs more than any word.
 */
export const MERCATO_SECTION =
  /^(?:calciomercato|mercato|transfers?|transfer-news|transfer-rumours|fichajes|rumours|gossip|mercato-[\w-]+|calciomercato-[\w-]+)$/;
export const OTHER_SPORT_SECTION =
  /^(?:volley|pallavolo|basket|basketball|tennis|rugby|motori|formula-?1|f1|motogp|ciclismo|olimpiadi[\w-]*|nuoto|atletica|sci|golf|boxe|nfl|nba|cricket|volley-femminile|superlega)$/;
/**
 * A player named by his role and the club he comes from: "un centrocampista dal Real Madrid". Origin
 * only ("dal", not "del": "l'attaccante del Milan" is a description, not a move).
 */
export const ORIGIN =
  /\b(?:attaccante|difensore|centrocampista|portiere|terzino|esterno|centravanti|talento|regista|trequartista|striker|defender|midfielder|winger|goalkeeper|forward) (?:dal|dalla|dallo|dall'|from) ?[A-ZÀ-Ý]/;

/** A headline that opens with "UFFICIALE:" or "Official:", the press's way of announcing a done deal. */
export const OFFICIAL_PREFIX = /^\s*(?:ufficiale|official|oficial)\s*[:\-–]/i;

/** Feed categories that file an item under transfer news. */
export const MERCATO_CATEGORY =
  /\b(?:calciomercato|mercato|transfers?|trasferimenti|fichajes|rumou?rs?|gossip)\b/;
