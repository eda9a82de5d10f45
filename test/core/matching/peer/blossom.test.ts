import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { edgeList, maxWeightMatching, type PeerEdges } from "../../../../src/core/matching/peer/index.js";

type Edge = [number, number, number];

function toEdges(list: readonly Edge[]): PeerEdges {
  const b = edgeList();
  for (const [u, v, w] of list) b.add(u, v, w);
  return b.done();
}

/** The best total weight over every matching, by dynamic programming over vertex subsets. */
function bruteForce(n: number, list: readonly Edge[]): number {
  const w = new Map<number, number>();
  for (const [u, v, x] of list) {
    if (u === v || x <= 0) continue;
    const key = Math.min(u, v) * n + Math.max(u, v);
    w.set(key, Math.max(w.get(key) ?? 0, x));
  }
  const memo = new Map<number, number>();
  const best = (mask: number): number => {
    if (mask === 0) return 0;
    const hit = memo.get(mask);
    if (hit !== undefined) return hit;
    const i = 31 - Math.clz32(mask & -mask);
    const rest = mask & ~(1 << i);
    let out = best(rest);
    for (let j = i + 1; j < n; j++) {
      if (!(rest & (1 << j))) continue;
      const x = w.get(i * n + j);
      if (x !== undefined) out = Math.max(out, x + best(rest & ~(1 << j)));
    }
    memo.set(mask, out);
    return out;
  };
  return best((1 << n) - 1);
}

/** Checks mate is a valid matching over the given edges and returns its weight. */
function weightOf(n: number, list: readonly Edge[], mate: Int32Array): number {
  const w = new Map<number, number>();
  for (const [u, v, x] of list) {
    if (u === v || x <= 0) continue;
    const key = Math.min(u, v) * n + Math.max(u, v);
    w.set(key, Math.max(w.get(key) ?? 0, x));
  }
  let total = 0;
  for (let v = 0; v < n; v++) {
    const m = mate[v] as number;
    if (m === -1) continue;
    expect(mate[m]).toBe(v);
    const x = w.get(Math.min(v, m) * n + Math.max(v, m));
    expect(x).toBeDefined();
    if (v < m) total += x ?? 0;
  }
  return total;
}

const graph = (maxN: number, weights: fc.Arbitrary<number>) =>
  fc
    .integer({ min: 1, max: maxN })
    .chain((n) =>
      fc.tuple(fc.constant(n), fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), weights), { maxLength: (n * (n - 1)) / 2 + 4 })),
    );

describe("maxWeightMatching", () => {
  it("matches the brute-force optimum on random graphs up to 12 vertices", () => {
    fc.assert(
      fc.property(graph(12, fc.integer({ min: 0, max: 20 })), ([n, list]) => {
        const mate = maxWeightMatching(n, toEdges(list));
        expect(weightOf(n, list, mate)).toBe(bruteForce(n, list));
      }),
      { numRuns: 600 },
    );
  });

  it("matches brute force with few distinct weights (many ties) and dense graphs", () => {
    fc.assert(
      fc.property(graph(12, fc.constantFrom(0, 1, 2, 2, 3)), ([n, list]) => {
        const mate = maxWeightMatching(n, toEdges(list));
        expect(weightOf(n, list, mate)).toBe(bruteForce(n, list));
      }),
      { numRuns: 600 },
    );
  });

  it("matches brute force with large integer weights (units of a million)", () => {
    fc.assert(
      fc.property(graph(10, fc.integer({ min: 0, max: 40_000_000 })), ([n, list]) => {
        const mate = maxWeightMatching(n, toEdges(list));
        expect(weightOf(n, list, mate)).toBe(bruteForce(n, list));
      }),
      { numRuns: 300 },
    );
  });

  it("handles odd cycles with pendant edges, which need blossoms", () => {
    // A 5-cycle 0-1-2-3-4 with pendants 5 (at 0) and 6 (at 2), and a triangle 7-8-9 with a pendant 10.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 11, maxLength: 11 }), (ws) => {
        const list: Edge[] = [
          [0, 1, ws[0] as number],
          [1, 2, ws[1] as number],
          [2, 3, ws[2] as number],
          [3, 4, ws[3] as number],
          [4, 0, ws[4] as number],
          [0, 5, ws[5] as number],
          [2, 6, ws[6] as number],
          [7, 8, ws[7] as number],
          [8, 9, ws[8] as number],
          [9, 7, ws[9] as number],
          [9, 10, ws[10] as number],
        ];
        const mate = maxWeightMatching(11, toEdges(list));
        expect(weightOf(11, list, mate)).toBe(bruteForce(11, list));
      }),
      { numRuns: 400 },
    );
  });

  it("picks the heavier outside pair over a triangle edge, and the max weight not the max count", () => {
    // Path 0-1-2-3 with weights 1, 5, 1: one edge of weight 5 beats two edges of weight 1.
    const path: Edge[] = [
      [0, 1, 1],
      [1, 2, 5],
      [2, 3, 1],
    ];
    expect(Array.from(maxWeightMatching(4, toEdges(path)))).toEqual([-1, 2, 1, -1]);
    // A star: the centre goes with its heaviest leaf.
    const star: Edge[] = [
      [0, 1, 3],
      [0, 2, 7],
      [0, 3, 5],
    ];
    expect(Array.from(maxWeightMatching(4, toEdges(star)))).toEqual([2, -1, 0, -1]);
  });

  it("ignores loops, zero weights, and keeps the heaviest of duplicate edges", () => {
    const list: Edge[] = [
      [0, 0, 9],
      [0, 1, 0],
      [1, 2, 2],
      [2, 1, 6],
      [0, 3, 5],
      [3, 2, 4],
    ];
    const mate = maxWeightMatching(4, toEdges(list));
    expect(Array.from(mate)).toEqual([3, 2, 1, 0]);
    expect(weightOf(4, list, mate)).toBe(11);
  });

  it("returns all −1 with no edges, and handles a single vertex", () => {
    expect(Array.from(maxWeightMatching(3, toEdges([])))).toEqual([-1, -1, -1]);
    expect(Array.from(maxWeightMatching(1, toEdges([[0, 0, 4]])))).toEqual([-1]);
    expect(Array.from(maxWeightMatching(0, toEdges([])))).toEqual([]);
  });
});
