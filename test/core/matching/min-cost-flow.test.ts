import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MinCostFlow } from "../../../src/core/matching/index.js";
import { MinHeap } from "../../../src/core/matching/heap.js";

/** Brute-force cheapest assignment of each row to a distinct column or to nothing. */
function bruteAssignment(costs: number[][], allowSkip: boolean): number {
  const rows = costs.length;
  const cols = costs[0]?.length ?? 0;
  let best = Infinity;
  const used = new Array<boolean>(cols).fill(false);
  const go = (r: number, acc: number): void => {
    if (r === rows) {
      best = Math.min(best, acc);
      return;
    }
    if (allowSkip) go(r + 1, acc);
    for (let c = 0; c < cols; c++) {
      if (used[c]) continue;
      used[c] = true;
      go(r + 1, acc + (costs[r]?.[c] ?? 0));
      used[c] = false;
    }
  };
  go(0, 0);
  return best;
}

function assignmentNetwork(costs: number[][]): { g: MinCostFlow; s: number; t: number } {
  const rows = costs.length;
  const cols = costs[0]?.length ?? 0;
  const g = new MinCostFlow(rows + cols + 2);
  const s = rows + cols;
  const t = s + 1;
  for (let r = 0; r < rows; r++) g.addEdge(s, r, 1, 0);
  for (let c = 0; c < cols; c++) g.addEdge(rows + c, t, 1, 0);
  for (const [r, row] of costs.entries()) for (const [c, cost] of row.entries()) g.addEdge(r, rows + c, 1, cost);
  return { g, s, t };
}

describe("MinHeap", () => {
  it("pops in key order", () => {
    const h = new MinHeap(2);
    for (const [i, k] of [5, 1, 4, 1, 9, 2, 6].entries()) h.push(k, i);
    const keys: number[] = [];
    while (h.size > 0) {
      keys.push(h.peekKey());
      h.pop();
    }
    expect(keys).toEqual([1, 1, 2, 4, 5, 6, 9]);
    expect(h.pop()).toBe(-1);
  });
});

describe("MinCostFlow", () => {
  it("solves a textbook network", () => {
    const g = new MinCostFlow(4);
    g.addEdge(0, 1, 2, 1);
    g.addEdge(0, 2, 1, 2);
    g.addEdge(1, 2, 1, 1);
    const a = g.addEdge(1, 3, 1, 3);
    g.addEdge(2, 3, 2, 1);
    expect(g.solve(0, 3)).toMatchObject({ flow: 3, cost: 10 });
    expect(g.flowOn(a)).toBe(1);
  });

  it("honours maxFlow", () => {
    const g = new MinCostFlow(2);
    g.addEdge(0, 1, 5, 2);
    expect(g.solve(0, 1, { maxFlow: 3 })).toMatchObject({ flow: 3, cost: 6 });
  });

  it("matches brute force on random assignment problems (max flow, negative costs allowed)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (costs) => {
          const { g, s, t } = assignmentNetwork(costs);
          const res = g.solve(s, t);
          expect(res.flow).toBe(costs.length);
          expect(res.cost).toBe(bruteAssignment(costs, false));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("in min-cost mode sends flow only while it pays", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 5 }),
        (costs) => {
          const { g, s, t } = assignmentNetwork(costs);
          expect(g.solve(s, t, { mode: "min-cost" }).cost).toBe(bruteAssignment(costs, true));
        },
      ),
      { numRuns: 150 },
    );
  });
});
