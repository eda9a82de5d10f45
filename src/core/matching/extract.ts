import type { MatchReasons } from "../domain/chat.js";
import { PercolateError } from "../result.js";
import type { BMatchingSolution } from "./b-matching.js";
import { pop32 } from "./coarse.js";
import type { EdgeSet } from "./edges.js";
import type { MatchProblem } from "./problem.js";
import { loadShare, SCALE } from "./weights.js";

/** One matched pair of a batch. */
export interface AssignedPair {
  requestId: string;
  volunteerId: string;
  /** The pair's reasons; `load` and `score` include the load of this chat's position in the volunteer's round. */
  reasons: MatchReasons;
}

/**
 * The pairs of a solved batch with their reasons, read from the index form: the shared tags
 * rarest first (ties by name, as `sharedTags` orders them), the shared free hours, and the load
 * and score of the chat's position in the volunteer's round (a volunteer's chats by decreasing
 * value, ties by request). Throws PercolateError if the solver paired an ineligible pair or the
 * scores do not add up to its objective: both would be bugs.
 */
export function extractPairs(
  P: MatchProblem,
  edges: EdgeSet,
  sol: BMatchingSolution,
): { pairs: AssignedPair[]; objective: number; unmatched: string[] } {
  // matched rows grouped by volunteer (counting sort), each group by decreasing value
  const start = new Int32Array(P.nV + 1);
  for (let r = 0; r < P.nR; r++) {
    const v = sol.rowCol[r] as number;
    if (v >= 0) start[v + 1] = (start[v + 1] as number) + 1;
  }
  for (let v = 0; v < P.nV; v++) start[v + 1] = (start[v + 1] as number) + (start[v] as number);
  const rows = new Int32Array(start[P.nV] as number);
  const fill = start.slice(0, P.nV);
  for (let r = 0; r < P.nR; r++) {
    const v = sol.rowCol[r] as number;
    if (v < 0) continue;
    rows[fill[v] as number] = r;
    fill[v] = (fill[v] as number) + 1;
  }
  const profit = (r: number): number => edges.profit[sol.rowEdge[r] as number] as number;
  const byRow: (AssignedPair | undefined)[] = new Array(P.nR);
  let objectiveUnits = 0;
  for (let v = 0; v < P.nV; v++) {
    const s0 = start[v] as number;
    const s1 = start[v + 1] as number;
    for (let i = s0 + 1; i < s1; i++) {
      const r = rows[i] as number;
      let k = i;
      while (
        k > s0 &&
        (profit(rows[k - 1] as number) < profit(r) || (profit(rows[k - 1] as number) === profit(r) && (rows[k - 1] as number) > r))
      ) {
        rows[k] = rows[k - 1] as number;
        k--;
      }
      rows[k] = r;
    }
    const c = P.candidates[v];
    if (!c) throw new PercolateError("matching: a pair names no volunteer");
    for (let i = s0; i < s1; i++) {
      const r = rows[i] as number;
      const units = profit(r) - (P.slotCost[(P.slotStart[v] as number) + i - s0] as number);
      objectiveUnits += units;
      byRow[r] = {
        requestId: P.askers[r]?.requestId ?? "",
        volunteerId: c.volunteerId,
        reasons: {
          sharedTags: sharedTagNames(P, r, v),
          sharedFreeHours: sharedHours(P, r, v),
          load: loadShare(c.usedThisMonth + i - s0, c.capacityPerMonth),
          score: units / SCALE,
        },
      };
    }
  }
  const pairs: AssignedPair[] = [];
  const unmatched: string[] = [];
  for (let r = 0; r < P.nR; r++) {
    const p = byRow[r];
    if (p) pairs.push(p);
    else unmatched.push(P.askers[r]?.requestId ?? "");
  }
  if (objectiveUnits !== sol.objective) throw new PercolateError("matching: pair scores do not add up to the objective");
  return { pairs, objective: objectiveUnits / SCALE, unmatched };
}

/** Names of the tags r and v share, in r's rarest-first order; throws if the pair is not eligible. */
function sharedTagNames(P: MatchProblem, r: number, v: number): string[] {
  const why = (reason: string): PercolateError =>
    new PercolateError(`matching paired an ineligible pair (${P.askers[r]?.requestId}, ${P.candidates[v]?.volunteerId}): ${reason}`);
  for (let i = P.reqExclStart[r] as number; i < (P.reqExclStart[r + 1] as number); i++) if (P.reqExcl[i] === v) throw why("excluded");
  if ((P.rem[v] as number) <= 0) throw why("at_capacity");
  const out: string[] = [];
  for (let i = P.reqTagStart[r] as number; i < (P.reqTagStart[r + 1] as number); i++) {
    const t = P.reqTags[i] as number;
    for (let k = P.volTagStart[v] as number; k < (P.volTagStart[v + 1] as number); k++) {
      if (P.volTags[k] === t) {
        out.push(P.tagNames[t] as string);
        break;
      }
    }
  }
  if (out.length === 0) throw why("no_shared_tags");
  return out;
}

/** Hours both are free (as `sharedFreeHours` counts them); throws when there are none. */
function sharedHours(P: MatchProblem, r: number, v: number): number {
  let n = 0;
  for (let k = 0; k < P.words; k++) n += pop32((P.reqBits[r * P.words + k] as number) & (P.volBits[v * P.words + k] as number));
  if (n === 0)
    throw new PercolateError(
      `matching paired an ineligible pair (${P.askers[r]?.requestId}, ${P.candidates[v]?.volunteerId}): no_shared_time`,
    );
  return n * P.cellHours;
}
