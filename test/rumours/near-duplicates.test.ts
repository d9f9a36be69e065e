import { describe, expect, it } from "vitest";
import { createNearDuplicateIndex } from "../../src/rumours/near-duplicates.js";
import { useTestRedis } from "../helpers/redis.js";

const { redis, keys } = useTestRedis();
const index = createNearDuplicateIndex(redis, keys, { memoryDays: 30 });

const text =
  "La Juventus pensa a Davide Frattesi per il centrocampo: i bianconeri hanno chiesto informazioni all'Inter, che valuta il giocatore trenta milioni. Il classe 1999 vuole più spazio in vista del Mondiale e la formula potrebbe essere un prestito con obbligo di riscatto.";
const rewrite =
  "Calciomercato Juventus: i bianconeri pensano a Davide Frattesi per il centrocampo e hanno chiesto informazioni all'Inter, che valuta il giocatore trenta milioni. Il classe 1999 vuole più spazio in vista del Mondiale; la formula potrebbe essere un prestito con obbligo di riscatto.";
const other =
  "Il Napoli segue Kobbie Mainoo del Manchester United: Conte lo ha indicato come rinforzo ideale per gennaio, ma gli inglesi non vogliono cederlo in prestito e chiedono una cifra importante per il centrocampista.";
const at = (d: number) => new Date(Date.UTC(2026, 0, d, 12));

describe("createNearDuplicateIndex", () => {
  it("should pass a new article and catch a rewrite of it days later", async () => {
    expect(await index.check("https://a.test/1", text, at(10))).toBeNull();
    expect(await index.check("https://b.test/other", other, at(11))).toBeNull();
    const dup = await index.check("https://c.test/rewrite", rewrite, at(13));
    expect(dup?.of).toBe("https://a.test/1");
    expect(dup?.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it("should forget articles older than the memory window", async () => {
    expect(await index.check("https://d.test/late", text, at(10 + 45))).toBeNull();
  });

  it("should bound memory with an expiry on every day bucket", async () => {
    const ttl = await redis.pttl(keys.key("neardup", "20260110"));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(31 * 86_400_000);
  });
});
