import type { BMatchingSolution } from "./b-matching.js";
import type { ScanStats } from "./candidates.js";
import { EdgeList, type EdgeSet } from "./edges.js";
import * as coarse from "./coarse.js";
import * as postings from "./postings.js";
import type { MatchProblem } from "./problem.js";
import { newProbe, probe, RECORD } from "./request-records.js";
import { rarestFirst, type VolunteerLists } from "./volunteer-candidates.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const BUCKETS = postings.BUCKETS;
const BASE_UNITS = weights.BASE_UNITS;
const availabilityUnits = weights.availabilityUnits;
const sharedCellsCapped = coarse.sharedCellsCapped;
const COARSE_WORDS = coarse.COARSE_WORDS;

/**
 * The same certificate as `findViolations`, organised by volunteer, for batches whose
 * candidates came from the volunteers' own lists (`volunteerCandidates`).
 *
 * A volunteer v whose list still has an unmatched request r* is certified without looking at
 * any pruned pair: dual feasibility on the listed edge gives price(v) ≥ value(r*, v) ≥
 * cutoff(v), and every pruned request has value ≤ cutoff(v) and a dual ≥ 0, so none can
 * violate. So can a volunteer whose list holds every eligible request. `count` is the number of
 * violating pairs; `violations` holds the worst of them per volunteer (up to its list size). Only "exhausted"
 * volunteers — every listed request matched somewhere — are scanned in full, by a threshold
 * scan over the requests sharing a tag and an hour-of-week bucket (bound: base + weight of
 * tags j… + feedback + the request's best availability, against the price).
 */
export function findViolationsByVolunteer(
  P: MatchProblem,
  post: postings.Postings,
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
  const found: { r: number; value: number; gain: number }[] = [];
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
    for (let j = 0; j < tags.length; j++) {
      const reach = BASE_UNITS + (suffix[j] as number) + fb;
      const tb = (tags[j] as number) * BUCKETS;
      for (let b = P.volBuckets.start[v] as number; b < (P.volBuckets.start[v + 1] as number); b++) {
        const list = tb + (P.volBuckets.items[b] as number);
        for (let i = post.start[list] as number, end = post.start[list + 1] as number; i < end; i++) {
          const r = post.items[i] as number;
          const o = r * RECORD;
          const availMaxR = rec[o + 15] as number;
          if (reach + availMaxR <= pv) break; // every later request too: dual ≥ 0
          if (seen[r] === v) continue;
          seen[r] = v;
          examined++;
          probe(P, rec, r, v, vo, rank, pr);
          if (pr.first !== j || pr.excluded) continue;
          const tagSum = pr.tagSum;
          const buckets = pr.buckets;
          const ur = sol.rowDual[r] as number;
          const ub = BASE_UNITS + tagSum + fb + Math.min(availMaxR, volAvail, availabilityUnits(buckets * P.bucketHours));
          if (ub - ur <= pv) continue;
          exact++;
          const cells = sharedCellsCapped(P.reqBits, r * words, P.volBits, v * words, words, P.cellCap);
          if (cells === 0) continue;
          const value = BASE_UNITS + tagSum + availabilityUnits(cells * P.cellHours) + fb;
          if (value - ur <= pv) continue;
          found.push({ r, value, gain: value - ur });
        }
      }
    }
    tags.forEach((t) => {
      rank[t] = -1;
    });
    // Add the most violating pairs, as many as the volunteer's own list holds: a volunteer with
    // room for a few chats needs only its best few; the next round re-checks everything.
    count += found.length;
    found.sort((a, b) => b.gain - a.gain || a.r - b.r);
    for (const f of found.slice(0, Math.max(1, (lists.start[v + 1] as number) - (lists.start[v] as number)))) {
      violations.push(f.r, v, f.value);
    }
    found.length = 0;
  }
  return { violations, count, exhausted, stats: { examined, exact } };
}
