import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import type { Lang } from "../../../commands/types.js";
import { messages } from "../messages/index.js";

/** Custom ids of the buttons: `c:` + the confirming command line, `x:` to cancel. */
const CONFIRM = /^c:(\/(?:unwatch|unfollow) all yes)$/;

/** Yes / Cancel under a "remove all?" reply; the yes button carries the command line that confirms. */
export function confirmRow(command: string, lang: Lang): APIActionRowComponent<APIButtonComponent> {
  const m = messages(lang).common;
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        style: ButtonStyle.Danger,
        label: m.confirmButton,
        custom_id: `c:${command}`,
      },
      { type: ComponentType.Button, style: ButtonStyle.Secondary, label: m.cancelButton, custom_id: "x:" },
    ],
  };
}

/** What a tapped button asks for; null for anything else (old or forged ids). */
export function parseConfirm(customId: string): { command: string } | "cancel" | null {
  if (customId === "x:") return "cancel";
  const m = CONFIRM.exec(customId);
  return m ? { command: m[1]! } : null;
}
