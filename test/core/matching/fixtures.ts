import type { BatchAsker, Candidate } from "../../../src/core/matching/index.js";

/** Words in a 14-day quarter-hour mask. */
export const WORDS = 42;

/** A mask with the given cells set. */
export function mask(cells: readonly number[]): Uint32Array {
  const m = new Uint32Array(WORDS);
  for (const i of cells) m[i >>> 5] = (m[i >>> 5] ?? 0) | (1 << (i & 31));
  return m;
}

/** A mask with cells [from, to) set. */
export function span(from: number, to: number): Uint32Array {
  return mask(Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i));
}

/** An open request. */
export function asker(
  requestId: string,
  tags: string[],
  free: Uint32Array = span(0, 64),
  excluded: string[] = [],
  seekerId = `s-${requestId}`,
): BatchAsker {
  return { requestId, seekerId, tags, freeMask: free, excluded: new Set(excluded) };
}

/** A volunteer. */
export function cand(
  volunteerId: string,
  tags: string[],
  capacityPerMonth = 2,
  usedThisMonth = 0,
  free: Uint32Array = span(0, 64),
  rating: [number | null, number] = [null, 0],
): Candidate {
  return { volunteerId, tags, capacityPerMonth, usedThisMonth, freeMask: free, ratingAvg: rating[0], ratingCount: rating[1] };
}
