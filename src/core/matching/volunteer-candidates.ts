import type { ScanStats } from "./candidates.js";
import { EdgeList, type EdgeSet } from "./edges.js";
import * as coarse from "./coarse.js";
import { buildPostings, BUCKETS as BUCKETS_IMPORT, orderByKey, tieRuns, type Postings } from "./postings.js";
import type { MatchProblem } from "./problem.js";
import { newProbe, probe } from "./request-records.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const sharedCellsCapped = coarse.sharedCellsCapped;
const COARSE_WORDS = coarse.COARSE_WORDS;
const availabilityUnits = weights.availabilityUnits;
const BASE_UNITS = weights.BASE_UNITS;
const BUCKETS = BUCKETS_IMPORT;

/**
 * The volunteer side of candidate generation: each volunteer with room proposes up to
 * `perSlot × remaining + extra` eligible requests of highest pair value, by the same threshold
 * scan as `topCandidates` with the roles swapped (requests posted by tag and hour-of-week
 * bucket, best availability first). Without it a volunteer who is nobody's top choice has no
 * edges, the first solve leaves their room unused, and certification has to add them back.
 * Returns only edges not already in `base`.
 */
export function volunteerCandidates(
  P: MatchProblem,
  post: RequestPostings,
  rec: Int32Array,
  base: EdgeSet,
  perSlot: number,
  extra: number,
): { extra: EdgeList; lists: VolunteerLists; stats: ScanStats } {
  const nT = P.tagNames.length;
  const rank = new Int32Array(nT).fill(-1);
  const pr = newProbe();
  const seen = new Int32Array(P.nR).fill(-1);
  const out = new EdgeList();
  const listStart = new Int32Array(P.nV + 1);
  const listRows: number[] = [];
  const cutoff = new Float64Array(P.nV).fill(-Infinity);
  let examined = 0;
  let exact = 0;
  const cap = 64;
  const words = P.words;
  const topR = new Int32Array(cap);
  const topS = new Float64Array(cap);
  const bloom = post.tagFilter;
  const baseEdges = base.col.length > 0;
  for (let v = 0; v < P.nV; v++) {
    const rem = P.rem[v] as number;
    const want = rem > 0 ? Math.min(cap, Math.max(0, perSlot) * rem + extra) : 0;
    if (want <= 0) {
      if (rem > 0) cutoff[v] = Infinity; // not scanned: no guarantee about anyone left off
      listStart[v + 1] = listRows.length;
      continue;
    }
    const { tags, suffix } = rarestFirst(P, v);
    tags.forEach((t, j) => {
      rank[t] = j;
    });
    const fb = P.fbUnits[v] as number;
    const vo = v * COARSE_WORDS;
    const volAvail = P.volAvailMax[v] as number;
    let n = 0;
    let worst = -Infinity;
    let worstAt = -1;
    for (let j = 0; j < tags.length; j++) {
      const reach = BASE_UNITS + (suffix[j] as number) + fb;
      // the most a request sharing only tag j (of tags j…) can be worth, less its availability
      const single = BASE_UNITS + (P.tagUnits[tags[j] as number] as number) + fb;
      let laterLo = 0;
      let laterHi = 0;
      for (let q = j + 1; q < tags.length; q++) {
        const t = tags[q] as number;
        if ((t & 63) < 32) laterLo |= 1 << (t & 31);
        else laterHi |= 1 << (t & 31);
      }
      const tb = (tags[j] as number) * BUCKETS;
      for (let b = P.volBuckets.start[v] as number; b < (P.volBuckets.start[v + 1] as number); b++) {
        const list = tb + (P.volBuckets.items[b] as number);
        // Requests of equal best availability are a run of ties; each volunteer enters a run at
        // its own point, so volunteers with the same tags do not all propose the same requests.
        listScan: for (let i = post.start[list] as number, end = post.start[list + 1] as number; i < end; ) {
          const runEnd = post.runEnd[i] as number;
          const len = runEnd - i;
          const rot = len > 1 ? (Math.imul(v + 1, 0x9e3779b1) ^ Math.imul(list + 1, 0x85ebca6b)) >>> 0 : 0;
          const entry = i + (len > 1 ? rot % len : 0);
          const availMaxR = P.reqAvailMax[post.items[i] as number] as number; // the run's
          i = runEnd;
          for (let q = 0; q < len; q++) {
            if (n === want && reach + availMaxR <= worst) break listScan;
            const at = entry + q < runEnd ? entry + q : entry + q - len;
            const r = post.items[at] as number;
            // a request seen under another bucket is skipped before its record is touched
            if (seen[r] === v) continue;
            seen[r] = v;
            // …and so is one that cannot share a later tag (its tag filter says so) once requests
            // sharing tag j alone cannot enter: the rest of the list is mostly those
            if (
              n === want &&
              single + availMaxR <= worst &&
              ((bloom[2 * r] as number) & laterLo) === 0 &&
              ((bloom[2 * r + 1] as number) & laterHi) === 0
            )
              continue;
            examined++;
            probe(P, rec, r, v, vo, rank, pr);
            if (pr.first !== j || pr.excluded) continue;
            const tagSum = pr.tagSum;
            const buckets = pr.buckets;
            const ub = BASE_UNITS + tagSum + fb + Math.min(availMaxR, volAvail, availabilityUnits(buckets * P.bucketHours));
            if (n === want && ub <= worst) continue;
            exact++;
            const cells = sharedCellsCapped(P.reqBits, r * words, P.volBits, v * words, words, P.cellCap);
            if (cells === 0) continue;
            const value = BASE_UNITS + tagSum + availabilityUnits(cells * P.cellHours) + fb;
            if (n < want) {
              topR[n] = r;
              topS[n] = value;
              n++;
            } else if (value > worst) {
              topR[worstAt] = r;
              topS[worstAt] = value;
            } else continue;
            if (n === want) {
              worstAt = 0;
              for (let x = 1; x < want; x++) if ((topS[x] as number) < (topS[worstAt] as number)) worstAt = x;
              worst = topS[worstAt] as number;
            }
          }
        }
      }
    }
    tags.forEach((t) => {
      rank[t] = -1;
    });
    if (n === want) cutoff[v] = worst;
    for (let q = 0; q < n; q++) {
      const r = topR[q] as number;
      listRows.push(r);
      if (baseEdges && hasEdge(base, r, v)) continue;
      out.push(r, v, topS[q] as number);
    }
    listStart[v + 1] = listRows.length;
  }
  return { extra: out, lists: { start: listStart, rows: Int32Array.from(listRows), cutoff }, stats: { examined, exact } };
}

