import { PercolateError } from "../result.js";
import { MinHeap } from "./heap.js";

/**
 * A bipartite max-profit b-matching with convex column costs, all integers:
 * rows (requests) take at most one column; column c takes at most `slotStart[c+1] − slotStart[c]`
 * rows and pays `slotCost[slotStart[c] + k − 1]` for its k-th row (non-decreasing in k);
 * leaving a row unmatched is allowed and costs nothing.
 */
export interface BMatchingInput {
  rows: number;
  cols: number;
  /** CSR of candidate edges by row: row r owns edges edgeStart[r] … edgeStart[r+1]−1. */
  edgeStart: Int32Array;
  edgeCol: Int32Array;
  /** Integer profit of each edge. */
  edgeProfit: Float64Array;
  slotStart: Int32Array;
  /** Integer cost of each slot; non-decreasing within a column (convex total cost). */
  slotCost: Float64Array;
  /** Order rows are inserted in (a permutation of 0 … rows−1); affects speed, never the optimum. */
  order?: Int32Array;
}

/** An optimal solution with a dual certificate. */
export interface BMatchingSolution {
  /** Column of each row, or −1. */
  rowCol: Int32Array;
  /** Edge used by each row, or −1. */
  rowEdge: Int32Array;
  /** Rows held by each column. */
  colCount: Int32Array;
  /**
   * Dual prices: rowDual[r] ≥ 0, and for every edge (r, c): profit ≤ rowDual[r] + colPrice[c],
   * with equality on used edges; colPrice[c] lies between the cost of c's last used slot and
   * its first unused one. An edge outside the input that also satisfies the inequality cannot
   * improve the optimum (LP duality), which is how pruned edges are certified.
   */
  rowDual: Float64Array;
  colPrice: Float64Array;
  /** Σ profit of used edges − Σ slot costs of used slots. */
  objective: number;
  /** The dual objective Σ rowDual + Σ_c Σ_k max(0, colPrice[c] − slotCost_k); equals `objective`. */
  dualObjective: number;
  /** Dijkstra node scans (a work measure). */
  scans: number;
}

/**
 * Solves the b-matching exactly by successive shortest paths with potentials on the flow
 * network source → row → column → sink (column→sink arcs are the convex slots; each row also
 * has a zero-cost "unmatched" arc to the sink). Rows are inserted one at a time, as in the
 * Hungarian method: inserting a row gives it a potential that keeps every reduced cost ≥ 0,
 * and one Dijkstra from it (stopped as soon as the sink is settled) finds the cheapest way to
 * route its unit: a column with a free slot, displacing rows along an alternating path, or
 * leaving some row (possibly itself) unmatched. After every insertion the flow is a min-cost
 * flow of the rows inserted so far, so after the last one it is optimal.
 */
