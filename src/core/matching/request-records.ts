import type { MatchProblem } from "./problem.js";

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
