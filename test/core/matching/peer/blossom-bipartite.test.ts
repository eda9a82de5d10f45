import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveBMatching } from "../../../../src/core/matching/b-matching.js";
import { edgeList, maxWeightMatching } from "../../../../src/core/matching/peer/index.js";

/**
 * On bipartite graphs the blossom matching must weigh exactly what the (independently written)
 * bipartite b-matching solver finds with one seat per column: a check on graphs far beyond
 * brute force, where trees and blossoms grow and dissolve many times.
 */
describe("maxWeightMatching on larger bipartite graphs", () => {
  it("weighs the same as the bipartite assignment solver", () => {
    const graph = fc
      .tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.constantFrom(3, 10, 1_000_000))
      .chain(([rows, cols, top]) =>
        fc.tuple(
          fc.constant(rows),
          fc.constant(cols),
          fc.array(fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.integer({ min: 1, max: top })), { maxLength: rows * 6 }),
        ),
      );
    fc.assert(
      fc.property(graph, ([rows, cols, list]) => {
        // One edge per (row, col): the heaviest, as the blossom keeps it.
        const best = new Map<number, number>();
        for (const [r, c, w] of list) best.set(r * cols + c, Math.max(best.get(r * cols + c) ?? 0, w));
        const keys = [...best.keys()].sort((a, b) => a - b);
        const edgeStart = new Int32Array(rows + 1);
        for (const key of keys) edgeStart[Math.floor(key / cols) + 1] = (edgeStart[Math.floor(key / cols) + 1] as number) + 1;
        for (let r = 0; r < rows; r++) edgeStart[r + 1] = (edgeStart[r + 1] as number) + (edgeStart[r] as number);
        const edgeCol = Int32Array.from(keys, (key) => key % cols);
        const edgeProfit = Float64Array.from(keys, (key) => best.get(key) as number);
        const slotStart = Int32Array.from({ length: cols + 1 }, (_, c) => c);
        const flow = solveBMatching({ rows, cols, edgeStart, edgeCol, edgeProfit, slotStart, slotCost: new Float64Array(cols) });
        let expected = 0;
        for (let r = 0; r < rows; r++) {
          const e = flow.rowEdge[r] as number;
          if (e >= 0) expected += edgeProfit[e] as number;
        }
        const b = edgeList();
        for (const [r, c, w] of list) b.add(r, rows + c, w);
        const mate = maxWeightMatching(rows + cols, b.done());
        let total = 0;
        for (let r = 0; r < rows; r++) {
          const m = mate[r] as number;
          if (m === -1) continue;
          expect(m).toBeGreaterThanOrEqual(rows);
          expect(mate[m]).toBe(r);
          total += best.get(r * cols + (m - rows)) as number;
        }
        expect(total).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
