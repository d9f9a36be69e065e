/** The parts of a raw INTERACTION_CREATE payload this module reads. */
export interface RawInteraction {
  id?: string;
  data?: { resolved?: { channels?: Record<string, { permissions?: string }> } };
}

/** Interactions whose permissions wait for their handler; more are from handlers that never asked. */
const MAX_WAITING = 1000;

/**
 * The invoking member's permissions in each channel a slash command's options name, as Discord
 * computed them (overwrites included) in the interaction's resolved data.
 */
export function createOptionPermissions() {
  const byInteraction = new Map<string, Map<string, bigint>>();
  return {
    remember(raw: RawInteraction): void {
      const channels = raw.data?.resolved?.channels;
      if (!raw.id || !channels) return;
      const perms = new Map<string, bigint>();
      for (const [id, c] of Object.entries(channels)) {
        if (c.permissions && /^\d+$/.test(c.permissions)) perms.set(id, BigInt(c.permissions));
      }
      byInteraction.set(raw.id, perms);
      // Oldest first: Map keeps insertion order.
      while (byInteraction.size > MAX_WAITING) byInteraction.delete(byInteraction.keys().next().value!);
    },
    /** The member's permissions in `channelId` for this interaction; none (0n) when Discord sent none. */
    take(interactionId: string, channelId: string): bigint {
      const perms = byInteraction.get(interactionId);
      byInteraction.delete(interactionId);
      return perms?.get(channelId) ?? 0n;
    },
  };
}
