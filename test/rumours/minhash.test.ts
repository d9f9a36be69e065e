import { describe, expect, it } from "vitest";
import {
  bandKeys,
  encodeSignature,
  signature,
  similarity,
  similarityToStored,
} from "../../src/rumours/minhash.js";

// Articles written for this test: an original, a syndicated copy, an aggregator rewrite, and an
// independent report of the same rumour.
const original =
  "Il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae. Il difensore sudcoreano trova poco spazio in Germania e i rossoneri pensano a un prestito con diritto di riscatto già a gennaio. Anche l'Inter aveva chiesto informazioni, ma per ora il Milan è avanti nella corsa al centrale.";
const copy = `${original.replace(/\./g, " .")} Leggi anche: tutte le notizie di calciomercato.`;
const rewrite =
  "Calciomercato: il Milan ha avviato i contatti con il Bayern Monaco per Kim Min-Jae. Il sudcoreano trova poco spazio in Germania e i rossoneri pensano a un prestito con diritto di riscatto già a gennaio. L'Inter aveva chiesto informazioni, ma il Milan è avanti nella corsa al difensore.";
const independent =
  "Kim Min-Jae potrebbe tornare in Serie A. Secondo quanto raccolto dalla nostra redazione, i dirigenti milanisti hanno parlato con gli agenti del giocatore del Bayern, che chiede di giocare di più in vista dei Mondiali; la formula resta da definire.";

const sig = (t: string) => signature(t)!;

describe("signature and similarity", () => {
  it("should find a syndicated copy almost identical", () => {
    expect(similarity(sig(original), sig(copy))).toBeGreaterThan(0.8);
  });

  it("should find a light rewrite similar", () => {
    expect(similarity(sig(original), sig(rewrite))).toBeGreaterThanOrEqual(0.5);
  });

  it("should keep an independent report of the same rumour apart", () => {
    expect(similarity(sig(original), sig(independent))).toBeLessThan(0.2);
  });

  it("should be deterministic and survive encoding, across processes", () => {
    expect(encodeSignature(sig(original))).toEqual(encodeSignature(sig(original)));
    expect(similarityToStored(sig(original), encodeSignature(sig(original)))).toBe(1);
    expect(similarityToStored(sig(copy), encodeSignature(sig(original)))).toBeCloseTo(
      similarity(sig(copy), sig(original)),
      1,
    );
    expect(bandKeys(sig(original))).toEqual(bandKeys(sig(original.toUpperCase().replace(/,/g, " ;"))));
  });

  it("should not sign texts too short to compare", () => {
    expect(signature("Kim al Milan")).toBeNull();
  });
});
