import { describe, expect, it } from "vitest";
import { certainReading, clipEvidence, EVIDENCE_MAX } from "../../src/rumours/certain-stage.js";
import { addClaim, MAX_CLAIMS, openClaims } from "../../src/rumours/claims.js";
import type { Rumour } from "../../src/rumours/types.js";

describe("certainReading", () => {
  it("should let a plain stage ring with its words", () => {
    expect(
      certainReading({
        club: "Milan",
        stage: "agreement",
        evidence: { text: "accordo  raggiunto\ncol Milan", certainty: "plain" },
      }),
    ).toEqual({ stage: "agreement", evidence: "accordo raggiunto col Milan", claim: null });
  });

  it("should keep a claimed stage as a claim, never as the stage", () => {
    expect(
      certainReading({
        club: "Milan",
        stage: "interest",
        claimed: "agreement",
        evidence: { text: "potrebbe chiudere", certainty: "hedged" },
      }),
    ).toEqual({
      stage: "interest",
      evidence: null,
      claim: { stage: "agreement", text: "potrebbe chiudere" },
    });
  });

  it("should read a stage that needs certainty on words that are not plain as a claim over interest", () => {
    for (const stage of ["agreement", "medical", "official", "collapsed"] as const) {
      expect(
        certainReading({ club: "Milan", stage, evidence: { text: "si parla di", certainty: "hedged" } }),
      ).toEqual({ stage: "interest", evidence: null, claim: { stage, text: "si parla di" } });
    }
    // Talks on hedged words are no push of a deal: left as they are.
    expect(
      certainReading({
        club: "Milan",
        stage: "talks",
        evidence: { text: "forse contatti", certainty: "hedged" },
      }).stage,
    ).toBe("talks");
  });

  it("should ignore a claim that says no more than the stage, and links without evidence", () => {
    expect(certainReading({ club: "Milan", stage: "agreement", claimed: "talks" }).claim).toBeNull();
    expect(certainReading({ club: "Milan", stage: "talks" })).toEqual({
      stage: "talks",
      evidence: null,
      claim: null,
    });
  });

  it("should cut long words to the bound", () => {
    const long = clipEvidence("a".repeat(1000));
    expect(long).toHaveLength(EVIDENCE_MAX);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("claims", () => {
  const at = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
  const rumour = (stage: Rumour["stage"], claims: Rumour["claims"]): Rumour => ({
    playerKey: "p",
    playerName: "P",
    club: "Milan",
    stage,
    firstSeen: at(1),
    lastSeen: at(5),
    history: [],
    outlets: [],
    cited: [],
    articles: [],
    claims,
  });

  it("should keep one claim per stage and outlet, bounded", () => {
    let cs = addClaim([], { stage: "agreement", outlet: "A", at: at(1), text: "old" });
    cs = addClaim(cs, { stage: "agreement", outlet: "A", at: at(2), text: "new" });
    expect(cs).toEqual([{ stage: "agreement", outlet: "A", at: at(2), text: "new" }]);
    for (let i = 0; i < 20; i++) cs = addClaim(cs, { stage: "medical", outlet: `o${i}`, at: at(3 + i) });
    expect(cs).toHaveLength(MAX_CLAIMS);
  });

  it("should count distinct outlets per stage still ahead of the rumour, since a time", () => {
    const r = rumour("talks", [
      { stage: "agreement", outlet: "A", at: at(2), text: "a" },
      { stage: "agreement", outlet: "B", at: at(4), text: "b" },
      { stage: "talks", outlet: "C", at: at(4) },
    ]);
    expect(openClaims(r)).toEqual([
      { stage: "agreement", outlets: 2, latest: { stage: "agreement", outlet: "B", at: at(4), text: "b" } },
    ]);
    expect(openClaims(r, Date.parse(at(3)))[0]?.outlets).toBe(1);
    expect(openClaims(rumour("agreement", r.claims))).toEqual([]);
  });
});
