import type { Messages } from "./en.js";

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** The bot's Italian: the same keys as en.ts, checked by the type. */
export const it: Messages = {
  common: {
    adminOnly: "Solo gli amministratori possono cambiare gli avvisi di questa chat.",
    usage: (line, detail) => `Uso: ${line}${detail ? ` (${detail})` : ""}`,
    unknownCommand: "Comando sconosciuto. /help mostra i comandi.",
    inputTooLong: "Testo troppo lungo.",
    failure: "Qualcosa è andato storto. Riprova tra poco.",
    unavailable: "Il bot è momentaneamente non disponibile: riprova tra un minuto.",
    typeCommand: "Scrivi un comando, es. /help",
    sendHelp: "Scrivi /help per i comandi.",
    off: "disattivato",
    outlets: (n) => `${n} ${s(n, "testata", "testate")}`,
    chatFull: (max) =>
      `Questa chat segue già ${max} tra giocatori e squadre, il massimo. Usa /unwatch o /unfollow (o /unwatch all) per fare spazio.`,
    confirmButton: "Sì, togli tutto",
    cancelButton: "Annulla",
  },
  issue: {
    missing: "manca",
    tooShort: "troppo corto",
    tooLong: "troppo lungo",
    needsLetters: "servono lettere",
    notPlain: "solo testo semplice, niente tag né link",
    invalid: "non valido",
    language: "it o en",
  },
  arg: {
    player: "giocatore",
    club: "squadra",
    name: "nome",
    time: "ora",
    zone: "fuso",
    hours: "ore",
    language: "lingua",
    duration: "durata",
    what: "cosa",
    stage: "fase",
    credibility: "affidabilità",
    list: "elenco",
  },
  stage: {
    interest: "interesse",
    talks: "trattativa",
    agreement: "accordo",
    medical: "visite mediche",
    official: "ufficiale",
    renewal: "rinnovo",
    collapsed: "saltata",
  },
  help: {
    intro:
      "Mercato Radar legge le notizie di calciomercato e ti avvisa una volta sola quando una trattativa nasce o avanza.",
  },
  start:
    "Mercato Radar ti avvisa una volta sola quando una trattativa di calciomercato nasce o avanza.\n" +
    "Per iniziare: /watch Kim Min-jae per un giocatore, /follow Milan per una squadra, /help per il resto.",
  watch: {
    several: (q, names) =>
      `Più giocatori si chiamano "${q}". Quale?\n${names}\nScrivi /watch con il nome completo.`,
    already: (name) => `Segui già ${name}.`,
    unknown: (name) => `Seguo ${name}. Non lo conosco ancora: ti avviso appena le notizie ne parlano.`,
    added: (name, club) =>
      `Seguo ${name}${club ? ` (${club})` : ""}. Ti avviso quando una trattativa nasce o avanza.`,
  },
  unwatch: {
    notWatched: (q) => `Non segui "${q}". /list mostra chi segui.`,
    stopped: (name) => `Non seguo più ${name}.`,
  },
  follow: {
    unknown: (q, hints) => `Non conosco la squadra "${q}".${hints ? ` Forse: ${hints}?` : ""}`,
    already: (club) => `Segui già questa squadra: ${club}.`,
    added: (club) => `Squadra seguita: ${club}. Ti avviso di ogni trattativa nuova o che avanza.`,
  },
  unfollow: {
    notFollowed: (q) => `Non segui "${q}". /list mostra chi segui.`,
    stopped: (club) => `Squadra non più seguita: ${club}.`,
  },
  removeAll: {
    nothing: "Non c'è niente da togliere.",
    askPlayers: (n) =>
      `Smettere di seguire ${s(n, "l'unico giocatore", `tutti i ${n} giocatori`)}? Scrivi /unwatch all yes per confermare.`,
    askClubs: (n) =>
      `Smettere di seguire ${s(n, "l'unica squadra", `tutte le ${n} squadre`)}? Scrivi /unfollow all yes per confermare.`,
    donePlayers: (n) => `Non segui più ${n} ${s(n, "giocatore", "giocatori")}.`,
    doneClubs: (n) => `Non segui più ${n} ${s(n, "squadra", "squadre")}.`,
    cancelled: "Non ho tolto niente.",
  },
  list: {
    nothing: "Non segui ancora nessuno. Prova /watch Kim Min-jae o /follow Milan.",
    players: "Giocatori:",
    clubs: "Squadre:",
    digest: "Riepilogo",
    quiet: "Silenzio",
    language: "Lingua",
    languageName: "italiano",
    paused: "In pausa",
    pausedUntil: (when) => `fino a ${when}`,
    pausedOpen: "fino a /resume",
    filters: "Filtri",
  },
  latest: {
    noneClub: (club) => `Nessuna voce recente: ${club}.`,
    none: (name) => `Nessuna voce recente su ${name}.`,
    title: (name) => `${name}, le ultime voci:`,
    clubPage: (url) => `🗓 Pagina: ${url}`,
    playerPage: (url) => `🗓 Cronologia: ${url}`,
  },
  digestCmd: {
    off: "Riepilogo giornaliero disattivato.",
    offHeldQuiet: "Gli avvisi trattenuti nelle ore di silenzio arrivano alla fine delle ore di silenzio.",
    offHeldPause: "Gli avvisi trattenuti durante la pausa arrivano quando la pausa finisce.",
    badTime: "Scrivi l'ora così: /digest 09:00 Europe/Rome, oppure /digest off.",
    badZone: (zone) =>
      `Non conosco il fuso orario "${zone}". Usa un nome come Europe/Rome o America/New_York.`,
    set: (hhmm, zone, next) => `Riepilogo ogni giorno alle ${hhmm} (${zone}). Il prossimo: ${next}.`,
  },
  quietCmd: {
    off: "Ore di silenzio disattivate.",
    bad: "Scrivi le ore così: /quiet 23:00-07:00, oppure /quiet off.",
    setDigest: (from, to, zone) =>
      `Silenzio dalle ${from} alle ${to} (${zone}): gli avvisi di quelle ore arrivano nel riepilogo.`,
    setNoDigest: (from, to, zone) =>
      `Silenzio dalle ${from} alle ${to} (${zone}): il riepilogo è disattivato, quindi gli avvisi di quelle ore arrivano tutti insieme alle ${to}.`,
  },
  lang: { set: "D'ora in poi ti scrivo in italiano." },
  pause: {
    bad: "Scrivi la pausa così: /pause, /pause 2h, /pause 30m oppure /pause 3d.",
    setUntil: (when, digest) =>
      `Avvisi in pausa fino a ${when}. ${digest ? "Quello che arriva nel frattempo finisce nel riepilogo." : "Quello che arriva nel frattempo ti arriva alla fine della pausa."} /resume la termina prima.`,
    setOpen: (digest) =>
      `Avvisi in pausa finché non scrivi /resume. ${digest ? "Quello che arriva nel frattempo finisce nel riepilogo." : "Quello che arriva nel frattempo ti arriva quando riprendi."}`,
  },
  resume: {
    done: (digest) =>
      `Avvisi di nuovo attivi.${digest ? " Quanto trattenuto aspetta il riepilogo." : " Quanto trattenuto arriva tra un momento."}`,
    notPaused: "Gli avvisi non erano in pausa.",
  },
  filter: {
    bad: "Scrivi il filtro così: /filter giocatori trattativa ★★, /filter squadre accordo, oppure /filter off.",
    off: "Filtri disattivati: suonano tutti gli avvisi.",
    offFor: (who) => `${who}: filtro disattivato, suonano di nuovo tutti gli avvisi.`,
    set: (who, rule) => `${who}: suonano solo ${rule}. Il resto finisce comunque nel riepilogo.`,
    players: "Giocatori seguiti",
    clubs: "Squadre seguite",
    all: "Giocatori e squadre",
    rule: (stage, stars) => `da ${stage} in su${stars ? `, da ${stars} in su` : ""}`,
    none: "nessuno",
  },
  exportCmd: {
    empty: "Niente da esportare: questa chat non segue ancora nessuno.",
    intro: "La tua lista, pronta per /import in un'altra chat:",
  },
  importCmd: {
    bad: "Incolla quello che ti ha dato /export: /import seguito dalla lista.",
    done: (players, clubs) =>
      `Importati ${players} ${s(players, "giocatore", "giocatori")} e ${clubs} ${s(clubs, "squadra", "squadre")}.`,
    skipped: (names) => ` Non importati: ${names}.`,
    full: " La chat ha raggiunto il massimo, il resto è rimasto fuori.",
  },
  channel: {
    current: (title) => `I comandi agiscono su ${title}. /channel off per tornare a questa chat.`,
    how: "Per un canale: aggiungimi come amministratore che può pubblicare, poi scrivi /channel @nomecanale.",
    back: "I comandi agiscono di nuovo su questa chat.",
    usage: "Uso: /channel @nomecanale (oppure /channel off)",
    notSeen: (ref) =>
      `Non vedo il canale ${ref}. Aggiungimi come amministratore che può pubblicare, poi riprova.`,
    cannotPost: (title) => `Rendimi amministratore di ${title} con il permesso di pubblicare, poi riprova.`,
    adminsOnly: (title) => `Solo gli amministratori di ${title} possono farlo.`,
    set: (title) => `Ora /watch, /follow e /list agiscono su ${title}. /channel off per tornare qui.`,
  },
  terminal: {
    banner: (id) =>
      `Mercato Radar — chat nel terminale (${id}). Scrivi /help, /watch Kim Min-jae, /follow Milan.`,
    logs: (path) => `Log in ${path} (qui solo avvisi ed errori).`,
  },
  alert: {
    new: "nuova",
    timeline: "Cronologia",
    board: "Tutte",
    sources: "fonti",
    citedSources: "Fonti citate",
    outletsField: "Testate",
    sourcesField: "Fonti",
    evidenceField: "Citazioni",
    why: "Perché",
    youWatch: (name) => `segui ${name}`,
    youFollow: (club) => `segui la squadra ${club}`,
    more: (n) => `altre ${n}`,
    unwatchButton: "Non seguire",
    sourcesButton: "Fonti",
    sourcesExpired: "Fonti non più disponibili.",
  },
  claim: {
    unconfirmed: "da confermare",
    reported: (n) => (n === 1 ? "riportato da una sola testata" : `riportato da ${n} testate`),
  },
  digest: {
    title: "📰 Il riepilogo del mercato",
    heldTitle: "🔔 Gli avvisi trattenuti per te",
    club: (club) => `Mercato ${club}`,
    held: {
      quiet: "trattenuto: ore di silenzio",
      cap: "trattenuto: limite orario",
      paused: "trattenuto: pausa",
      filtered: "sotto il tuo filtro",
    },
  },
};
