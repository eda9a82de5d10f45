import { noEdges, type EdgeSet } from "./edges.js";
import * as postings from "./postings.js";
import type { MatchProblem } from "./problem.js";
import { PairScanner, volunteerPostings } from "./scan.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const BUCKETS = postings.BUCKETS;
const BASE_UNITS = weights.BASE_UNITS;

export type { EdgeSet } from "./edges.js";

/** Work counters of a scan. */
export interface ScanStats {
  /** Pairs looked at (tags intersected). */
  examined: number;
  /** Pairs whose free masks were intersected exactly. */
  exact: number;
}

/**
 * For each request, up to `k` eligible volunteers with the best on-demand scores. A threshold
 * scan: for the request's j-th rarest tag and each hour-of-week bucket it is free in, the
 * volunteers posted there are visited in decreasing order of an upper bound on their score
 * (base + weight of tags j… + feedback − load + their best availability), and a list is left
 * as soon as its next volunteer cannot enter the top k. Volunteers whose first shared tag is
 * an earlier one were already considered there. Which edges are kept only affects speed:
 * `assignBatch` certifies every pruned pair afterwards.
 */
export function topCandidates(P: MatchProblem, k: number): { edges: EdgeSet; stats: ScanStats } {
  if (k <= 0) return { edges: noEdges(P.nR), stats: { examined: 0, exact: 0 } };
  const key = new Float64Array(P.nV);
  for (let v = 0; v < P.nV; v++) key[v] = (P.fbUnits[v] as number) - (P.load1Units[v] as number) + (P.volAvailMax[v] as number);
  const post = volunteerPostings(P, key);
  const scan = new PairScanner(P);
  const start = new Int32Array(P.nR + 1);
  const cols: number[] = [];
  const profits: number[] = [];
  const topV = new Int32Array(k);
  const topS = new Float64Array(k);
  const topP = new Float64Array(k);
  for (let r = 0; r < P.nR; r++) {
    scan.begin(r);
    let n = 0;
    let worst = -Infinity; // the k-th best score once full
    let worstAt = -1;
    const t0 = P.reqTagStart[r] as number;
    const t1 = P.reqTagStart[r + 1] as number;
    const b0 = P.reqBuckets.start[r] as number;
    const b1 = P.reqBuckets.start[r + 1] as number;
    for (let j = t0; j < t1 && k > 0; j++) {
      const t = P.reqTags[j] as number;
      const reach = BASE_UNITS + (P.reqSuffix[j] as number);
      for (let b = b0; b < b1; b++) {
        const list = t * BUCKETS + (P.reqBuckets.items[b] as number);
        for (let i = post.start[list] as number, end = post.start[list + 1] as number; i < end; i++) {
          const v = post.items[i] as number;
          if (n === k && reach + (key[v] as number) <= worst) break;
          if (!scan.visit(v)) continue;
          const tagSum = scan.shared(v);
          if (scan.first !== j - t0 || scan.excluded(v)) continue;
          const avail = scan.availabilityBound(v);
          const net = (P.fbUnits[v] as number) - (P.load1Units[v] as number);
          if (n === k && BASE_UNITS + tagSum + avail + net <= worst) continue;
          const value = scan.exactValue(v, tagSum);
          if (value < 0) continue;
          const score = value - (P.load1Units[v] as number);
          if (n < k) {
            topV[n] = v;
            topS[n] = score;
            topP[n] = value;
            n++;
          } else if (score > worst) {
            topV[worstAt] = v;
            topS[worstAt] = score;
            topP[worstAt] = value;
          } else continue;
          if (n === k) {
            worstAt = 0;
            for (let q = 1; q < k; q++) if ((topS[q] as number) < (topS[worstAt] as number)) worstAt = q;
            worst = topS[worstAt] as number;
          }
        }
      }
    }
    for (let q = 0; q < n; q++) {
      cols.push(topV[q] as number);
      profits.push(topP[q] as number);
    }
    start[r + 1] = cols.length;
  }
  return {
    edges: { start, col: Int32Array.from(cols), profit: Float64Array.from(profits) },
    stats: { examined: scan.examined, exact: scan.exactChecks },
  };
}
