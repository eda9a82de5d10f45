import type { BMatchingSolution } from "./b-matching.js";
import type { ScanStats } from "./candidates.js";
import { EdgeList, type EdgeSet } from "./edges.js";
import * as coarse from "./coarse.js";
import * as postings from "./postings.js";
import type { MatchProblem } from "./problem.js";
import { newProbe, probe } from "./request-records.js";
import { rarestFirst, type RequestPostings, type VolunteerLists } from "./volunteer-candidates.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const BUCKETS = postings.BUCKETS;
const BASE_UNITS = weights.BASE_UNITS;
const availabilityUnits = weights.availabilityUnits;
const sharedCellsCapped = coarse.sharedCellsCapped;
const COARSE_WORDS = coarse.COARSE_WORDS;
/** Violating pairs kept per volunteer at most (lists hold fewer). */
const MAX_KEPT = 64;

/**
 * The same certificate as `findViolations`, organised by volunteer, for batches whose
 * candidates came from the volunteers' own lists (`volunteerCandidates`).
 *
 * A volunteer v whose list still has an unmatched request r* is certified without looking at
 * any pruned pair: dual feasibility on the listed edge gives price(v) ≥ value(r*, v) ≥
 * cutoff(v), and every pruned request has value ≤ cutoff(v) and a dual ≥ 0, so none can
 * violate. So can a volunteer whose list holds every eligible request. Only "exhausted"
 * volunteers — every listed request matched somewhere — are scanned, by a threshold scan over
 * the requests sharing a tag and an hour-of-week bucket (bound: base + weight of tags j… +
 * feedback + the request's best availability, against the price). A volunteer's scan keeps its
 * K most violating pairs (K = its list size) and stops once no later request could beat the
 * K-th: a starved volunteer with room would otherwise walk every request of its popular tags.
 * `violations` holds those pairs; `count` is how many violating pairs were found, 0 only when
 * none exists.
 */
export function findViolationsByVolunteer(
  P: MatchProblem,
  post: RequestPostings,
  rec: Int32Array,
  lists: VolunteerLists,
  edges: EdgeSet,
  sol: BMatchingSolution,
): { violations: EdgeList; count: number; exhausted: number; stats: ScanStats } {
  const nT = P.tagNames.length;
  const rank = new Int32Array(nT).fill(-1);
  const pr = newProbe();
  const seen = new Int32Array(P.nR).fill(-1);
  const words = P.words;
  const violations = new EdgeList();
  let count = 0;
  let exhausted = 0;
  let examined = 0;
  let exact = 0;
  const topR = new Int32Array(MAX_KEPT);
  const topValue = new Float64Array(MAX_KEPT);
  const topGain = new Float64Array(MAX_KEPT);
  // requests already joined to each volunteer by an edge
  const adjStart = new Int32Array(P.nV + 1);
  for (let e = 0; e < edges.col.length; e++)
    adjStart[(edges.col[e] as number) + 1] = (adjStart[(edges.col[e] as number) + 1] as number) + 1;
  for (let v = 0; v < P.nV; v++) adjStart[v + 1] = (adjStart[v + 1] as number) + (adjStart[v] as number);
  const adj = new Int32Array(edges.col.length);
  const fill = adjStart.slice(0, P.nV);
  for (let r = 0; r < P.nR; r++) {
    for (let e = edges.start[r] as number; e < (edges.start[r + 1] as number); e++) {
      const v = edges.col[e] as number;
      adj[fill[v] as number] = r;
      fill[v] = (fill[v] as number) + 1;
    }
  }
  for (let v = 0; v < P.nV; v++) {
    if ((P.rem[v] as number) <= 0 || lists.cutoff[v] === -Infinity) continue;
    let open = false;
    for (let i = lists.start[v] as number; i < (lists.start[v + 1] as number) && !open; i++)
      open = sol.rowCol[lists.rows[i] as number] === -1;
    if (open) continue;
    exhausted++;
    for (let i = adjStart[v] as number; i < (adjStart[v + 1] as number); i++) seen[adj[i] as number] = v;
    const pv = sol.colPrice[v] as number;
    const fb = P.fbUnits[v] as number;
    const vo = v * COARSE_WORDS;
    const volAvail = P.volAvailMax[v] as number;
    const { tags, suffix } = rarestFirst(P, v);
    tags.forEach((t, j) => {
      rank[t] = j;
    });
    // keep the K most violating pairs; `floor` = the K-th gain once K are kept (a gain must beat it)
    const K = Math.min(MAX_KEPT, Math.max(1, (lists.start[v + 1] as number) - (lists.start[v] as number)));
    let kept = 0;
    let floor = 0;
    let worstAt = -1;
    for (let j = 0; j < tags.length; j++) {
      const reach = BASE_UNITS + (suffix[j] as number) + fb;
      const tb = (tags[j] as number) * BUCKETS;
      for (let b = P.volBuckets.start[v] as number; b < (P.volBuckets.start[v + 1] as number); b++) {
        const list = tb + (P.volBuckets.items[b] as number);
        let runAt = post.start[list] as number;
        let availMaxR = 0;
        for (let i = post.start[list] as number, end = post.start[list + 1] as number; i < end; i++) {
          // runs of ties share a bound: read it once per run, not from each request's record
          if (i === runAt) {
            runAt = post.runEnd[i] as number;
            availMaxR = P.reqAvailMax[post.items[i] as number] as number;
          }
          // every later request too: its gain is at most this bound (row duals are ≥ 0)
          if (reach + availMaxR - pv <= floor) break;
          const r = post.items[i] as number;
          if (seen[r] === v) continue;
          seen[r] = v;
          examined++;
          probe(P, rec, r, v, vo, rank, pr);
          if (pr.first !== j || pr.excluded) continue;
          const tagSum = pr.tagSum;
          const buckets = pr.buckets;
          const ur = sol.rowDual[r] as number;
          const ub = BASE_UNITS + tagSum + fb + Math.min(availMaxR, volAvail, availabilityUnits(buckets * P.bucketHours));
          if (ub - ur - pv <= floor) continue;
          exact++;
          const cells = sharedCellsCapped(P.reqBits, r * words, P.volBits, v * words, words, P.cellCap);
          if (cells === 0) continue;
          const value = BASE_UNITS + tagSum + availabilityUnits(cells * P.cellHours) + fb;
          const gain = value - ur - pv;
          if (gain <= floor) continue;
          count++;
          if (kept < K) {
            worstAt = kept++;
          } else if (gain <= (topGain[worstAt] as number)) continue;
          topR[worstAt] = r;
          topValue[worstAt] = value;
          topGain[worstAt] = gain;
          if (kept === K) {
            worstAt = 0;
            for (let q = 1; q < K; q++) if ((topGain[q] as number) < (topGain[worstAt] as number)) worstAt = q;
            floor = topGain[worstAt] as number;
          }
        }
      }
    }
    tags.forEach((t) => {
      rank[t] = -1;
    });
    // Add the most violating pairs, as many as the volunteer's own list holds: a volunteer with
    // room for a few chats needs only its best few; the next round re-checks everything.
    for (let q = 0; q < kept; q++) violations.push(topR[q] as number, v, topValue[q] as number);
  }
  return { violations, count, exhausted, stats: { examined, exact } };
}
