import { PercolateError } from "../result.js";
import type { BMatchingInput, BMatchingSolution } from "./b-matching.js";
import { MinHeap } from "./heap.js";

/**
 * The same exact b-matching as `solveBMatching`, by successive shortest paths that insert
 * column *slots* one at a time instead of rows. Network: slot → column (cost = slot cost),
 * column → row (cost = −profit), row → sink; each slot may also go straight to the sink
 * ("unused"). A new slot is a fresh node, so it can be given a potential that keeps every
 * reduced cost ≥ 0; one Dijkstra from it (stopped once the sink is settled) routes its unit to
 * an unmatched row, frees another slot, or leaves it unused — whichever is cheapest. After each
 * insertion the flow is optimal for the slots inserted so far.
 *
 * Why two variants: search length depends on how many free terminals are around. When
 * requests outnumber slots (the usual queue), nearly every search here ends at a nearby
 * unmatched request, while row insertion must hunt for the last free slots.
 */
export function solveBMatchingBySlots(g: BMatchingInput): BMatchingSolution {
  const { rows, cols, edgeStart, edgeCol, edgeProfit, slotStart, slotCost } = g;
  if (edgeStart.length !== rows + 1 || slotStart.length !== cols + 1) throw new PercolateError("b-matching: bad CSR sizes");
  const nS = slotStart[cols] as number;
  const nE = edgeCol.length;
  // edges by column
  const cStart = new Int32Array(cols + 1);
  for (let e = 0; e < nE; e++) {
    const at = (edgeCol[e] as number) + 1;
    cStart[at] = (cStart[at] as number) + 1;
  }
  for (let c = 0; c < cols; c++) cStart[c + 1] = (cStart[c + 1] as number) + (cStart[c] as number);
  const cRow = new Int32Array(nE);
  const cEdge = new Int32Array(nE);
  const cProfit = new Float64Array(nE); // edgeProfit in column order: the hot loop reads it sequentially
  const fill = cStart.slice(0, cols);
  for (let r = 0; r < rows; r++) {
    for (let e = edgeStart[r] as number; e < (edgeStart[r + 1] as number); e++) {
      const c = edgeCol[e] as number;
      const at = fill[c] as number;
      fill[c] = at + 1;
      cRow[at] = r;
      cEdge[at] = e;
      cProfit[at] = edgeProfit[e] as number;
    }
  }
  // Row potential and column side by side, and each node's distance and search stamp side by
  // side: relaxing an edge into a row touches two cache lines instead of four.
  const rowPC = new Float64Array(2 * rows); // [2r] = π(r), [2r+1] = column of r or −1
  for (let r = 0; r < rows; r++) rowPC[2 * r + 1] = -1;
  const piC = new Float64Array(cols);
  const piS = new Float64Array(nS);
  for (let e = 0; e < nE; e++) {
    const c = edgeCol[e] as number;
    if ((edgeProfit[e] as number) > (piC[c] as number)) piC[c] = edgeProfit[e] as number;
  }
  const rowCol = new Int32Array(rows).fill(-1);
  const rowEdge = new Int32Array(rows).fill(-1);
  const colCount = new Int32Array(cols);
  const slotUsed = new Uint8Array(nS);
  const slotCol = new Int32Array(nS);
  for (let c = 0; c < cols; c++) for (let s = slotStart[c] as number; s < (slotStart[c + 1] as number); s++) slotCol[s] = c;

  const R = rows;
  const RC = rows + cols;
  const n = RC + nS;
  const ds = new Float64Array(2 * n); // [2x] = distance, [2x+1] = search that set it
  for (let x = 0; x < n; x++) ds[2 * x + 1] = -1;
  const settled = new Int32Array(n).fill(-1);
  const parent = new Int32Array(n); // row: column that reached it; column: row or slot node that reached it
  const parentEdge = new Int32Array(rows);
  const popped = new Int32Array(n);
  const heap = new MinHeap(1024);
  let scans = 0;

  // slots in rounds: every column's 1st slot, then every 2nd, …
  let maxSlots = 0;
  for (let c = 0; c < cols; c++) maxSlots = Math.max(maxSlots, (slotStart[c + 1] as number) - (slotStart[c] as number));
  let it = -1;
  for (let k = 0; k < maxSlots; k++) {
    for (let c0 = 0; c0 < cols; c0++) {
      const s0 = (slotStart[c0] as number) + k;
      if (s0 >= (slotStart[c0 + 1] as number)) continue;
      it++;
      const cost0 = slotCost[s0] as number;
      const start = (piC[c0] as number) - cost0;
      if (start <= 0) continue; // π(σ) = 0: using this slot cannot pay now
      piS[s0] = start;
      const src = RC + s0;
      let D = start; // own "unused" arc
      let term = src;
      let nPopped = 0;
      heap.clear();
      ds[2 * src + 1] = it;
      ds[2 * src] = 0;
      settled[src] = it;
      popped[nPopped++] = src;
      // σ → c0 has reduced cost cost0 + π(σ) − π(c0) = 0
      ds[2 * (R + c0) + 1] = it;
      ds[2 * (R + c0)] = 0;
      parent[R + c0] = src;
      heap.push(0, R + c0);
      while (heap.size > 0) {
        const d = heap.peekKey();
        if (d >= D) break;
        const x = heap.pop();
        if (settled[x] === it || d > (ds[2 * x] as number)) continue;
        settled[x] = it;
        popped[nPopped++] = x;
        scans++;
        if (x < R) {
          const cur = rowPC[2 * x + 1] as number;
          const pr = rowPC[2 * x] as number;
          if (cur < 0) {
            if (d + pr < D) {
              D = d + pr;
              term = x;
            }
            continue;
          }
          const node = R + cur;
          const nd = d + (edgeProfit[rowEdge[x] as number] as number) + pr - (piC[cur] as number);
          if (nd < D && (ds[2 * node + 1] !== it || nd < (ds[2 * node] as number))) {
            ds[2 * node + 1] = it;
            ds[2 * node] = nd;
            parent[node] = x;
            heap.push(nd, node);
          }
        } else if (x < RC) {
          const c = x - R;
          const pc = piC[c] as number;
          for (let i = cStart[c] as number, end = cStart[c + 1] as number; i < end; i++) {
            const r = cRow[i] as number;
            const nd = d + pc - (cProfit[i] as number) - (rowPC[2 * r] as number);
            if (nd < D && rowPC[2 * r + 1] !== c && (ds[2 * r + 1] !== it || nd < (ds[2 * r] as number))) {
              ds[2 * r + 1] = it;
              ds[2 * r] = nd;
              parent[r] = c;
              parentEdge[r] = cEdge[i] as number;
              heap.push(nd, r);
            }
          }
          for (let s = slotStart[c] as number, end = slotStart[c + 1] as number; s < end; s++) {
            if (slotUsed[s] !== 1) continue;
            const node = RC + s;
            const nd = d - (slotCost[s] as number) + pc - (piS[s] as number);
            if (nd < D && (ds[2 * node + 1] !== it || nd < (ds[2 * node] as number))) {
              ds[2 * node + 1] = it;
              ds[2 * node] = nd;
              parent[node] = c;
              heap.push(nd, node);
            }
          }
        } else {
          // a used slot reached backwards: it may become unused
          if (d + (piS[x - RC] as number) < D) {
            D = d + (piS[x - RC] as number);
            term = x;
          }
        }
      }
      for (let i = 0; i < nPopped; i++) {
        const x = popped[i] as number;
        const delta = (ds[2 * x] as number) - D;
        if (x < R) rowPC[2 * x] = (rowPC[2 * x] as number) + delta;
        else if (x < RC) piC[x - R] = (piC[x - R] as number) + delta;
        else piS[x - RC] = (piS[x - RC] as number) + delta;
      }
      if (term === src) continue;
      // Walk back from the terminal to the new slot.
      let c: number;
      if (term < R) {
        c = -1;
        let r = term;
        for (;;) {
          c = parent[r] as number;
          rowCol[r] = c;
          rowPC[2 * r + 1] = c;
          rowEdge[r] = parentEdge[r] as number;
          const pc = parent[R + c] as number;
          if (pc >= RC) break;
          r = pc;
        }
      } else {
        const s = term - RC;
        slotUsed[s] = 0;
        c = slotCol[s] as number;
        colCount[c] = (colCount[c] as number) - 1;
        let pc = parent[R + c] as number;
        while (pc < RC) {
          const r = pc;
          c = parent[r] as number;
          rowCol[r] = c;
          rowPC[2 * r + 1] = c;
          rowEdge[r] = parentEdge[r] as number;
          pc = parent[R + c] as number;
        }
      }
      if (c !== c0) throw new PercolateError("b-matching: broken augmenting path");
      slotUsed[s0] = 1;
      colCount[c0] = (colCount[c0] as number) + 1;
    }
  }

  // Duals: colPrice = π(column); rowDual = profit − price on the used edge (≥ −π(row) ≥ 0), 0 when unmatched.
  const rowDual = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const e = rowEdge[r] as number;
    if (e >= 0) rowDual[r] = (edgeProfit[e] as number) - (piC[edgeCol[e] as number] as number);
  }
  let objective = 0;
  let dualObjective = 0;
  for (let r = 0; r < rows; r++) {
    const e = rowEdge[r] as number;
    if (e >= 0) objective += edgeProfit[e] as number;
    dualObjective += rowDual[r] as number;
  }
  for (let s = 0; s < nS; s++) {
    const c = slotCol[s] as number;
    if (slotUsed[s] === 1) objective -= slotCost[s] as number;
    const over = (piC[c] as number) - (slotCost[s] as number);
    if (over > 0) dualObjective += over;
  }
  return { rowCol, rowEdge, colCount, rowDual, colPrice: piC, objective, dualObjective, scans };
}
