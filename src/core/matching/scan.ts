import * as coarse from "./coarse.js";
import { buildPostings, orderByKey, type Postings } from "./postings.js";
import type { MatchProblem } from "./problem.js";
import * as weights from "./weights.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const coarseOverlap = coarse.coarseOverlap;
const sharedCellsCapped = coarse.sharedCellsCapped;
const COARSE_WORDS = coarse.COARSE_WORDS;
const availabilityUnits = weights.availabilityUnits;
const BASE_UNITS = weights.BASE_UNITS;

/**
 * Per-request scratch for scanning (request, volunteer) pairs: marks the request's tags,
 * exclusions and visited volunteers once, then answers per volunteer in O(volunteer's tags).
 */
export class PairScanner {
  private readonly rank: Int32Array;
  private readonly exclStamp: Int32Array;
  private readonly seenStamp: Int32Array;
  private r = -1;
  /** Position (in the request's rarest-first order) of the first tag the last `shared` call found; −1 if none. */
  first = -1;
  /** Pairs looked at, and pairs whose free masks were intersected exactly. */
  examined = 0;
  exactChecks = 0;

  constructor(private readonly P: MatchProblem) {
    this.rank = new Int32Array(P.tagNames.length).fill(-1);
    this.exclStamp = new Int32Array(P.nV).fill(-1);
    this.seenStamp = new Int32Array(P.nV).fill(-1);
  }

  /** Starts scanning request `r` (ends the previous one). */
  begin(r: number): void {
    const P = this.P;
    if (this.r >= 0) {
      for (let i = P.reqTagStart[this.r] as number; i < (P.reqTagStart[this.r + 1] as number); i++) this.rank[P.reqTags[i] as number] = -1;
    }
    this.r = r;
    const s = P.reqTagStart[r] as number;
    for (let i = s; i < (P.reqTagStart[r + 1] as number); i++) this.rank[P.reqTags[i] as number] = i - s;
    for (let i = P.reqExclStart[r] as number; i < (P.reqExclStart[r + 1] as number); i++) this.exclStamp[P.reqExcl[i] as number] = r;
  }

  /** Marks v as visited for the current request; false if it already was. */
  visit(v: number): boolean {
    if (this.seenStamp[v] === this.r) return false;
    this.seenStamp[v] = this.r;
    this.examined++;
    return true;
  }

  /** True when volunteer v is excluded for the current request. */
  excluded(v: number): boolean {
    return this.exclStamp[v] === this.r;
  }

  /** Σ units of tags shared by the current request and v; sets `first`. */
  shared(v: number): number {
    const P = this.P;
    let sum = 0;
    let first = -1;
    for (let i = P.volTagStart[v] as number, end = P.volTagStart[v + 1] as number; i < end; i++) {
      const t = P.volTags[i] as number;
      const k = this.rank[t] as number;
      if (k >= 0) {
        sum += P.tagUnits[t] as number;
        if (first < 0 || k < first) first = k;
      }
    }
    this.first = first;
    return sum;
  }

  /** Upper bound on the availability units of (current request, v); 0 means no shared time at all. */
  availabilityBound(v: number): number {
    const P = this.P;
    const buckets = coarseOverlap(P.reqCoarse, this.r * COARSE_WORDS, P.volCoarse, v * COARSE_WORDS);
    if (buckets === 0) return 0;
    return Math.min(P.reqAvailMax[this.r] as number, P.volAvailMax[v] as number, availabilityUnits(buckets * P.bucketHours));
  }

  /** Exact pair value (no load) in units given the shared tag units, or −1 without shared time. */
  exactValue(v: number, tagSum: number): number {
    const P = this.P;
    this.exactChecks++;
    const w = P.words;
    const cells = sharedCellsCapped(P.reqBits, this.r * w, P.volBits, v * w, w, P.cellCap);
    if (cells === 0) return -1;
    return BASE_UNITS + tagSum + availabilityUnits(cells * P.cellHours) + (P.fbUnits[v] as number);
  }
}

/** Volunteers with room, posted by (tag, bucket), each list in decreasing `key`. */
export function volunteerPostings(P: MatchProblem, key: Float64Array): Postings {
  const order = orderByKey(key, (v) => (P.rem[v] as number) > 0);
  return buildPostings(P.tagNames.length, order, { start: P.volTagStart, items: P.volTags }, P.volBuckets);
}
