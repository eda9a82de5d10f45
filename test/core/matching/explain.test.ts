import { describe, expect, it } from "vitest";
import { assignBatch, assignGreedy, assignRandom, explainPair, tagWeights } from "../../../src/core/matching/index.js";
import { asker, cand, span } from "./fixtures.js";

const w = tagWeights(
  new Map([
    ["go", 3],
    ["rust", 1],
  ]),
  10,
);

describe("explainPair", () => {
  const askers = [asker("r1", ["rust", "go"]), asker("r2", ["go"], span(0, 64), ["b"])];
  const candidates = [cand("a", ["rust", "go"], 1), cand("b", ["go"], 1), cand("c", ["design"], 1)];
  const res = assignBatch(askers, candidates, w);

  // Optimum: r1 → b and r2 → a (r2 can only use a), so both are served.
  it("returns the reasons of a pair that was made", () => {
    const e = explainPair(res, askers[1]!, candidates[0]!, w);
    expect(e.kind).toBe("paired");
    if (e.kind === "paired") expect(e.reasons.sharedTags).toEqual(["go"]);
  });

  it("says why an excluded pair was never considered", () => {
    expect(explainPair(res, askers[1]!, candidates[1]!, w)).toEqual({ kind: "excluded", why: "excluded" });
    expect(explainPair(res, askers[0]!, candidates[2]!, w)).toEqual({ kind: "excluded", why: "no_shared_tags" });
  });

  it("says whom the request got instead and whether the volunteer filled up", () => {
    const e = explainPair(res, askers[0]!, candidates[0]!, w);
    expect(e.kind).toBe("outscored");
    if (e.kind === "outscored") {
      expect(e.reasons.sharedTags).toEqual(["rust", "go"]);
      expect(e.requestGot?.volunteerId).toBe("b");
      expect(e.volunteerFull).toBe(true);
      expect(e.volunteerTook).toBe(1);
    }
  });
});

describe("baselines", () => {
  const askers = Array.from({ length: 30 }, (_, i) => asker(`r${i}`, i % 2 === 0 ? ["go"] : ["rust", "go"], span(i, i + 20)));
  const candidates = Array.from({ length: 8 }, (_, i) => cand(`v${i}`, i % 3 === 0 ? ["rust"] : ["go"], 1 + (i % 3), 0, span(0, 30 + i)));

  it("never beat the exact optimum, and random is reproducible for a seed", () => {
    const best = assignBatch(askers, candidates, w);
    expect(assignGreedy(askers, candidates, w).objective).toBeLessThanOrEqual(best.objective + 1e-9);
    const r1 = assignRandom(askers, candidates, w, 42);
    expect(r1.objective).toBeLessThanOrEqual(best.objective + 1e-9);
    expect(assignRandom(askers, candidates, w, 42)).toEqual(r1);
  });
});
