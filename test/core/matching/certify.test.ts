import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignBatch,
  availabilityUnits,
  loadUnits,
  MinCostFlow,
  pairValueUnits,
  remainingCapacity,
  scorePair,
  sharedTags,
  tagWeights,
  WEIGHTS,
  type BatchAsker,
  type Candidate,
  type TagWeights,
} from "../../../src/core/matching/index.js";
import { sharedCellsCapped } from "../../../src/core/matching/coarse.js";
import { sharedFreeHours } from "../../../src/core/time/index.js";
import { asker, cand, span, WORDS } from "./fixtures.js";

const VOCAB = ["ai", "go", "rust", "design", "sales", "law"];
const BLOCKS = [span(0, 8), span(8, 20), span(96, 104), span(200, 230), span(672, 690), span(700, 712), span(1000, 1010)];

/** Medium batches (up to 40 requests, 8 volunteers): big enough for pruning to matter. */
const medium = fc
  .record({
    seed: fc.array(fc.nat(1_000_000), { minLength: 400, maxLength: 400 }),
    nR: fc.integer({ min: 1, max: 40 }),
    nV: fc.integer({ min: 1, max: 8 }),
    capMax: fc.integer({ min: 1, max: 6 }),
  })
  .map(({ seed, nR, nV, capMax }) => {
    let i = 0;
    const next = (n: number): number => (seed[i++ % seed.length] ?? 0) % n;
    const person = (): { tags: string[]; free: Uint32Array } => {
      const tags = [...new Set([VOCAB[next(VOCAB.length)] as string, VOCAB[next(3)] as string])].slice(0, 1 + next(2));
      const free = new Uint32Array(WORDS);
      for (let b = 0; b < 1 + next(3); b++)
        for (const [k, x] of (BLOCKS[next(BLOCKS.length)] as Uint32Array).entries()) free[k] = (free[k] ?? 0) | x;
      return { tags, free };
    };
    const candidates: Candidate[] = Array.from({ length: nV }, (_, v) => {
      const p = person();
      const cap = 1 + next(capMax);
      return cand(`v${v}`, p.tags, cap, next(cap + 1), p.free, next(2) === 0 ? [null, 0] : [1 + next(5), next(20)]);
    });
    const askers: BatchAsker[] = Array.from({ length: nR }, (_, r) => {
      const p = person();
      return asker(`r${String(r).padStart(2, "0")}`, p.tags, p.free, next(4) === 0 ? [`v${next(nV)}`] : []);
    });
    const counts = new Map<string, number>();
    for (const x of [...askers, ...candidates]) for (const t of x.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    return { askers, candidates, w: tagWeights(counts, nR + nV) };
  });

/** The optimum over every eligible pair, by the generic min-cost flow (no pruning at all). */
function unprunedOptimum(askers: readonly BatchAsker[], candidates: readonly Candidate[], w: TagWeights): number {
  const nR = askers.length;
  const s = nR + candidates.length;
  const t = s + 1;
  const g = new MinCostFlow(t + 1);
  askers.forEach((a, r) => {
    g.addEdge(s, r, 1, 0);
    candidates.forEach((c, v) => {
      if (!scorePair(a, c, w).ok) return;
      g.addEdge(r, nR + v, 1, -pairValueUnits(sharedTags(a.tags, c.tags, w).units, sharedFreeHours(a.freeMask, c.freeMask), c));
    });
  });
  candidates.forEach((c, v) => {
    for (let k = 1; k <= remainingCapacity(c); k++) g.addEdge(nR + v, t, 1, loadUnits(c.usedThisMonth, c.capacityPerMonth, k));
  });
  return 0 - g.solve(s, t, { mode: "min-cost" }).cost;
}

describe("pruning + certification", () => {
  it("reaches the unpruned optimum however hard the candidate lists are cut (property)", () => {
    let multiRound = 0;
    fc.assert(
      fc.property(
        medium,
        fc.constantFrom(0, 1, 2),
        fc.constantFrom(0, 1),
        fc.constantFrom(0, 1, 4),
        ({ askers, candidates, w }, perRequest, perSlot, perVolunteer) => {
          const res = assignBatch(askers, candidates, w, {
            candidatesPerRequest: perRequest,
            candidatesPerSlot: perSlot,
            candidatesPerVolunteer: perVolunteer,
          });
          expect(res.stats.objectiveUnits).toBe(unprunedOptimum(askers, candidates, w));
          expect(res.stats.dualUnits).toBe(res.stats.objectiveUnits);
          if (res.stats.rounds > 1) multiRound++;
        },
      ),
      { numRuns: 250 },
    );
    expect(multiRound).toBeGreaterThan(0); // the certificate did find pruned pairs to add back
  });
});

describe("sharedCellsCapped", () => {
  it("gives the same availability part as sharedFreeHours from the time core", () => {
    fc.assert(
      fc.property(
        fc.uint32Array({ minLength: WORDS, maxLength: WORDS }),
        fc.uint32Array({ minLength: WORDS, maxLength: WORDS }),
        fc.nat(40),
        (a, b, cap) => {
          const exact = sharedFreeHours(a, b) * 4;
          expect(sharedCellsCapped(a, 0, b, 0, WORDS, cap)).toBe(Math.min(cap, exact));
          const capCells = WEIGHTS.availabilityFullHours * 4;
          expect(availabilityUnits(sharedCellsCapped(a, 0, b, 0, WORDS, capCells) / 4)).toBe(availabilityUnits(sharedFreeHours(a, b)));
        },
      ),
      { numRuns: 200 },
    );
  });
});
