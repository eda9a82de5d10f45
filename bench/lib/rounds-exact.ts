/**
 * Exactness and quality of the peer pairing on one seeded community: the graph from
 * `peerEdges`, our `maxWeightMatching` against HiGHS on that graph, and `pairPeers` (with
 * trios) against greedy and random pairings of the same graph — which already leaves out the
 * excluded pairs, so random pairing has repeat avoidance too.
 */
import { greedyPeers, maxWeightMatching, pairPeers, peerEdges, randomPeers, type PeerEdges } from "../../src/core/matching/peer/index.js";
import type { MaskCache } from "./synth.js";
import { PEER_OPTS, pairKey, peerCommunity, peerMembers } from "./rounds-community.js";
import { highsMatching } from "./rounds-highs.js";

/** Figures for one (size, seed). */
export interface ExactFigures {
  members: number;
  seed: number;
  edges: number;
  /** Every edge weight is an integer (in a float array or not), so sums and the gap are exact. */
  integerWeights: boolean;
  excludedPairs: number;
  ours: number;
  highs: number;
  highsStatus: string;
  /** |ours − HiGHS| in the edges' units; must be 0. */
  gap: number;
  /** Our mate array is a matching over edges of the graph, and HiGHS's choice is one too. */
  valid: boolean;
  pairs: number;
  oursMs: number;
  highsMs: number;
  pairedTotal: number;
  greedyTotal: number;
  randomTotal: number;
  vsGreedy: number;
  vsRandom: number;
  trios: number;
  unpaired: number;
}

/**
 * The weight of the matching `mate` on `edges`, or null when `mate` is not a matching on them
 * (asymmetric, or a matched pair with no edge). Summed here, not taken from the matcher.
 */
export function matchingTotal(n: number, edges: PeerEdges, mate: Int32Array): { total: number; pairs: number } | null {
  const w = new Map<number, number>();
  for (let e = 0; e < edges.count; e++) {
    const k = pairKey(edges.u[e] as number, edges.v[e] as number);
    w.set(k, Math.max(w.get(k) ?? Number.NEGATIVE_INFINITY, edges.w[e] as number));
  }
  if (mate.length !== n) return null;
  let total = 0;
  let pairs = 0;
  for (let a = 0; a < n; a++) {
    const b = mate[a] as number;
    if (b === -1) continue;
    if (b < 0 || b >= n || b === a || mate[b] !== a) return null;
    if (a > b) continue;
    const x = w.get(pairKey(a, b));
    if (x === undefined) return null;
    total += x;
    pairs++;
  }
  return { total, pairs };
}

/** True when every edge's weight is an integer: then the totals are exact sums below 2^53. */
function integerWeights(edges: PeerEdges): boolean {
  for (let e = 0; e < edges.count; e++) if (!Number.isInteger(edges.w[e])) return false;
  return true;
}

/** One community of `members` drawn with `seed`, solved every way. */
export async function exactCase(members: number, seed: number, cache: MaskCache): Promise<ExactFigures> {
  const c = peerCommunity(members, seed, cache);
  const excluded = (a: number, b: number): boolean => c.excluded.has(pairKey(a, b));
  const edges = peerEdges(peerMembers(c.people), { weights: c.weights, excluded, ...PEER_OPTS });
  const t = performance.now();
  const mate = maxWeightMatching(members, edges);
  const oursMs = performance.now() - t;
  const mine = matchingTotal(members, edges, mate);
  const h = await highsMatching(members, edges);
  const paired = pairPeers(members, edges, excluded);
  const greedy = greedyPeers(members, edges, excluded);
  const random = randomPeers(members, edges, seed, excluded);
  const ours = mine?.total ?? Number.NaN;
  return {
    members,
    seed,
    edges: edges.count,
    integerWeights: integerWeights(edges),
    excludedPairs: c.excluded.size,
    ours,
    highs: h.total,
    highsStatus: h.status,
    gap: h.status === "Optimal" ? Math.abs(ours - h.total) : Number.POSITIVE_INFINITY,
    valid: mine !== null && h.valid,
    pairs: mine?.pairs ?? 0,
    oursMs,
    highsMs: h.ms,
    pairedTotal: paired.total,
    greedyTotal: greedy.total,
    randomTotal: random.total,
    vsGreedy: paired.total / greedy.total,
    vsRandom: paired.total / random.total,
    trios: paired.groups.filter((g) => g.length === 3).length,
    unpaired: paired.unpaired.length,
  };
}
