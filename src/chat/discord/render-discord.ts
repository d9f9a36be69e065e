import type {
  APIActionRowComponent,
  APIButtonComponent,
  APIEmbed,
  RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import type { Lang } from "../../../commands/types.js";
import type { Digest, OutboxItem } from "../../queues.js";
import { cleanText } from "../../text/clean-text.js";
import { alertModel, CREDIBILITY_MARK, stageName } from "../alert-model.js";
import { type DigestLineText, digestSections } from "../digest-text.js";
import { clubName, messages } from "../messages/index.js";

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EMBED_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
  embedsPerMessage: 10,
  buttonLabel: 80,
  buttonsPerRow: 5,
  rows: 5,
  url: 512,
} as const;

const ZWSP = "\u200b";

/**
 * Makes a feed string inert in Discord: mentions are broken with a zero-width space (`@everyone`,
 * `@here`, `<@id>`, `<@!id>`, `<@&id>`, `<#id>`, `</cmd:id>`) and every markdown character is
 * backslash-escaped, so no feed can ping, link or format. allowed_mentions none is the second lock.
 */
export function escapeDiscord(s: string): string {
  return cleanText(s)
    .replace(/@(everyone|here)/gi, `@${ZWSP}$1`)
    .replace(/<(@[!&]?|#|\/)/g, `<$1${ZWSP}`)
    .replace(/[\\*_~`|>#[\]()-]/g, "\\$&")
    .replace(/^(\s*)(\d+)\./gm, "$1$2\\.");
}

/** Cuts an already escaped string to `max` characters, never leaving half an escape at the end. */
export function truncateEscaped(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, max - 1);
  const trailing = /\\+$/.exec(cut)?.[0].length ?? 0;
  if (trailing % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

const safe = (s: string, max: number) => truncateEscaped(escapeDiscord(s), max);

/** Only http(s) URLs of a sane length become links; anything else (javascript:, data:) is dropped. */
function linkUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return (u.protocol === "http:" || u.protocol === "https:") && url.length <= EMBED_LIMITS.url
      ? u.href
      : undefined;
  } catch {
    return undefined;
  }
}

// Our own caps, below Discord's, so that one embed always fits the 6000-character total.
const MAX_DESCRIPTION = 1500;
const MAX_CLUB = 100;
const MAX_SOURCES = 500;
const MAX_EVIDENCE = 700;

const COLOURS = { official: 0x2ecc71, collapsed: 0xe74c3c, renewal: 0x9b59b6, moving: 0x3498db } as const;

/** Why this chat gets the alert, from OutboxItem.matched ("watch:Kim Min-Jae", "follow:Milan"). */
function reasons(matched: string[], lang: Lang): string {
  const a = messages(lang).alert;
  return matched
    .map((m) => {
      const i = m.indexOf(":");
      const what = m.slice(0, i);
      const name = m.slice(i + 1);
      if (what === "watch") return a.youWatch(name);
      if (what === "follow") return a.youFollow(clubName(name, lang));
      return m;
    })
    .join(", ");
}

/**
 * One alert as one embed: headline, why it is pushed, each linked club with its stage, outlets, sources,
 * and the evidence of each move.
 */
export function renderAlertEmbed(item: OutboxItem, lang: Lang, publicUrl?: string): APIEmbed {
  const a = messages(lang).alert;
  const e = item.alert;
  const m = alertModel(e, lang, publicUrl);
  const kinds = new Set(e.changes.map((c) => c.kind));
  const colour = kinds.has("official")
    ? COLOURS.official
    : kinds.has("collapsed")
      ? COLOURS.collapsed
      : kinds.has("renewal")
        ? COLOURS.renewal
        : COLOURS.moving;
  const description = [
    ...m.why.map((w) => `**${escapeDiscord(w)}**`),
    "",
    `${a.why}: ${escapeDiscord(reasons(item.matched, lang))}`,
  ].join("\n");
  // Room for outlets, sources, evidence and the page link.
  const maxClubs = EMBED_LIMITS.fields - (m.pageUrl ? 4 : 3);
  const fields: NonNullable<APIEmbed["fields"]> = e.links.slice(0, maxClubs).map((l) => ({
    name: safe(clubName(l.club, lang), MAX_CLUB),
    value: safe(stageName(l.stage, lang), EMBED_LIMITS.fieldValue),
    inline: true,
  }));
  if (e.links.length > maxClubs) {
    const more = e.links.length - maxClubs + 1;
    fields.splice(maxClubs - 1, 1, { name: "…", value: a.more(more), inline: true });
  }
  fields.push({
    name: a.outletsField,
    value: `${e.outlets} · ${CREDIBILITY_MARK[e.credibility]}`,
    inline: true,
  });
  if (e.cited.length) {
    fields.push({
      name: a.sourcesField,
      value: safe(e.cited.join(", "), MAX_SOURCES),
      inline: false,
    });
  }
  // Discord's Sources view: the words that moved each link, with the outlet that carried them.
  if (m.quotes.length) {
    fields.push({
      name: a.evidenceField,
      value: safe(m.quotes.join("\n"), MAX_EVIDENCE),
      inline: false,
    });
  }
  const page = m.pageUrl ? linkUrl(m.pageUrl) : null;
  if (page)
    fields.push({
      name: a.timeline,
      value: `[${safe(m.headline, MAX_CLUB)}](${page})`,
      inline: false,
    });
  const url = linkUrl(e.articles[0]?.url ?? "");
  return {
    title: safe(m.headline, EMBED_LIMITS.title),
    ...(url ? { url } : {}),
    description: truncateEscaped(description, MAX_DESCRIPTION),
    color: colour,
    fields,
    footer: { text: "Mercato Radar" },
    timestamp: e.at,
  };
}

/** Characters Discord counts toward an embed's 6000 total. */
export function embedSize(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Link buttons to the best articles of the given alerts: at most 5 rows of 5, labelled by outlet. */
function articleButtons(items: OutboxItem[]): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    for (const a of item.alert.articles) {
      const url = linkUrl(a.url);
      if (!url || seen.has(url)) continue;
      seen.add(url);
      const label = (a.outlet || new URL(url).hostname).replace(/\s+/g, " ").trim();
      buttons.push({
        type: 2,
        style: 5,
        label: truncateEscaped(label, EMBED_LIMITS.buttonLabel) || "link",
        url,
      });
    }
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < EMBED_LIMITS.rows; i += EMBED_LIMITS.buttonsPerRow) {
    rows.push({ type: 1, components: buttons.slice(i, i + EMBED_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * The messages that carry some alerts: as few as Discord's limits allow (10 embeds and 6000 characters
 * per message), each with link buttons to its alerts' articles and no mention allowed.
 */
export function renderDiscordMessages(
  items: OutboxItem[],
  lang: Lang,
  publicUrl?: string,
): RESTPostAPIChannelMessageJSONBody[] {
  const groups: { items: OutboxItem[]; embeds: APIEmbed[]; size: number }[] = [];
  for (const item of items) {
    const embed = renderAlertEmbed(item, lang, publicUrl);
    const size = embedSize(embed);
    const last = groups.at(-1);
    if (
      last &&
      last.embeds.length < EMBED_LIMITS.embedsPerMessage &&
      last.size + size <= EMBED_LIMITS.total
    ) {
      last.items.push(item);
      last.embeds.push(embed);
      last.size += size;
    } else groups.push({ items: [item], embeds: [embed], size });
  }
  return groups.map((g) => ({
    embeds: g.embeds,
    components: articleButtons(g.items),
    allowed_mentions: { parse: [] },
  }));
}

/** A digest section's lines as one embed description: escaped text, articles as checked links. */
function digestDescription(lines: DigestLineText[]): string {
  const out: string[] = [];
  for (const l of lines) {
    const url = l.article ? linkUrl(l.article.url) : undefined;
    const link =
      url && l.article
        ? ` · [${truncateEscaped(escapeDiscord(l.article.outlet || "link"), 80)}](${url})`
        : "";
    out.push(`• ${escapeDiscord(l.text)}${l.held ? ` _(${escapeDiscord(l.held)})_` : ""}${link}`);
    for (const c of l.claims) out.push(`  ❔ _${escapeDiscord(c)}_`);
  }
  // Cut at a line, never inside a link.
  let text = "";
  for (const line of out) {
    if (text.length + line.length + 1 > MAX_DESCRIPTION) return `${text}\n…`;
    text = text ? `${text}\n${line}` : line;
  }
  return text;
}

/**
 * A digest as Discord messages: one embed per player or club section, packed like alerts (10 embeds and
 * 6000 characters per message), the digest's title on the first, no mention allowed.
 */
export function renderDiscordDigest(digest: Digest, lang: Lang): RESTPostAPIChannelMessageJSONBody[] {
  const { title, sections } = digestSections(digest, lang);
  const embeds: APIEmbed[] = sections.map((s) => ({
    title: truncateEscaped(escapeDiscord(s.title), EMBED_LIMITS.title),
    description: digestDescription(s.lines),
    color: COLOURS.moving,
  }));
  const messages: RESTPostAPIChannelMessageJSONBody[] = [];
  let current: APIEmbed[] = [];
  let size = 0;
  for (const e of embeds) {
    const n = embedSize(e);
    if (
      current.length &&
      (current.length === EMBED_LIMITS.embedsPerMessage || size + n > EMBED_LIMITS.total)
    ) {
      messages.push({ embeds: current, allowed_mentions: { parse: [] } });
      current = [];
      size = 0;
    }
    current.push(e);
    size += n;
  }
  if (current.length) messages.push({ embeds: current, allowed_mentions: { parse: [] } });
  if (messages[0]) messages[0].content = title;
  return messages.length ? messages : [{ content: title, allowed_mentions: { parse: [] } }];
}
