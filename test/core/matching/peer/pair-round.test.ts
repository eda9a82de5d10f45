import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  edgeList,
  greedyPeers,
  pairPeers,
  type PeerEdges,
  type PeerRoundPlan,
  randomPeers,
} from "../../../../src/core/matching/peer/index.js";

type Edge = [number, number, number];

function toEdges(list: readonly Edge[]): PeerEdges {
  const b = edgeList();
  for (const [u, v, w] of list) b.add(u, v, w);
  return b.done();
}

function weights(list: readonly Edge[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const [u, v, w] of list) {
    if (u === v || w <= 0) continue;
    const key = `${Math.min(u, v)}-${Math.max(u, v)}`;
    m.set(key, Math.max(m.get(key) ?? 0, w));
  }
  return m;
}

const edgeOf = (w: Map<string, number>, a: number, b: number): number | undefined => w.get(`${Math.min(a, b)}-${Math.max(a, b)}`);

/** Every member appears once; each group is a pair with an edge, or a pair plus a joiner with an edge to one of them. */
function checkPlan(n: number, list: readonly Edge[], plan: PeerRoundPlan): void {
  const w = weights(list);
  const seen = new Set<number>();
  let total = 0;
  for (const g of plan.groups) {
    expect(g.length === 2 || g.length === 3).toBe(true);
    for (const v of g) {
      expect(seen.has(v)).toBe(false);
      seen.add(v);
    }
    const pairWeight = edgeOf(w, g[0] as number, g[1] as number);
    expect(pairWeight).toBeDefined();
    total += pairWeight ?? 0;
    if (g.length === 3) {
      const x = g[2] as number;
      expect(edgeOf(w, x, g[0] as number) !== undefined || edgeOf(w, x, g[1] as number) !== undefined).toBe(true);
    }
  }
  for (const v of plan.unpaired) {
    expect(seen.has(v)).toBe(false);
    seen.add(v);
  }
  expect(seen.size).toBe(n);
  expect(plan.total).toBe(total);
}

const graph = fc
  .integer({ min: 1, max: 12 })
  .chain((n) =>
    fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 0, max: 9 })), { maxLength: 30 })),
  );

describe("pairPeers", () => {
  it("puts everyone in one group or in unpaired; unpaired only without a neighbour or with every neighbouring pair already a trio", () => {
    fc.assert(
      fc.property(graph, ([n, list]) => {
        const plan = pairPeers(n, toEdges(list));
        checkPlan(n, list, plan);
        const w = weights(list);
        const groupOf = new Map<number, number[]>();
        for (const g of plan.groups) for (const v of g) groupOf.set(v, g);
        for (const v of plan.unpaired) {
          for (let u = 0; u < n; u++) {
            if (edgeOf(w, u, v) === undefined) continue;
            // A neighbour of an unpaired member sits in a full trio.
            expect(groupOf.get(u)?.length).toBe(3);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(graph, ([n, list]) => {
        expect(pairPeers(n, toEdges(list))).toEqual(pairPeers(n, toEdges(list)));
      }),
      { numRuns: 100 },
    );
  });

  it("never does worse than the greedy or random baselines, which also give valid plans", () => {
    fc.assert(
      fc.property(graph, fc.nat(), ([n, list], seed) => {
        const best = pairPeers(n, toEdges(list));
        const greedy = greedyPeers(n, toEdges(list));
        const random = randomPeers(n, toEdges(list), seed);
        checkPlan(n, list, greedy);
        checkPlan(n, list, random);
        expect(best.total).toBeGreaterThanOrEqual(greedy.total);
        expect(best.total).toBeGreaterThanOrEqual(random.total);
        expect(2 * greedy.total).toBeGreaterThanOrEqual(best.total);
      }),
      { numRuns: 300 },
    );
  });

  it("seats an odd member in the pair where they add the most", () => {
    // 0-1 and 2-3 are the pairs; 4 is linked to 0 (3) and to 2 (2) and 3 (2): pair {2,3} gains 4 > 3.
    const plan = pairPeers(
      5,
      toEdges([
        [0, 1, 10],
        [2, 3, 10],
        [4, 0, 3],
        [4, 2, 2],
        [4, 3, 2],
      ]),
    );
    expect(plan.groups).toEqual([
      [0, 1],
      [2, 3, 4],
    ]);
    expect(plan.unpaired).toEqual([]);
    expect(plan.total).toBe(20);
  });

  it("gives each pair at most one joiner, best addition first, and leaves out a member with no edge", () => {
    // A star: 0 pairs with its heaviest leaf 1; 2 and 3 both want {0,1}; 3 adds more; 4 has no edge.
    const plan = pairPeers(
      5,
      toEdges([
        [0, 1, 9],
        [0, 2, 4],
        [0, 3, 6],
      ]),
    );
    expect(plan.groups).toEqual([[0, 1, 3]]);
    expect(plan.unpaired).toEqual([2, 4]);
  });

  it("pairs a triangle as one trio, and returns nothing for an empty round", () => {
    const plan = pairPeers(
      3,
      toEdges([
        [0, 1, 5],
        [1, 2, 6],
        [0, 2, 4],
      ]),
    );
    expect(plan.groups).toEqual([[1, 2, 0]]);
    expect(plan).toEqual({ groups: [[1, 2, 0]], unpaired: [], total: 6 });
    expect(pairPeers(0, toEdges([]))).toEqual({ groups: [], unpaired: [], total: 0 });
  });
});
