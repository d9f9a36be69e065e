import { randomInt } from "node:crypto";

/** MANAGE_CHANNELS in Discord's permission bit field. */
export const MANAGE_CHANNELS = 1n << 4n;
/** What an ordinary member may do in a channel: view, send, embed links. */
export const MEMBER_PERMISSIONS = (1n << 10n) | (1n << 11n) | (1n << 14n);

const snowflake = () => String(1_300_000_000_000_000_000n + BigInt(randomInt(1, 2 ** 47)));

export interface InteractionSpec {
  /** 2 = application command, 4 = autocomplete. */
  type: 2 | 4;
  command: string;
  /** Option name → value; `focused` names the option being typed (autocomplete). */
  options?: Record<string, string>;
  focused?: string;
  /** A server channel; absent means a DM. */
  guildId?: string;
  channelId: string;
  userId?: string;
  /** The member's permissions in the channel (servers only). */
  permissions?: bigint;
  locale?: string;
  /** Channel options resolved by Discord: option name → channel id. */
  channels?: Record<string, string>;
  /** The member's permissions in a resolved channel (channel id → bits); default MEMBER_PERMISSIONS. */
  channelPermissions?: Record<string, bigint>;
}

/**
 * An INTERACTION_CREATE payload as Discord sends it on the gateway, for the fake to dispatch.
 * Returns the payload; its `id` and `token` find the callback in the fake's records.
 */
export function buildInteraction(s: InteractionSpec) {
  const user = {
    id: s.userId ?? "400000000000000001",
    username: "tifoso",
    discriminator: "0",
    global_name: "Tifoso",
    avatar: null,
  };
  const options = [
    ...Object.entries(s.options ?? {}).map(([name, value]) => ({
      name,
      type: 3,
      value,
      ...(s.focused === name ? { focused: true } : {}),
    })),
    ...Object.entries(s.channels ?? {}).map(([name, value]) => ({ name, type: 7, value })),
  ];
  const resolvedChannels = Object.fromEntries(
    Object.values(s.channels ?? {}).map((id) => [
      id,
      {
        id,
        type: 0,
        name: `channel-${id.slice(-4)}`,
        permissions: String(s.channelPermissions?.[id] ?? MEMBER_PERMISSIONS),
        guild_id: s.guildId,
      },
    ]),
  );
  const base = {
    id: snowflake(),
    application_id: "900000000000000001",
    type: s.type,
    token: `itoken-${snowflake()}`,
    version: 1,
    locale: s.locale ?? "en-US",
    channel_id: s.channelId,
    app_permissions: String(MEMBER_PERMISSIONS),
    entitlements: [],
    authorizing_integration_owners: { "0": s.guildId ?? "0" },
    attachment_size_limit: 10_000_000,
    data: {
      id: "800000000000000000",
      name: s.command,
      type: 1,
      options,
      ...(s.channels ? { resolved: { channels: resolvedChannels } } : {}),
    },
  };
  if (s.guildId) {
    return {
      ...base,
      context: 0,
      guild_id: s.guildId,
      guild_locale: "it",
      channel: { id: s.channelId, type: 0, guild_id: s.guildId, name: `channel-${s.channelId.slice(-4)}` },
      member: {
        user,
        roles: [],
        permissions: String(s.permissions ?? MEMBER_PERMISSIONS),
        joined_at: "2025-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
      },
    };
  }
  return { ...base, context: 1, user, channel: { id: s.channelId, type: 1, recipients: [user] } };
}

/**
 * A tap on a button (MESSAGE_COMPONENT) under one of the bot's messages, as the gateway delivers it:
 * built from an application command spec (who, where, rights) with the button's custom id.
 */
export function buildButtonInteraction(s: Omit<InteractionSpec, "type" | "command"> & { customId: string }) {
  const base = buildInteraction({ ...s, type: 2, command: "button" });
  return {
    ...base,
    type: 3,
    data: { custom_id: s.customId, component_type: 2 },
    message: {
      id: "700000000000000001",
      channel_id: s.channelId,
      author: {
        id: "900000000000000001",
        username: "mercato-radar",
        discriminator: "0",
        avatar: null,
        bot: true,
      },
      content: "…",
      timestamp: "2026-01-12T10:00:00.000Z",
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      components: [],
    },
  };
}
