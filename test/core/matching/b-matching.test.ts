import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinCostFlow, solveBMatching, type BMatchingInput, type BMatchingSolution } from "../../../src/core/matching/index.js";
import { solveBMatchingBySlots } from "../../../src/core/matching/b-matching-slots.js";

/** A random b-matching instance with convex slot costs. */
const instance = fc
  .record({
    rows: fc.integer({ min: 0, max: 9 }),
    caps: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 0, maxLength: 5 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 60, maxLength: 60 }),
    density: fc.integer({ min: 1, max: 10 }),
  })
  .map(({ rows, caps, seed, density }): BMatchingInput => {
    let i = 0;
    const next = (): number => seed[i++ % seed.length] ?? 0;
    const cols = caps.length;
    const start = [0];
    const col: number[] = [];
    const profit: number[] = [];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (next() % 10 < density) {
          col.push(c);
          profit.push(next() % 50);
        }
      }
      start.push(col.length);
    }
    const slotStart = [0];
    const slotCost: number[] = [];
    caps.forEach((cap) => {
      let cost = next() % 10;
      for (let k = 0; k < cap; k++) {
        slotCost.push(cost);
        cost += next() % 15; // non-decreasing: convex
      }
      slotStart.push(slotCost.length);
    });
    return {
      rows,
      cols,
      edgeStart: Int32Array.from(start),
      edgeCol: Int32Array.from(col),
      edgeProfit: Float64Array.from(profit),
      slotStart: Int32Array.from(slotStart),
      slotCost: Float64Array.from(slotCost),
    };
  });

/** The same problem through the generic solver: max profit = −(min cost of any flow value). */
function viaGenericFlow(g: BMatchingInput): number {
  const s = g.rows + g.cols;
  const t = s + 1;
  const net = new MinCostFlow(t + 1);
  for (let r = 0; r < g.rows; r++) net.addEdge(s, r, 1, 0);
  for (let r = 0; r < g.rows; r++) {
    for (let e = g.edgeStart[r] as number; e < (g.edgeStart[r + 1] as number); e++) {
      net.addEdge(r, g.rows + (g.edgeCol[e] as number), 1, -(g.edgeProfit[e] as number));
    }
  }
  for (let c = 0; c < g.cols; c++) {
    for (let k = g.slotStart[c] as number; k < (g.slotStart[c + 1] as number); k++) net.addEdge(g.rows + c, t, 1, g.slotCost[k] as number);
  }
  return -net.solve(s, t, { mode: "min-cost" }).cost;
}

const SOLVERS: [string, (g: BMatchingInput) => BMatchingSolution][] = [
  ["rows inserted", solveBMatching],
  ["rows inserted in reverse", (g) => solveBMatching({ ...g, order: Int32Array.from({ length: g.rows }, (_, i) => g.rows - 1 - i) })],
  ["slots inserted", solveBMatchingBySlots],
];

describe.each(SOLVERS)("b-matching, %s", (_name, solve) => {
  it("agrees with the generic min-cost flow and certifies itself by duality", () => {
    fc.assert(
      fc.property(instance, (g) => {
        const sol = solve(g);
        expect(sol.objective).toBe(viaGenericFlow(g) + 0);
        expect(sol.dualObjective).toBe(sol.objective);
        // dual feasibility on every edge, tightness on used ones
        for (let r = 0; r < g.rows; r++) {
          expect(sol.rowDual[r]).toBeGreaterThanOrEqual(0);
          for (let e = g.edgeStart[r] as number; e < (g.edgeStart[r + 1] as number); e++) {
            const slack = (sol.rowDual[r] as number) + (sol.colPrice[g.edgeCol[e] as number] as number) - (g.edgeProfit[e] as number);
            expect(slack).toBeGreaterThanOrEqual(0);
            if (sol.rowEdge[r] === e) expect(slack).toBe(0);
          }
        }
        // capacities
        for (let c = 0; c < g.cols; c++) {
          let n = 0;
          for (let r = 0; r < g.rows; r++) if (sol.rowCol[r] === c) n++;
          expect(n).toBe(sol.colCount[c]);
          expect(n).toBeLessThanOrEqual((g.slotStart[c + 1] as number) - (g.slotStart[c] as number));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("handles no rows and no columns", () => {
    const empty = solve({
      rows: 2,
      cols: 0,
      edgeStart: new Int32Array(3),
      edgeCol: new Int32Array(0),
      edgeProfit: new Float64Array(0),
      slotStart: new Int32Array(1),
      slotCost: new Float64Array(0),
    });
    expect(Array.from(empty.rowCol)).toEqual([-1, -1]);
    expect(empty.objective).toBe(0);
  });
});
