import { type MatchGraph, matchGraph } from "./blossom-graph.js";
import { matchOnGraph } from "./blossom.js";
import type { PeerEdges } from "./edge-list.js";

/** One peer round's groups. */
export interface PeerRoundPlan {
  /** Pairs, and trios (a pair plus the member who joined it), each listed lowest member first, then the joiner. */
  groups: number[][];
  /** Members left without a group: no allowed partner at all, or every pair they could join already a trio. */
  unpaired: number[];
  /** Summed weight of the pairs (the matching); trio joiners add nothing here. */
  total: number;
}

/**
 * True when a and b must not share a group (the same callback as `PeerEdgeOptions.excluded`).
 * A missing edge is not enough to tell: the candidate graph keeps only each member's best edges.
 */
export type PeerExcluded = (a: number, b: number) => boolean;

/**
 * Pairs a round's members: an exact maximum-weight matching of the candidate graph, then trios
 * for the members it leaves out (see {@link withTrios}); with `excluded`, a member never joins a
 * pair holding someone they are excluded with. Deterministic for the same input.
 */
export function pairPeers(n: number, edges: PeerEdges, excluded?: PeerExcluded): PeerRoundPlan {
  const g = matchGraph(n, edges);
  return withTrios(g, matchOnGraph(g), excluded);
}

/**
 * Turns a matching (`mate[v]` = partner or −1) into a round's plan. Every member the matching
 * leaves single who has an edge may join one matched pair where they add the most — the sum of
 * their edge weights to the pair's members they have an edge with (at least one) — and each pair
 * takes at most one joiner. Offers are granted best first (larger sum, then lower member index,
 * then the pair with the lower first member), so the result depends only on the input. A pair
 * holding someone the joiner is `excluded` with (asked both ways) is never offered. A single
 * member next to another single one can only happen with a non-maximum matching; they are not
 * paired here either, only offered seats in pairs.
 */
export function withTrios(g: MatchGraph, mate: Int32Array, excluded?: PeerExcluded): PeerRoundPlan {
  const n = g.n;
  const pairOf = new Int32Array(n).fill(-1);
  const pairs: number[][] = [];
  let total = 0;
  for (let v = 0; v < n; v++) {
    const m = mate[v] as number;
    if (m > v) {
      pairOf[v] = pairs.length;
      pairOf[m] = pairs.length;
      pairs.push([v, m]);
    }
  }
  // Sum of matched edge weights, read off the cleaned graph (one edge per pair).
  for (let k = 0; k < g.m; k++) {
    const a = g.end[2 * k] as number;
    if (mate[a] === g.end[2 * k + 1]) total += g.weight[k] as number;
  }
  const offers: { gain: number; who: number; pair: number }[] = [];
  const gain = new Float64Array(pairs.length);
  const touched: number[] = [];
  for (let v = 0; v < n; v++) {
    if (mate[v] !== -1) continue;
    for (let a = g.start[v] as number; a < (g.start[v + 1] as number); a++) {
      const p = g.adj[a] as number;
      const q = pairOf[g.end[p] as number] as number;
      if (q < 0) continue;
      if (gain[q] === 0) touched.push(q);
      gain[q] = (gain[q] as number) + (g.weight[p >> 1] as number);
    }
    for (const q of touched) {
      const [a, b] = pairs[q] as [number, number];
      if (excluded && (excluded(v, a) || excluded(a, v) || excluded(v, b) || excluded(b, v))) {
        gain[q] = 0;
        continue;
      }
      offers.push({ gain: gain[q] as number, who: v, pair: q });
      gain[q] = 0;
    }
    touched.length = 0;
  }
  offers.sort((x, y) => y.gain - x.gain || x.who - y.who || x.pair - y.pair);
  const seated = new Uint8Array(n);
  const trio = new Uint8Array(pairs.length);
  for (const o of offers) {
    if (seated[o.who] === 1 || trio[o.pair] === 1) continue;
    seated[o.who] = 1;
    trio[o.pair] = 1;
    (pairs[o.pair] as number[]).push(o.who);
  }
  const unpaired: number[] = [];
  for (let v = 0; v < n; v++) if (mate[v] === -1 && seated[v] === 0) unpaired.push(v);
  return { groups: pairs, unpaired, total };
}