/** Requests posted by (tag, bucket), most possible availability first, with their runs of ties. */
export interface RequestPostings extends Postings {
  runEnd: Int32Array;
  /**
   * Per request, two words with bit (t mod 64) set for each of its tags t: a filter that proves
   * "shares none of these tags" without touching the request's record.
   */
  tagFilter: Int32Array;
}

/** Requests posted by (tag, bucket), most possible availability first. */
export function requestPostings(P: MatchProblem): RequestPostings {
  const post = buildPostings(
    P.tagNames.length,
    orderByKey(P.reqAvailMax, () => true),
    { start: P.reqTagStart, items: P.reqTags },
    P.reqBuckets,
  );
  const tagFilter = new Int32Array(2 * P.nR);
  for (let r = 0; r < P.nR; r++) {
    for (let i = P.reqTagStart[r] as number; i < (P.reqTagStart[r + 1] as number); i++) {
      const t = P.reqTags[i] as number;
      const at = 2 * r + ((t & 63) < 32 ? 0 : 1);
      tagFilter[at] = (tagFilter[at] as number) | (1 << (t & 31));
    }
  }
  return { ...post, runEnd: tieRuns(post, P.reqAvailMax), tagFilter };
}

/** A volunteer's tags, rarest first (ties by id), with suffix sums of their units (views into the problem). */
export function rarestFirst(P: MatchProblem, v: number): { tags: Int32Array; suffix: Float64Array } {
  const s = P.volTagStart[v] as number;
  const e = P.volTagStart[v + 1] as number;
  return { tags: P.volRareTags.subarray(s, e), suffix: P.volRareSuffix.subarray(s, e) };
}

/**
 * Each volunteer's own proposal list and its cut-off: every eligible request left off the list
 * has pair value ≤ `cutoff[v]` (−∞ when the list holds every eligible request, +∞ when the
 * volunteer proposed nobody).
 */
export interface VolunteerLists {
  start: Int32Array;
  rows: Int32Array;
  cutoff: Float64Array;
}

function hasEdge(E: EdgeSet, r: number, v: number): boolean {
  for (let e = E.start[r] as number; e < (E.start[r + 1] as number); e++) if (E.col[e] === v) return true;
  return false;
}
