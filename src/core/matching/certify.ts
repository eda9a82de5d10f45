import type { BMatchingSolution } from "./b-matching.js";
import type { ScanStats } from "./candidates.js";
import { EdgeList, type EdgeSet } from "./edges.js";
import * as postings from "./postings.js";
import type { MatchProblem } from "./problem.js";
import { PairScanner, volunteerPostings } from "./scan.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const BUCKETS = postings.BUCKETS;
const BASE_UNITS = weights.BASE_UNITS;
const MAX_ADDED_PER_REQUEST = 8;

/**
 * Checks every eligible pair left out of `edges` against the duals of `sol`: `count` pairs
 * violate dual feasibility (value > rowDual[r] + colPrice[v]); `violations` holds the worst few
 * of each request. When none do, the duals are
 * feasible for the full problem, and since the solution's objective equals their dual
 * objective, it is optimal for the full problem (weak LP duality) — the certificate.
 *
 * Every eligible pair shares a tag and an hour-of-week bucket, so it sits in some posting list
 * of the request's (tag, bucket)s. Lists are ordered by feedback − price + best availability,
 * and for the request's j-th rarest tag a pair can be worth at most base + weight of tags j… +
 * that, so each list is left at the first volunteer who cannot violate; volunteers whose first
 * shared tag comes earlier were judged under that tag, with a larger bound.
 */
export function findViolations(
  P: MatchProblem,
  edges: EdgeSet,
  sol: BMatchingSolution,
): { violations: EdgeList; count: number; stats: ScanStats } {
  const key = new Float64Array(P.nV);
  for (let v = 0; v < P.nV; v++) key[v] = (P.fbUnits[v] as number) - (sol.colPrice[v] as number) + (P.volAvailMax[v] as number);
  const post = volunteerPostings(P, key);
  const scan = new PairScanner(P);
  const violations = new EdgeList();
  let count = 0;
  const found: { v: number; value: number; gain: number }[] = [];
  for (let r = 0; r < P.nR; r++) {
    const t0 = P.reqTagStart[r] as number;
    const t1 = P.reqTagStart[r + 1] as number;
    if (t0 === t1) continue;
    scan.begin(r);
    for (let e = edges.start[r] as number; e < (edges.start[r + 1] as number); e++) scan.visit(edges.col[e] as number);
    const ur = sol.rowDual[r] as number;
    const b0 = P.reqBuckets.start[r] as number;
    const b1 = P.reqBuckets.start[r + 1] as number;
    for (let j = t0; j < t1; j++) {
      const t = P.reqTags[j] as number;
      const reach = BASE_UNITS + (P.reqSuffix[j] as number);
      for (let b = b0; b < b1; b++) {
        const list = t * BUCKETS + (P.reqBuckets.items[b] as number);
        for (let i = post.start[list] as number, end = post.start[list + 1] as number; i < end; i++) {
          const v = post.items[i] as number;
          if (reach + (key[v] as number) <= ur) break;
          if (!scan.visit(v)) continue;
          const tagSum = scan.shared(v);
          if (scan.first !== j - t0 || scan.excluded(v)) continue;
          const pv = sol.colPrice[v] as number;
          if (BASE_UNITS + tagSum + scan.availabilityBound(v) + (P.fbUnits[v] as number) - pv <= ur) continue;
          const value = scan.exactValue(v, tagSum);
          if (value < 0 || value - pv <= ur) continue;
          found.push({ v, value, gain: value - pv });
        }
      }
    }
    // Add the request's most violating pairs only: the next round re-checks everything.
    count += found.length;
    found.sort((a, b) => b.gain - a.gain || a.v - b.v);
    for (const f of found.slice(0, MAX_ADDED_PER_REQUEST)) violations.push(r, f.v, f.value);
    found.length = 0;
  }
  return { violations, count, stats: { examined: scan.examined, exact: scan.exactChecks } };
}