export function solveBMatching(g: BMatchingInput): BMatchingSolution {
  const { rows, cols, edgeStart, edgeCol, edgeProfit, slotStart, slotCost } = g;
  if (edgeStart.length !== rows + 1 || slotStart.length !== cols + 1) throw new PercolateError("b-matching: bad CSR sizes");
  const u = new Float64Array(rows);
  const p = new Float64Array(cols);
  const rowCol = new Int32Array(rows).fill(-1);
  const rowEdge = new Int32Array(rows).fill(-1);
  const colCount = new Int32Array(cols);
  const colRows = new Int32Array(slotStart[cols] as number);
  const n = rows + cols;
  const dist = new Float64Array(n);
  const stamp = new Int32Array(n).fill(-1);
  const settled = new Int32Array(n).fill(-1);
  const parentEdge = new Int32Array(cols);
  const parentRow = new Int32Array(cols);
  const popped = new Int32Array(n);
  const heap = new MinHeap(1024);
  let scans = 0;

  const order = g.order ?? Int32Array.from({ length: rows }, (_, i) => i);
  for (let it = 0; it < order.length; it++) {
    const r0 = order[it] as number;
    const e0 = edgeStart[r0] as number;
    const e1 = edgeStart[r0 + 1] as number;
    let best = 0;
    for (let e = e0; e < e1; e++) {
      const v = (edgeProfit[e] as number) - (p[edgeCol[e] as number] as number);
      if (v > best) best = v;
    }
    u[r0] = best;
    if (best <= 0) continue; // nothing pays more than its price: r0 stays unmatched

    // Dijkstra on reduced costs from r0; D is the best distance to the sink found so far.
    let D = best; // r0's own "unmatched" arc: reduced cost u[r0] − 0
    let termRow = r0;
    let termCol = -1;
    let nPopped = 0;
    heap.clear();
    stamp[r0] = it;
    dist[r0] = 0;
    heap.push(0, r0);
    while (heap.size > 0) {
      const d = heap.peekKey();
      if (d >= D) break;
      const x = heap.pop();
      if (settled[x] === it || d > (dist[x] as number)) continue;
      settled[x] = it;
      popped[nPopped++] = x;
      scans++;
      if (x < rows) {
        const ur = u[x] as number;
        const cur = rowCol[x] as number;
        if (x !== r0 && d + ur < D) {
          D = d + ur; // drop x: its "unmatched" arc
          termRow = x;
          termCol = -1;
        }
        for (let e = edgeStart[x] as number, end = edgeStart[x + 1] as number; e < end; e++) {
          const c = edgeCol[e] as number;
          if (c === cur) continue;
          const nd = d + ur + (p[c] as number) - (edgeProfit[e] as number);
          const node = rows + c;
          if (nd < D && (stamp[node] !== it || nd < (dist[node] as number))) {
            stamp[node] = it;
            dist[node] = nd;
            parentEdge[c] = e;
            parentRow[c] = x;
            heap.push(nd, node);
          }
        }
      } else {
        const c = x - rows;
        const pc = p[c] as number;
        const k = colCount[c] as number;
        const s0 = slotStart[c] as number;
        if (s0 + k < (slotStart[c + 1] as number)) {
          const nd = d + (slotCost[s0 + k] as number) - pc;
          if (nd < D) {
            D = nd;
            termCol = c;
            termRow = -1;
          }
        }
        for (let j = 0; j < k; j++) {
          const r = colRows[s0 + j] as number;
          const nd = d + (edgeProfit[rowEdge[r] as number] as number) - (u[r] as number) - pc;
          if (nd < D && (stamp[r] !== it || nd < (dist[r] as number))) {
            stamp[r] = it;
            dist[r] = nd;
            heap.push(nd, r);
          }
        }
      }
    }
    // Potentials: π += min(dist, D) − D on settled nodes (others are ≥ D: unchanged).
    for (let i = 0; i < nPopped; i++) {
      const x = popped[i] as number;
      const delta = (dist[x] as number) - D;
      if (x < rows) u[x] = (u[x] as number) + delta;
      else p[x - rows] = (p[x - rows] as number) - delta;
    }
    // Augment: walk back from the terminal, shifting rows along the alternating path.
    let c: number;
    let leaving: number;
    if (termCol >= 0) {
      c = termCol;
      leaving = -1;
    } else {
      if (termRow === r0) continue;
      c = rowCol[termRow] as number;
      leaving = termRow;
      rowCol[termRow] = -1;
      rowEdge[termRow] = -1;
    }
    for (;;) {
      const r = parentRow[c] as number;
      const prev = rowCol[r] as number;
      const s0 = slotStart[c] as number;
      if (leaving < 0) {
        colRows[s0 + (colCount[c] as number)] = r;
        colCount[c] = (colCount[c] as number) + 1;
      } else {
        let j = 0;
        while (colRows[s0 + j] !== leaving) j++;
        colRows[s0 + j] = r;
      }
      rowCol[r] = c;
      rowEdge[r] = parentEdge[c] as number;
      if (r === r0) break;
      leaving = r;
      c = prev;
    }
  }

  return finish(g, { rowCol, rowEdge, colCount, rowDual: u, colPrice: p, scans });
}

function finish(
  g: BMatchingInput,
  s: Pick<BMatchingSolution, "rowCol" | "rowEdge" | "colCount" | "rowDual" | "colPrice" | "scans">,
): BMatchingSolution {
  let objective = 0;
  let dualObjective = 0;
  for (let r = 0; r < g.rows; r++) {
    const e = s.rowEdge[r] as number;
    if (e >= 0) objective += g.edgeProfit[e] as number;
    dualObjective += s.rowDual[r] as number;
  }
  for (let c = 0; c < g.cols; c++) {
    const s0 = g.slotStart[c] as number;
    const s1 = g.slotStart[c + 1] as number;
    const used = s.colCount[c] as number;
    const price = s.colPrice[c] as number;
    for (let k = s0; k < s1; k++) {
      const cost = g.slotCost[k] as number;
      if (k - s0 < used) objective -= cost;
      if (price > cost) dualObjective += price - cost;
    }
  }
  return { ...s, objective, dualObjective };
}
