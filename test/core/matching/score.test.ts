import { describe, expect, it } from "vitest";
import {
  AVAILABILITY_MAX_UNITS,
  feedbackUnits,
  loadUnits,
  rankCandidates,
  scorePair,
  tagWeights,
  SCALE,
  WEIGHTS,
} from "../../../src/core/matching/index.js";
import { asker, cand, span } from "./fixtures.js";

const counts = new Map([
  ["javascript", 50],
  ["machine-learning", 10],
  ["rust", 2],
]);
const w = tagWeights(counts, 100);

describe("tagWeights", () => {
  it("weighs rarer tags more and gives unknown tags the rarest weight", () => {
    expect(w.weight("rust")).toBeGreaterThan(w.weight("machine-learning"));
    expect(w.weight("machine-learning")).toBeGreaterThan(w.weight("javascript"));
    expect(w.weight("never-seen")).toBeCloseTo(Math.log(101), 12);
    expect(w.weight("javascript")).toBeCloseTo(Math.log(1 + 100 / 50), 12);
  });

  it("normalizes keys and resolves aliases, default and community ones", () => {
    const ww = tagWeights(
      new Map([
        ["ML", 3],
        ["machine learning", 7],
        ["k8s", 5],
      ]),
      100,
      { k8s: "kubernetes" },
    );
    expect(ww.weight("ml")).toBeCloseTo(Math.log(1 + 100 / 10), 12);
    expect(ww.weight("Kubernetes")).toBeCloseTo(Math.log(1 + 100 / 5), 12);
    expect(ww.canonical?.("JS")).toBe("javascript");
  });

  it("never weighs a tag below ln 2, even with counts above the population", () => {
    const ww = tagWeights(new Map([["x", 500]]), 100);
    expect(ww.weight("x")).toBeCloseTo(Math.log(2), 12);
  });
});

describe("scorePair", () => {
  const a = asker("r1", ["ML", "javascript"], span(0, 40));

  it("lists exclusions in order: self, excluded, at capacity, no shared tags, no shared time", () => {
    expect(scorePair({ ...a, seekerId: "v" }, cand("v", ["rust"]), w)).toEqual({ ok: false, why: "self" });
    expect(scorePair({ ...a, excluded: new Set(["v"]) }, cand("v", ["javascript"]), w)).toEqual({ ok: false, why: "excluded" });
    expect(scorePair(a, cand("v", ["javascript"], 2, 2), w)).toEqual({ ok: false, why: "at_capacity" });
    expect(scorePair(a, cand("v", ["javascript"], 0, 0), w)).toEqual({ ok: false, why: "at_capacity" });
    expect(scorePair(a, cand("v", ["rust"]), w)).toEqual({ ok: false, why: "no_shared_tags" });
    expect(scorePair(a, cand("v", ["javascript"], 2, 0, span(40, 80)), w)).toEqual({ ok: false, why: "no_shared_time" });
  });

  it("adds base, rarity-weighted shared tags (aliases applied), capped availability, minus load", () => {
    const s = scorePair(a, cand("v", ["machine-learning", "JS", "rust"], 4, 1, span(0, 40)), w);
    if (!s.ok) throw new Error(s.why);
    expect(s.reasons.sharedTags).toEqual(["machine-learning", "javascript"]);
    expect(s.reasons.sharedFreeHours).toBe(10);
    expect(s.reasons.load).toBe(0.25);
    const expected = WEIGHTS.base + w.weight("machine-learning") + w.weight("javascript") + WEIGHTS.availabilityMax - 0.25;
    expect(s.reasons.score).toBeCloseTo(expected, 5);
  });

  it("scales availability up to the cap", () => {
    const two = scorePair(a, cand("v", ["javascript"], 2, 0, span(0, 8)), w);
    const lots = scorePair(a, cand("v", ["javascript"], 2, 0, span(0, 40)), w);
    if (!two.ok || !lots.ok) throw new Error("eligible");
    expect(lots.reasons.score - two.reasons.score).toBeCloseTo(WEIGHTS.availabilityMax * (1 - 2 / WEIGHTS.availabilityFullHours), 5);
    expect(AVAILABILITY_MAX_UNITS).toBe(WEIGHTS.availabilityMax * SCALE);
  });

  it("lets feedback raise or lower a score only with enough ratings, and boundedly", () => {
    expect(feedbackUnits(5, 2)).toBe(0);
    expect(feedbackUnits(null, 40)).toBe(0);
    expect(feedbackUnits(5, 3)).toBeGreaterThan(0);
    expect(feedbackUnits(1.5, 3)).toBeLessThan(0);
    expect(feedbackUnits(5, 1000)).toBeLessThanOrEqual(WEIGHTS.feedbackMax * SCALE);
    expect(feedbackUnits(1, 1000)).toBeGreaterThanOrEqual(-WEIGHTS.feedbackMax * SCALE);
    expect(feedbackUnits(5, 20)).toBeGreaterThan(feedbackUnits(5, 5));
  });

  it("keeps every eligible pair's score positive at the worst corner", () => {
    const crowded = tagWeights(new Map([["javascript", 100]]), 100);
    const s = scorePair(asker("r", ["javascript"], span(0, 1)), cand("v", ["javascript"], 20, 19, span(0, 1), [1, 10_000]), crowded);
    if (!s.ok) throw new Error(s.why);
    expect(s.reasons.score).toBeGreaterThan(0);
  });

  it("charges the first chat of a batch round exactly the on-demand load penalty", () => {
    expect(loadUnits(1, 4, 1)).toBe(0.25 * SCALE);
    expect(loadUnits(1, 4, 2)).toBe(0.5 * SCALE);
  });
});

describe("rankCandidates", () => {
  it("ranks by score, breaks ties by volunteer id, honours the limit and lists exclusions", () => {
    const a = asker("r1", ["rust", "javascript"], span(0, 40), ["blocked"]);
    const cs = [
      cand("z-tie", ["javascript"]),
      cand("a-tie", ["javascript"]),
      cand("rusty", ["rust"]),
      cand("blocked", ["rust"]),
      cand("full", ["rust"], 1, 1),
      cand("other", ["go"]),
    ];
    const { ranked, excluded } = rankCandidates(a, cs, w, 2);
    expect(ranked.map((r) => r.volunteerId)).toEqual(["rusty", "a-tie"]);
    expect(excluded).toEqual([
      { volunteerId: "blocked", why: "excluded" },
      { volunteerId: "full", why: "at_capacity" },
      { volunteerId: "other", why: "no_shared_tags" },
    ]);
  });

  it("returns nothing to rank when there are no volunteers", () => {
    expect(rankCandidates(asker("r", ["x"]), [], w, 3)).toEqual({ ranked: [], excluded: [] });
  });
});
