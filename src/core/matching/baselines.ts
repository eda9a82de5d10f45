import type { AssignedPair } from "./assign.js";
import { topCandidates } from "./candidates.js";
import { MinHeap } from "./heap.js";
import { buildProblem, type BatchAsker, type MatchProblem } from "./problem.js";
import { seededRandom, shuffleInPlace } from "./prng.js";
import { scorePair, type Candidate } from "./score.js";
import { loadShare, SCALE, type TagWeights } from "./weights.js";

/** A baseline's assignment, scored with the same objective as `assignBatch`. */
export interface BaselineResult {
  pairs: AssignedPair[];
  objective: number;
  unmatched: string[];
}

/**
 * Greedy, best pair first: repeatedly makes the eligible pair with the highest marginal score
 * (pair value − the load cost of the volunteer's next chat) among free requests and volunteers
 * with room. A baseline for benchmarks and comparisons — NOT optimal; `assignBatch` is.
 * Enumerates every eligible pair, so keep it to benchmark-sized inputs.
 */
export function assignGreedy(askers: readonly BatchAsker[], candidates: readonly Candidate[], w: TagWeights): BaselineResult {
  const P = buildProblem(askers, candidates, w);
  const { edges } = topCandidates(P, Math.max(1, P.nV));
  const count = new Int32Array(P.nV);
  const taken = new Uint8Array(P.nR);
  const heap = new MinHeap(edges.col.length + 1);
  const keyOf = (e: number, v: number): number => (edges.profit[e] as number) - slot(P, v, count[v] as number);
  const rowOf = new Int32Array(edges.col.length);
  for (let r = 0; r < P.nR; r++) {
    for (let e = edges.start[r] as number; e < (edges.start[r + 1] as number); e++) {
      rowOf[e] = r;
      heap.push(-keyOf(e, edges.col[e] as number), e);
    }
  }
  const chosen: [number, number, number][] = [];
  while (heap.size > 0) {
    const negKey = heap.peekKey();
    const e = heap.pop();
    const r = rowOf[e] as number;
    const v = edges.col[e] as number;
    if (taken[r] === 1 || (count[v] as number) >= (P.rem[v] as number)) continue;
    const key = keyOf(e, v);
    if (key !== -negKey) {
      heap.push(-key, e); // the volunteer got busier since this entry was queued
      continue;
    }
    if (key <= 0) continue;
    taken[r] = 1;
    chosen.push([r, v, edges.profit[e] as number]);
    count[v] = (count[v] as number) + 1;
  }
  return finishBaseline(P, chosen, w);
}

/**
 * Random assignment with repeat avoidance: requests in a seeded random order, each given a
 * uniformly random eligible volunteer with room (eligibility is `scorePair`'s, so excluded and
 * recently met pairs are never made). A baseline, NOT optimal.
 */
export function assignRandom(askers: readonly BatchAsker[], candidates: readonly Candidate[], w: TagWeights, seed: number): BaselineResult {
  const P = buildProblem(askers, candidates, w);
  const { edges } = topCandidates(P, Math.max(1, P.nV));
  const rand = seededRandom(seed);
  const order = shuffleInPlace(
    Array.from({ length: P.nR }, (_, i) => i),
    rand,
  );
  const count = new Int32Array(P.nV);
  const chosen: [number, number, number][] = [];
  for (const r of order) {
    const open: number[] = [];
    for (let e = edges.start[r] as number; e < (edges.start[r + 1] as number); e++) {
      const v = edges.col[e] as number;
      if ((count[v] as number) < (P.rem[v] as number)) open.push(e);
    }
    if (open.length === 0) continue;
    const e = open[Math.floor(rand() * open.length)] as number;
    const v = edges.col[e] as number;
    chosen.push([r, v, edges.profit[e] as number]);
    count[v] = (count[v] as number) + 1;
  }
  return finishBaseline(P, chosen, w);
}

function slot(P: MatchProblem, v: number, used: number): number {
  return P.slotCost[(P.slotStart[v] as number) + used] as number;
}

function finishBaseline(P: MatchProblem, chosen: readonly [number, number, number][], w: TagWeights): BaselineResult {
  const count = new Int32Array(P.nV);
  const matched = new Uint8Array(P.nR);
  const pairs: AssignedPair[] = [];
  let units = 0;
  for (const [r, v, profit] of chosen) {
    const k = count[v] as number;
    const a = P.askers[r] as BatchAsker;
    const c = P.candidates[v] as Candidate;
    const s = scorePair(a, c, w);
    if (!s.ok) continue;
    const u = profit - slot(P, v, k);
    units += u;
    count[v] = k + 1;
    matched[r] = 1;
    pairs.push({
      requestId: a.requestId,
      volunteerId: c.volunteerId,
      reasons: { ...s.reasons, load: loadShare(c.usedThisMonth + k, c.capacityPerMonth), score: u / SCALE },
    });
  }
  pairs.sort((x, y) => (x.requestId < y.requestId ? -1 : x.requestId > y.requestId ? 1 : 0));
  const unmatched = P.askers.filter((_, r) => matched[r] !== 1).map((a) => a.requestId);
  return { pairs, objective: units / SCALE, unmatched };
}
