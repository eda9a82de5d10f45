import type { PeerEdges } from "./edge-list.js";

/**
 * The graph the blossom algorithm works on: edge k has endpoints 2k (vertex `end[2k]`) and
 * 2k+1 (vertex `end[2k+1]`) and weight `weight[k]`; `adj[start[v] … start[v+1]−1]` lists, for
 * each edge at v, the endpoint at its other end (so `end[p]` is the neighbour and `p >> 1` the
 * edge).
 */
export interface MatchGraph {
  n: number;
  m: number;
  end: Int32Array;
  weight: Float64Array;
  start: Int32Array;
  adj: Int32Array;
  maxWeight: number;
}

/**
 * Cleans an edge list into a {@link MatchGraph}: drops loops, edges with weight ≤ 0 (or not a
 * number) and edges with an end outside 0 … n−1, and keeps the heaviest of parallel edges
 * (the first one on equal weights), so the matching never sees a pair twice.
 */
export function matchGraph(n: number, edges: PeerEdges): MatchGraph {
  const count = Math.max(0, Math.min(edges.count, edges.u.length, edges.v.length, edges.w.length));
  // Bucket valid edges by their smaller end, then keep one edge per (small, large) pair.
  const byLo = new Int32Array(n + 1);
  for (let i = 0; i < count; i++) {
    const a = edges.u[i] as number;
    const b = edges.v[i] as number;
    const wt = edges.w[i] as number;
    if (a === b || !(wt > 0) || a < 0 || b < 0 || a >= n || b >= n) continue;
    const lo = Math.min(a, b);
    byLo[lo + 1] = (byLo[lo + 1] as number) + 1;
  }
  for (let x = 0; x < n; x++) byLo[x + 1] = (byLo[x + 1] as number) + (byLo[x] as number);
  const fill = byLo.slice(0, n);
  const order = new Int32Array(byLo[n] as number);
  for (let i = 0; i < count; i++) {
    const a = edges.u[i] as number;
    const b = edges.v[i] as number;
    const wt = edges.w[i] as number;
    if (a === b || !(wt > 0) || a < 0 || b < 0 || a >= n || b >= n) continue;
    const lo = Math.min(a, b);
    const at = fill[lo] as number;
    order[at] = i;
    fill[lo] = at + 1;
  }
  const slot = new Int32Array(n).fill(-1); // per large end: index of the kept edge for the current small end
  const end: number[] = [];
  const weight: number[] = [];
  let maxWeight = 0;
  for (let lo = 0; lo < n; lo++) {
    const first = weight.length;
    for (let at = byLo[lo] as number; at < (byLo[lo + 1] as number); at++) {
      const i = order[at] as number;
      const a = edges.u[i] as number;
      const b = edges.v[i] as number;
      const hi = Math.max(a, b);
      const wt = edges.w[i] as number;
      const s = slot[hi] as number;
      if (s >= first && s >= 0) {
        if (wt > (weight[s] as number)) weight[s] = wt;
        continue;
      }
      slot[hi] = weight.length;
      end.push(lo, hi);
      weight.push(wt);
    }
    for (let k = first; k < weight.length; k++) {
      if ((weight[k] as number) > maxWeight) maxWeight = weight[k] as number;
    }
  }
  const m = weight.length;
  const start = new Int32Array(n + 1);
  for (let p = 0; p < 2 * m; p++) {
    const x = end[p] as number;
    start[x + 1] = (start[x + 1] as number) + 1;
  }
  for (let x = 0; x < n; x++) start[x + 1] = (start[x + 1] as number) + (start[x] as number);
  const pos = start.slice(0, n);
  const adj = new Int32Array(2 * m);
  for (let p = 0; p < 2 * m; p++) {
    const x = end[p] as number;
    const at = pos[x] as number;
    adj[at] = p ^ 1; // from x's side, the useful endpoint is the other one
    pos[x] = at + 1;
  }
  return { n, m, end: Int32Array.from(end), weight: Float64Array.from(weight), start, adj, maxWeight };
}

/**
 * Which way round a blossom's cycle of `length` children to walk from child `i` to its base
 * (child 0) so that the path has even length: forwards from an odd child (the index made
 * negative, step +1, endpoints as stored), backwards from an even one (step −1, endpoints
 * flipped: `trick` 1).
 */
export const cycleWalk = (i: number, length: number): { j: number; step: 1 | -1; trick: 0 | 1 } =>
  i & 1 ? { j: i - length, step: 1, trick: 0 } : { j: i, step: -1, trick: 1 };
