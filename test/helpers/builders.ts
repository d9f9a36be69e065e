import { randomUUID } from "node:crypto";
import { type OutboxItem, type RumourEvent, RumourEventSchema } from "../../src/queues.js";

/** A valid rumour event (through the schema, not a cast), with overrides. */
export function buildRumourEvent(overrides: Partial<RumourEvent> = {}): RumourEvent {
  return RumourEventSchema.parse({
    id: `kim-min-jae-${randomUUID()}`,
    player: { key: "kim-min-jae", name: "Kim Min-Jae", club: "Bayern Munich", provisional: false },
    changes: [{ club: "Milan", stage: "talks", previous: null, kind: "new" }],
    links: [{ club: "Milan", stage: "talks" }],
    outlets: 1,
    cited: ["Sport Bild"],
    credibility: "high",
    articles: [
      {
        url: "https://example.test/kim",
        title: "Kim, contatti col Milan",
        outlet: "example",
        published: null,
      },
    ],
    at: "2026-01-12T10:00:00.000Z",
    ...overrides,
  });
}

/** An outbox entry for a chat that watches Kim Min-Jae (or `matched`), around buildRumourEvent. */
export function buildOutboxItem(
  overrides: Partial<RumourEvent> = {},
  matched = ["watch:Kim Min-Jae"],
): OutboxItem {
  return { alert: buildRumourEvent(overrides), matched };
}
