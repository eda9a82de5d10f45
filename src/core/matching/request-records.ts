import * as coarse from "./coarse.js";
import type { MatchProblem } from "./problem.js";

// Imported bindings used in hot loops are copied once: some loaders (tsx, vitest) read imports through getters.
const pop32 = coarse.pop32;

/**
 * Each request's data for the volunteer-side scans packed into one 16-int record, so visiting a
 * request touches one or two cache lines instead of seven scattered arrays:
 *   [0] tag count | exclusion count << 8   (−1: does not fit, use the CSR arrays)
 *   [1..6] tag ids   [7..8] excluded volunteers   [9..14] coarse mask   [15] best availability units
 */
export const RECORD = 16;
const MAX_TAGS = 6;
const MAX_EXCL = 2;

/** Packs the records of every request. */
export function requestRecords(P: MatchProblem): Int32Array {
  const out = new Int32Array(P.nR * RECORD);
  for (let r = 0; r < P.nR; r++) {
    const o = r * RECORD;
    const t0 = P.reqTagStart[r] as number;
    const m = (P.reqTagStart[r + 1] as number) - t0;
    const x0 = P.reqExclStart[r] as number;
    const nx = (P.reqExclStart[r + 1] as number) - x0;
    if (m > MAX_TAGS || nx > MAX_EXCL) {
      out[o] = -1;
    } else {
      out[o] = m | (nx << 8);
      for (let q = 0; q < m; q++) out[o + 1 + q] = P.reqTags[t0 + q] as number;
      for (let q = 0; q < nx; q++) out[o + 7 + q] = P.reqExcl[x0 + q] as number;
    }
    for (let k = 0; k < 6; k++) out[o + 9 + k] = P.reqCoarse[r * 6 + k] as number;
    out[o + 15] = P.reqAvailMax[r] as number;
  }
  return out;
}

/**
 * Σ units of the tags request r shares with the volunteer whose tags are ranked in `rank`
 * (−1 = not theirs), and the smallest rank among them (−1 if none): the path for requests whose
 * record does not fit.
 */
export function overlapSlow(P: MatchProblem, r: number, rank: Int32Array): { sum: number; first: number } {
  let sum = 0;
  let first = -1;
  for (let q = P.reqTagStart[r] as number; q < (P.reqTagStart[r + 1] as number); q++) {
    const t = P.reqTags[q] as number;
    const k = rank[t] as number;
    if (k >= 0) {
      sum += P.tagUnits[t] as number;
      if (first < 0 || k < first) first = k;
    }
  }
  return { sum, first };
}

/** Whether request r excludes volunteer v (self, blocked, met recently, already tried). */
export function isExcluded(P: MatchProblem, r: number, v: number): boolean {
  for (let i = P.reqExclStart[r] as number; i < (P.reqExclStart[r + 1] as number); i++) if (P.reqExcl[i] === v) return true;
  return false;
}

/** What a volunteer-side scan learns about one request before the exact overlap; reused, never reallocated. */
export interface Probe {
  /** Σ units of the tags the request shares with the volunteer. */
  tagSum: number;
  /** Rank, in the volunteer's rarest-first order, of the rarest shared tag (−1 if none). */
  first: number;
  excluded: boolean;
  /** Coarse hour-of-week buckets both are free in. */
  buckets: number;
}

export const newProbe = (): Probe => ({ tagSum: 0, first: -1, excluded: false, buckets: 0 });

/**
 * Reads request r's record against volunteer v (tags ranked in `rank`, −1 = not theirs; `vo` =
 * v's offset in `P.volCoarse`) into `out`: the one pre-check both volunteer-side scans share.
 */
export function probe(P: MatchProblem, rec: Int32Array, r: number, v: number, vo: number, rank: Int32Array, out: Probe): void {
  const o = r * RECORD;
  const head = rec[o] as number;
  if (head >= 0) {
    let tagSum = 0;
    let first = -1;
    for (let q = 0, m = head & 0xff; q < m; q++) {
      const t = rec[o + 1 + q] as number;
      const k = rank[t] as number;
      if (k >= 0) {
        tagSum += P.tagUnits[t] as number;
        if (first < 0 || k < first) first = k;
      }
    }
    const nx = head >> 8;
    out.tagSum = tagSum;
    out.first = first;
    out.excluded = (nx > 0 && rec[o + 7] === v) || (nx > 1 && rec[o + 8] === v);
  } else {
    const s = overlapSlow(P, r, rank);
    out.tagSum = s.sum;
    out.first = s.first;
    out.excluded = isExcluded(P, r, v);
  }
  const vc = P.volCoarse;
  out.buckets =
    pop32((rec[o + 9] as number) & (vc[vo] as number)) +
    pop32((rec[o + 10] as number) & (vc[vo + 1] as number)) +
    pop32((rec[o + 11] as number) & (vc[vo + 2] as number)) +
    pop32((rec[o + 12] as number) & (vc[vo + 3] as number)) +
    pop32((rec[o + 13] as number) & (vc[vo + 4] as number)) +
    pop32((rec[o + 14] as number) & (vc[vo + 5] as number));
}
