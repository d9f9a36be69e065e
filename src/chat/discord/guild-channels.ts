import type { Logger } from "../../log.js";
import type { ChatAddress } from "../../queues.js";
import type { Keys, Redis } from "../../redis.js";
import type { ChatStateStore } from "../../subscriptions/chat-state-store.js";
import type { SubscriptionStore } from "../../subscriptions/subscription-store.js";

/**
 * Which channels of a server have subscriptions, so that a server the bot leaves can be cleaned up
 * (Discord's GUILD_DELETE names the server, not its channels).
 *
 * Keys: `discord:guild:<guildId>:channels` set of channel ids, written when a command leaves a channel
 * with subscriptions. Bounded by Discord's 500 channels per server; deleted with the server.
 */
export interface GuildChannels {
  remember(guildId: string, channelId: string): Promise<void>;
  channels(guildId: string): Promise<string[]>;
  /**
   * Removes every subscription of every remembered channel of the server, their pause state and the set.
   * @returns how many channels were cleaned.
   */
  forget(guildId: string): Promise<number>;
}

export function createGuildChannels(deps: {
  redis: Redis;
  keys: Keys;
  subscriptions: SubscriptionStore;
  chatState: ChatStateStore;
  log: Logger;
}): GuildChannels {
  const setKey = (guildId: string) => deps.keys.key("discord", "guild", guildId, "channels");
  return {
    async remember(guildId, channelId) {
      await deps.redis.sadd(setKey(guildId), channelId);
    },
    channels: (guildId) => deps.redis.smembers(setKey(guildId)),
    async forget(guildId) {
      const ids = await deps.redis.smembers(setKey(guildId));
      for (const id of ids) {
        const chat: ChatAddress = { platform: "discord", id };
        const { players, clubs } = await deps.subscriptions.list(chat);
        for (const p of players) await deps.subscriptions.unwatch(chat, p.key);
        for (const c of clubs) await deps.subscriptions.unfollow(chat, c);
        await deps.chatState.resume(chat);
      }
      await deps.redis.del(setKey(guildId));
      deps.log.info(
        { guildId, channels: ids.length },
        "discord: left a server, its channels' subscriptions removed",
      );
      return ids.length;
    },
  };
}
