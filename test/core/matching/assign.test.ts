import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignBatch,
  loadUnits,
  pairValueUnits,
  remainingCapacity,
  scorePair,
  sharedTags,
  tagWeights,
  SCALE,
  WEIGHTS,
  type AssignResult,
  type BatchAsker,
  type Candidate,
  type TagWeights,
} from "../../../src/core/matching/index.js";
import { sharedFreeHours } from "../../../src/core/time/index.js";
import { asker, cand, span } from "./fixtures.js";

const VOCAB = ["ai", "go", "rust", "design", "sales"];
const BLOCKS = [span(0, 8), span(8, 16), span(96, 104), span(200, 224), span(600, 640), span(1000, 1010)];

function union(picks: readonly number[]): Uint32Array {
  const m = new Uint32Array(42);
  for (const p of picks) for (const [i, x] of (BLOCKS[p] ?? []).entries()) m[i] = (m[i] ?? 0) | x;
  return m;
}

const person = fc.record({
  tags: fc.uniqueArray(fc.constantFrom(...VOCAB), { minLength: 0, maxLength: 3 }),
  blocks: fc.uniqueArray(fc.integer({ min: 0, max: BLOCKS.length - 1 }), { maxLength: 3 }),
});

/** Small random batches: up to 6 requests and 4 volunteers, with exclusions and self-pairs. */
const batch = fc
  .record({
    reqs: fc.array(
      fc.record({
        p: person,
        excl: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }),
        selfOf: fc.option(fc.integer({ min: 0, max: 3 })),
      }),
      { maxLength: 6 },
    ),
    vols: fc.array(
      fc.record({
        p: person,
        cap: fc.integer({ min: 0, max: 3 }),
        used: fc.integer({ min: 0, max: 3 }),
        rating: fc.option(fc.tuple(fc.double({ min: 1, max: 5, noNaN: true }), fc.integer({ min: 0, max: 30 }))),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ reqs, vols }) => {
    const candidates: Candidate[] = vols.map((v, i) => cand(`v${i}`, v.p.tags, v.cap, v.used, union(v.p.blocks), v.rating ?? [null, 0]));
    const askers: BatchAsker[] = reqs.map((r, i) =>
      asker(
        `r${i}`,
        r.p.tags,
        union(r.p.blocks),
        r.excl.map((x) => `v${x}`),
        r.selfOf === null ? `s${i}` : `v${r.selfOf}`,
      ),
    );
    const counts = new Map<string, number>();
    for (const x of [...askers, ...candidates]) for (const t of x.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { askers, candidates, w: tagWeights(counts, askers.length + candidates.length) };
  });

/** Best objective in units by trying every assignment. */
function bruteForce(askers: readonly BatchAsker[], candidates: readonly Candidate[], w: TagWeights): number {
  const value = askers.map((a) =>
    candidates.map((c) => {
      if (!scorePair(a, c, w).ok) return null;
      return pairValueUnits(sharedTags(a.tags, c.tags, w).units, sharedFreeHours(a.freeMask, c.freeMask), c);
    }),
  );
  const count = candidates.map(() => 0);
  let best = 0;
  const go = (r: number, acc: number): void => {
    if (r === askers.length) {
      best = Math.max(best, acc);
      return;
    }
    go(r + 1, acc);
    candidates.forEach((c, v) => {
      const val = value[r]?.[v];
      if (val === null || val === undefined || (count[v] as number) >= remainingCapacity(c)) return;
      count[v] = (count[v] as number) + 1;
      go(r + 1, acc + val - loadUnits(c.usedThisMonth, c.capacityPerMonth, count[v] as number));
      count[v] = (count[v] as number) - 1;
    });
  };
  go(0, 0);
  return best;
}

/** Invariants every batch output must satisfy. */
function checkInvariants(res: AssignResult, askers: readonly BatchAsker[], candidates: readonly Candidate[], w: TagWeights): void {
  const byReq = new Map(askers.map((a) => [a.requestId, a]));
  const byVol = new Map(candidates.map((c) => [c.volunteerId, c]));
  const seen = new Set<string>();
  const load = new Map<string, number>();
  for (const p of res.pairs) {
    expect(seen.has(p.requestId)).toBe(false);
    seen.add(p.requestId);
    const a = byReq.get(p.requestId);
    const c = byVol.get(p.volunteerId);
    if (!a || !c) throw new Error("unknown id in output");
    const s = scorePair(a, c, w);
    if (!s.ok) throw new Error(`paired an ineligible pair: ${s.why}`); // never excluded, self, at capacity, tagless or timeless
    // the batch reads reasons from its index form; they must say what on-demand ranking says
    expect(p.reasons.sharedTags).toEqual(s.reasons.sharedTags);
    expect(p.reasons.sharedFreeHours).toBe(s.reasons.sharedFreeHours);
    load.set(c.volunteerId, (load.get(c.volunteerId) ?? 0) + 1);
  }
  for (const [id, n] of load) expect(n).toBeLessThanOrEqual(remainingCapacity(byVol.get(id) as Candidate));
  expect([...seen, ...res.unmatched].sort()).toEqual(askers.map((a) => a.requestId).sort());
  expect(res.stats.objectiveUnits).toBe(res.stats.dualUnits);
  const sum = res.pairs.reduce((s, p) => s + Math.round(p.reasons.score * SCALE), 0);
  expect(sum).toBe(res.stats.objectiveUnits);
}

describe("assignBatch", () => {
  it("reaches the brute-force optimum and keeps every invariant (property)", () => {
    fc.assert(
      fc.property(batch, fc.integer({ min: 1, max: 4 }), ({ askers, candidates, w }, k) => {
        const res = assignBatch(askers, candidates, w, { candidatesPerRequest: k });
        checkInvariants(res, askers, candidates, w);
        expect(res.stats.objectiveUnits).toBe(bruteForce(askers, candidates, w));
      }),
      { numRuns: 400 },
    );
  });

  it("gives the same result for any input order and any pruning (deterministic)", () => {
    fc.assert(
      fc.property(batch, ({ askers, candidates, w }) => {
        const a = assignBatch(askers, candidates, w);
        const b = assignBatch([...askers].reverse(), [...candidates].reverse(), w, { candidatesPerRequest: 1 });
        expect(b.pairs).toEqual(a.pairs);
        expect(b.objective).toBe(a.objective);
      }),
      { numRuns: 150 },
    );
  });

  it("spreads load when scores are close (convex load cost), not when one is clearly better", () => {
    const w = tagWeights(new Map([["go", 4]]), 10);
    const askers = [asker("r1", ["go"]), asker("r2", ["go"])];
    // +0.11 for good ratings < 0.25, the extra cost of a volunteer's second chat: spread
    const close = assignBatch(askers, [cand("liked", ["go"], 4, 0, span(0, 64), [4, 10]), cand("plain", ["go"], 4, 0)], w);
    expect(close.pairs.map((p) => p.volunteerId).sort()).toEqual(["liked", "plain"]);
    // +0.43 for excellent ratings > 0.25: both go to the loved volunteer
    const clear = assignBatch(askers, [cand("loved", ["go"], 4, 0, span(0, 64), [5, 30]), cand("plain", ["go"], 4, 0)], w);
    expect(clear.pairs.map((p) => p.volunteerId)).toEqual(["loved", "loved"]);
    expect(clear.pairs.map((p) => p.reasons.load).sort()).toEqual([0, 0.25]);
  });

  it("handles no volunteers, no requests, and everyone at capacity", () => {
    const w = tagWeights(new Map(), 1);
    expect(assignBatch([asker("r1", ["go"])], [], w)).toMatchObject({ pairs: [], objective: 0, unmatched: ["r1"] });
    expect(assignBatch([], [cand("v", ["go"])], w)).toMatchObject({ pairs: [], objective: 0, unmatched: [] });
    const full = assignBatch([asker("r1", ["go"]), asker("r2", ["go"])], [cand("a", ["go"], 2, 2), cand("b", ["go"], 0, 0)], w);
    expect(full.pairs).toEqual([]);
    expect(full.unmatched).toEqual(["r1", "r2"]);
  });

  it("serves a thousand requests for one tag up to total capacity, best-available-time first", () => {
    const w = tagWeights(new Map([["rust", 1030]]), 2000);
    const askers = Array.from({ length: 1000 }, (_, i) => asker(`r${String(i).padStart(4, "0")}`, ["rust"], span(0, 4 + (i % 40))));
    const candidates = Array.from({ length: 30 }, (_, i) => cand(`v${i}`, ["rust"], 1 + (i % 4), i % 2 === 0 ? 0 : 1));
    const res = assignBatch(askers, candidates, w);
    checkInvariants(res, askers, candidates, w);
    const room = candidates.reduce((s, c) => s + remainingCapacity(c), 0);
    expect(res.pairs).toHaveLength(room);
    expect(res.unmatched).toHaveLength(1000 - room);
    expect(Math.min(...res.pairs.map((p) => p.reasons.sharedFreeHours))).toBeGreaterThanOrEqual(WEIGHTS.availabilityFullHours);
  });

  it("throws on duplicate request ids (a broken invariant)", () => {
    const w = tagWeights(new Map(), 1);
    expect(() => assignBatch([asker("r", ["go"]), asker("r", ["go"])], [], w)).toThrow(/duplicate request/);
  });
});
