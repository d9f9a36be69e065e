import type { Stage } from "../../understand/types.js";

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The bot's English. Every user-visible string of commands, alerts, digests and buttons lives here and in
 * it.ts; `Messages` is this object's shape, so TypeScript refuses an Italian catalogue that misses a key.
 */
export const en = {
  common: {
    adminOnly: "Only admins can change this chat's alerts.",
    usage: (line: string, detail: string) => `Usage: ${line}${detail ? ` (${detail})` : ""}`,
    unknownCommand: "Unknown command. /help lists them.",
    inputTooLong: "That's too long.",
    failure: "Something went wrong. Please try again shortly.",
    unavailable: "The bot is temporarily unavailable: please try again in a minute.",
    typeCommand: "Type a command, e.g. /help",
    sendHelp: "Send /help for the commands.",
    off: "off",
    outlets: (n: number) => `${n} ${s(n, "outlet", "outlets")}`,
    chatFull: (max: number) =>
      `This chat already follows ${max} players and clubs, the most it can. Use /unwatch or /unfollow (or /unwatch all) to make room.`,
    confirmButton: "Yes, remove all",
    cancelButton: "Cancel",
  },
  /** What a bad argument gets, by kind of problem; never the validator's own text. */
  issue: {
    missing: "missing",
    tooShort: "too short",
    tooLong: "too long",
    needsLetters: "needs letters",
    notPlain: "plain text only, no tags or links",
    invalid: "not valid",
    language: "it or en",
  },
  /** Argument names as usage lines show them. */
  arg: {
    player: "player",
    club: "club",
    name: "name",
    time: "time",
    zone: "zone",
    hours: "hours",
    language: "language",
    duration: "duration",
    what: "what",
    stage: "stage",
    credibility: "credibility",
    list: "list",
  },
  stage: {
    interest: "interest",
    talks: "talks",
    agreement: "agreement",
    medical: "medical",
    official: "official",
    renewal: "renewal",
    collapsed: "collapsed",
  } satisfies Record<Stage, string>,
  help: {
    intro: "Mercato Radar reads transfer news and alerts you once when a deal starts or moves.",
  },
  start:
    "Mercato Radar alerts you once when a transfer deal starts or moves.\n" +
    "To begin: /watch Kim Min-jae for a player, /follow Milan for a club, /help for the rest.",
  watch: {
    several: (q: string, names: string) =>
      `Several players match "${q}". Which one?\n${names}\nSend /watch with the full name.`,
    already: (name: string) => `You already watch ${name}.`,
    unknown: (name: string) =>
      `Watching ${name}. I don't know this player yet: you'll get an alert as soon as the news names him.`,
    added: (name: string, club: string) =>
      `Watching ${name}${club ? ` (${club})` : ""}. You'll get an alert when a deal starts or moves.`,
  },
  unwatch: {
    notWatched: (q: string) => `You don't watch "${q}". /list shows what you follow.`,
    stopped: (name: string) => `Stopped watching ${name}.`,
  },
  follow: {
    unknown: (q: string, hints: string) =>
      `I don't know a club called "${q}".${hints ? ` Did you mean: ${hints}?` : ""}`,
    already: (club: string) => `You already follow ${club}.`,
    added: (club: string) => `Following ${club}: you'll get an alert for every new or moving deal.`,
  },
  unfollow: {
    notFollowed: (q: string) => `You don't follow "${q}". /list shows what you follow.`,
    stopped: (club: string) => `Stopped following ${club}.`,
  },
  removeAll: {
    nothing: "There is nothing to remove.",
    askPlayers: (n: number) =>
      `Stop watching all ${n} ${s(n, "player", "players")}? Send /unwatch all yes to confirm.`,
    askClubs: (n: number) =>
      `Stop following all ${n} ${s(n, "club", "clubs")}? Send /unfollow all yes to confirm.`,
    donePlayers: (n: number) => `Stopped watching ${n} ${s(n, "player", "players")}.`,
    doneClubs: (n: number) => `Stopped following ${n} ${s(n, "club", "clubs")}.`,
    cancelled: "Nothing removed.",
  },
  list: {
    nothing: "Nothing followed yet. Try /watch Kim Min-jae or /follow Milan.",
    players: "Players:",
    clubs: "Clubs:",
    digest: "Digest",
    quiet: "Quiet hours",
    language: "Language",
    languageName: "English",
    paused: "Paused",
    pausedUntil: (when: string) => `until ${when}`,
    pausedOpen: "until /resume",
    filters: "Filters",
  },
  latest: {
    noneClub: (club: string) => `No recent rumours about ${club}.`,
    none: (name: string) => `No recent rumours about ${name}.`,
    title: (name: string) => `${name}, latest rumours:`,
    clubPage: (url: string) => `🗓 Page: ${url}`,
    playerPage: (url: string) => `🗓 Timeline: ${url}`,
  },
  digestCmd: {
    off: "Daily digest turned off.",
    offHeldQuiet: "Alerts held during quiet hours will arrive when the quiet hours end.",
    offHeldPause: "Alerts held while paused will arrive when the pause ends.",
    badTime: "Write the time like this: /digest 09:00 Europe/Rome, or /digest off.",
    badZone: (zone: string) =>
      `I don't know the time zone "${zone}". Use a name like Europe/Rome or America/New_York.`,
    set: (hhmm: string, zone: string, next: string) =>
      `Digest every day at ${hhmm} (${zone}). Next: ${next}.`,
  },
  quietCmd: {
    off: "Quiet hours off.",
    bad: "Write the hours like this: /quiet 23:00-07:00, or /quiet off.",
    setDigest: (from: string, to: string, zone: string) =>
      `Quiet from ${from} to ${to} (${zone}): alerts in those hours wait for the digest.`,
    setNoDigest: (from: string, to: string, zone: string) =>
      `Quiet from ${from} to ${to} (${zone}): the digest is off, so alerts in those hours arrive together at ${to}.`,
  },
  lang: { set: "From now on I'll write in English." },
  pause: {
    bad: "Write the pause like this: /pause, /pause 2h, /pause 30m or /pause 3d.",
    setUntil: (when: string, digest: boolean) =>
      `Alerts paused until ${when}. ${digest ? "What comes meanwhile goes into the digest." : "What comes meanwhile arrives when the pause ends."} /resume ends it sooner.`,
    setOpen: (digest: boolean) =>
      `Alerts paused until you send /resume. ${digest ? "What comes meanwhile goes into the digest." : "What comes meanwhile arrives when you resume."}`,
  },
  resume: {
    done: (digest: boolean) =>
      `Alerts are back on.${digest ? " What was held waits for the digest." : " What was held arrives in a moment."}`,
    notPaused: "Alerts were not paused.",
  },
  filter: {
    bad: "Write the filter like this: /filter players talks ★★, /filter clubs agreement, or /filter off.",
    off: "Filters off: every alert rings.",
    offFor: (who: string) => `${who}: filter off, every alert rings again.`,
    set: (who: string, rule: string) => `${who}: only ${rule} ring. The rest still goes into the digest.`,
    players: "Watched players",
    clubs: "Followed clubs",
    all: "Players and clubs",
    rule: (stage: string, stars: string) => `${stage} and beyond${stars ? `, ${stars} and up` : ""}`,
    none: "none",
  },
  exportCmd: {
    empty: "Nothing to export: this chat follows nobody yet.",
    intro: "Your list, ready for /import in another chat:",
  },
  importCmd: {
    bad: "Paste what /export gave you: /import followed by the list.",
    done: (players: number, clubs: number) =>
      `Imported ${players} ${s(players, "player", "players")} and ${clubs} ${s(clubs, "club", "clubs")}.`,
    skipped: (names: string) => ` Not imported: ${names}.`,
    full: " The chat reached its maximum, so the rest was left out.",
  },
  channel: {
    current: (title: string) => `Commands act on ${title}. /channel off to come back to this chat.`,
    how: "For a channel: add me as an admin who can post, then send /channel @channelname.",
    back: "Commands act on this chat again.",
    usage: "Usage: /channel @channelname (or /channel off)",
    notSeen: (ref: string) =>
      `I can't see the channel ${ref}. Add me as an admin who can post, then try again.`,
    cannotPost: (title: string) => `Make me an admin of ${title} allowed to post messages, then try again.`,
    adminsOnly: (title: string) => `Only admins of ${title} can do that.`,
    set: (title: string) => `Now /watch, /follow and /list act on ${title}. /channel off to come back here.`,
  },
  terminal: {
    banner: (id: string) =>
      `Mercato Radar — terminal chat (${id}). Type /help, /watch Kim Min-jae, /follow Milan.`,
    logs: (path: string) => `Logs go to ${path} (only warnings and errors show here).`,
  },
  alert: {
    new: "new",
    timeline: "Timeline",
    board: "Board",
    sources: "sources",
    citedSources: "Cited sources",
    outletsField: "Outlets",
    sourcesField: "Sources",
    evidenceField: "Evidence",
    why: "Why",
    youWatch: (name: string) => `you watch ${name}`,
    youFollow: (club: string) => `you follow ${club}`,
    more: (n: number) => `${n} more`,
    unwatchButton: "Unwatch",
    sourcesButton: "Sources",
    sourcesExpired: "Sources no longer available.",
  },
  claim: {
    unconfirmed: "unconfirmed",
    reported: (n: number) => (n === 1 ? "reported by one outlet" : `reported by ${n} outlets`),
  },
  digest: {
    title: "📰 Your mercato digest",
    heldTitle: "🔔 Alerts held for you",
    club: (club: string) => `${club} transfers`,
    held: {
      quiet: "held during quiet hours",
      cap: "held: hourly limit",
      paused: "held while paused",
      filtered: "below your filter",
    },
  },
};

/** Widens the literal types of a catalogue to the shape every language must fill. */
type Shape<T> = T extends string
  ? string
  : T extends (...a: infer A) => string
    ? (...a: A) => string
    : { [K in keyof T]: Shape<T[K]> };

export type Messages = Shape<typeof en>;
