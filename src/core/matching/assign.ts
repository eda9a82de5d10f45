import { PercolateError } from "../result.js";
import { solveBMatching, type BMatchingSolution } from "./b-matching.js";
import { solveBMatchingBySlots } from "./b-matching-slots.js";
import { topCandidates } from "./candidates.js";
import { mergeEdges, type EdgeSet } from "./edges.js";
import { findViolations } from "./certify.js";
import { extractPairs, type AssignedPair } from "./extract.js";
import { findViolationsByVolunteer } from "./certify-volunteers.js";
import { requestRecords } from "./request-records.js";
import { requestPostings, volunteerCandidates } from "./volunteer-candidates.js";
import { buildProblem, type BatchAsker, type MatchProblem } from "./problem.js";
import type { Candidate } from "./score.js";
import type { TagWeights } from "./weights.js";

export type { BatchAsker } from "./problem.js";

/**
 * Tuning for `assignBatch`; none of it changes the optimum, only how much work reaching and
 * certifying it takes. The scarcer side proposes candidates: when requests outnumber open
 * slots, each volunteer's best requests decide who can win them; otherwise each request's
 * best volunteers do.
 */
export interface AssignOptions {
  /** Best volunteers each request proposes (default 0 when slots are scarce, else 8). */
  candidatesPerRequest?: number;
  /** Best requests each volunteer proposes per remaining slot (default 6 when slots are scarce, else 2)… */
  candidatesPerSlot?: number;
  /** …plus this many (default 6). */
  candidatesPerVolunteer?: number;
}

export type { AssignedPair } from "./extract.js";

/** How the optimum was reached and certified. */
export interface AssignStats {
  /** Solves run: 1 + the number of times violated pruned pairs were added back. */
  rounds: number;
  /** Edges in the first solve, and in the last. */
  initialEdges: number;
  finalEdges: number;
  /** Pruned pairs added back after violating the duals (the worst few per volunteer when volunteers proposed). */
  addedEdges: number;
  /** Pairs looked at by candidate generation and certification, and how many needed an exact free-time intersection. */
  examinedPairs: number;
  exactChecks: number;
  /** The objective in integer units and the dual bound that certifies it (equal). */
  objectiveUnits: number;
  dualUnits: number;
}

/** The result of a batch. */
export interface AssignResult {
  /** Sorted by request id. */
  pairs: AssignedPair[];
  /** Total score: Σ pair values − Σ each volunteer's convex load costs (= Σ pairs' reasons.score, to rounding). */
  objective: number;
  /** Request ids left unmatched, sorted. */
  unmatched: string[];
  stats: AssignStats;
}

/**
 * Assigns a whole open queue at once and exactly: among all assignments where a request gets
 * at most one volunteer and a volunteer at most their remaining capacity
 * (capacityPerMonth − usedThisMonth), returns one of maximum total score, where a pair is worth
 * its `scorePair` value without load, and a volunteer's k-th chat in the round costs
 * `loadUnits(used, capacity, k)` (the first exactly the on-demand load penalty, each next one
 * more: convex, so load spreads when scores are close). Excluded pairs (see `scorePair`) are
 * never made.
 *
 * Exactness: the problem is a min-cost flow (source → request → volunteer → convex slots →
 * sink). It is solved by successive shortest paths with potentials (`solveBMatching`, inserting
 * requests, or `solveBMatchingBySlots`, inserting volunteer slots — whichever side is scarcer)
 * on a pruned candidate set: the scarcer side's best partners (`topCandidates`,
 * `volunteerCandidates`). Every eligible pair left out is then checked against the solution's
 * LP duals (`findViolations`, or `findViolationsByVolunteer`, which certifies most volunteers
 * from their own lists without looking at pruned pairs); violators are added and the solve
 * repeated until none remain. The result's objective equals the dual objective of duals
 * feasible for every eligible pair, which proves it optimal for the unpruned problem
 * (`stats.objectiveUnits === stats.dualUnits`). Deterministic: inputs are sorted by id first
 * and ties are broken by index.
 */
export function assignBatch(
  askers: readonly BatchAsker[],
  candidates: readonly Candidate[],
  w: TagWeights,
  opts: AssignOptions = {},
): AssignResult {
  const P = buildProblem(askers, candidates, w);
  const slotsScarce = P.slotCost.length < P.nR;
  const k = Math.max(0, Math.floor(opts.candidatesPerRequest ?? (slotsScarce ? 0 : 8)));
  const first = topCandidates(P, k);
  const post = requestPostings(P);
  const rec = requestRecords(P);
  const perSlot = Math.max(0, opts.candidatesPerSlot ?? (slotsScarce ? 6 : 2));
  const byVol = volunteerCandidates(P, post, rec, first.edges, perSlot, Math.max(0, opts.candidatesPerVolunteer ?? 6));
  let edges = mergeEdges(first.edges, byVol.extra);
  const initialEdges = edges.col.length;
  let examined = first.stats.examined + byVol.stats.examined;
  let exact = first.stats.exact + byVol.stats.exact;
  let rounds = 0;
  let added = 0;
  let sol: BMatchingSolution;
  for (;;) {
    rounds++;
    const input = {
      rows: P.nR,
      cols: P.nV,
      edgeStart: edges.start,
      edgeCol: edges.col,
      edgeProfit: edges.profit,
      slotStart: P.slotStart,
      slotCost: P.slotCost,
    };
    // Insert the scarcer side: its searches end quickly at the plentiful free nodes opposite.
    sol = slotsScarce ? solveBMatchingBySlots(input) : solveBMatching({ ...input, order: insertionOrder(P, edges) });
    if (sol.objective !== sol.dualObjective) {
      throw new PercolateError(`matching: primal ${sol.objective} ≠ dual ${sol.dualObjective}`);
    }
    const check = slotsScarce ? findViolationsByVolunteer(P, post, rec, byVol.lists, edges, sol) : findViolations(P, edges, sol);
    examined += check.stats.examined;
    exact += check.stats.exact;
    if (check.count === 0) break;
    added += check.violations.length;
    edges = mergeEdges(edges, check.violations);
  }
  return {
    ...extractPairs(P, edges, sol),
    stats: {
      rounds,
      initialEdges,
      finalEdges: edges.col.length,
      addedEdges: added,
      examinedPairs: examined,
      exactChecks: exact,
      objectiveUnits: sol.objective,
      dualUnits: sol.dualObjective,
    },
  };
}

/** Rows with the best available edge first: strong requests claim first, weak ones rarely reroute. */
function insertionOrder(P: MatchProblem, edges: EdgeSet): Int32Array {
  const best = new Float64Array(P.nR).fill(-Infinity);
  for (let r = 0; r < P.nR; r++) {
    for (let e = edges.start[r] as number; e < (edges.start[r + 1] as number); e++) {
      const s = (edges.profit[e] as number) - (P.load1Units[edges.col[e] as number] as number);
      if (s > (best[r] as number)) best[r] = s;
    }
  }
  const order = Array.from({ length: P.nR }, (_, i) => i);
  order.sort((a, b) => (best[b] as number) - (best[a] as number) || a - b);
  return Int32Array.from(order);
}
