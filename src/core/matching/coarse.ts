/**
 * A coarse summary of a free mask for cheap upper bounds: bit b (0 ≤ b < 168) is set when any
 * quarter-hour cell in hour-of-week b (counted from the grid origin) is free, over all weeks of
 * the grid. Two people can share at most `popcount(coarseA & coarseB) × weeks` hours, where
 * weeks = ceil(cells / 672); in particular none when the coarse masks do not meet.
 */
export const COARSE_WORDS = 6;
const WORDS = 6;
const BUCKETS = 168;

/** Writes the coarse summary of `mask` into `out` at `offset` (COARSE_WORDS words). */
export function coarseMask(mask: Uint32Array, out: Uint32Array, offset: number): void {
  for (let w = 0; w < mask.length; w++) {
    const word = mask[w] as number;
    if (word === 0) continue;
    for (let j = 0; j < 8; j++) {
      if (((word >>> (4 * j)) & 0xf) === 0) continue;
      const b = (w * 8 + j) % BUCKETS;
      const i = offset + (b >>> 5);
      out[i] = (out[i] as number) | (1 << (b & 31));
    }
  }
}

/** Number of set bits in a 32-bit word. */
export function pop32(v: number): number {
  v = v - ((v >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** Number of hour-of-week buckets where both coarse masks are free. */
export function coarseOverlap(a: Uint32Array, ai: number, b: Uint32Array, bi: number): number {
  let n = 0;
  for (let k = 0; k < WORDS; k++) n += pop32((a[ai + k] as number) & (b[bi + k] as number));
  return n;
}

/**
 * min(cap, number of cells free in both masks), for masks stored flat in `a` at `ai` and in
 * `b` at `bi`, `words` words each; stops counting at `cap`. Equals `popcount(a AND b)` from the
 * time core whenever that is below `cap` — the batch's hot loops only need the availability
 * part, which stops growing at the cap, so they use this instead of `sharedFreeHours`.
 */
export function sharedCellsCapped(a: Uint32Array, ai: number, b: Uint32Array, bi: number, words: number, cap: number): number {
  let n = 0;
  for (let k = 0; k < words; k++) {
    const x = (a[ai + k] as number) & (b[bi + k] as number);
    if (x !== 0) {
      n += pop32(x);
      if (n >= cap) return cap;
    }
  }
  return n;
}
