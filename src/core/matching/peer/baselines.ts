import { seededRandom, shuffleInPlace } from "../prng.js";
import { type MatchGraph, matchGraph } from "./blossom-graph.js";
import type { PeerEdges } from "./edge-list.js";
import { type PeerExcluded, type PeerRoundPlan, withTrios } from "./pair-round.js";

/** Takes edges in the given order whenever both ends are still single. */
function takeInOrder(g: MatchGraph, order: readonly number[]): Int32Array {
  const mate = new Int32Array(g.n).fill(-1);
  for (const k of order) {
    const a = g.end[2 * k] as number;
    const b = g.end[2 * k + 1] as number;
    if (mate[a] === -1 && mate[b] === -1) {
      mate[a] = b;
      mate[b] = a;
    }
  }
  return mate;
}

/**
 * Baseline: the heaviest edge first (ties by lower ends), then trios as {@link pairPeers} makes
 * them. A greedy matching weighs at least half the optimum.
 */
export function greedyPeers(n: number, edges: PeerEdges, excluded?: PeerExcluded): PeerRoundPlan {
  const g = matchGraph(n, edges);
  const order = Array.from({ length: g.m }, (_, k) => k);
  order.sort(
    (x, y) =>
      (g.weight[y] as number) - (g.weight[x] as number) ||
      (g.end[2 * x] as number) - (g.end[2 * y] as number) ||
      (g.end[2 * x + 1] as number) - (g.end[2 * y + 1] as number),
  );
  return withTrios(g, takeInOrder(g, order), excluded);
}

/** Baseline: allowed edges in a seeded random order (a maximal matching by chance), then trios. */
export function randomPeers(n: number, edges: PeerEdges, seed: number, excluded?: PeerExcluded): PeerRoundPlan {
  const g = matchGraph(n, edges);
  const order = Array.from({ length: g.m }, (_, k) => k);
  shuffleInPlace(order, seededRandom(seed));
  return withTrios(g, takeInOrder(g, order), excluded);
}
