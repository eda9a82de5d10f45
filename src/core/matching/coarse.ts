/**
 * A coarse summary of a free mask for cheap upper bounds: bit b (0 ≤ b < 168) is set when any
 * quarter-hour cell in hour-of-week b (counted from the grid origin) is free, over all weeks of
 * the grid. Two people can share at most `popcount(coarseA & coarseB) × weeks` hours, where
 * weeks = ceil(cells / 672); in particular none when the coarse masks do not meet.
 */
export const COARSE_WORDS = 6;
const WORDS = 6;
const BUCKETS = 168;

/** Bit j set when nibble j of `word` is non-zero: a mask word's 8 hours (4 quarter-hour cells each). */
export function nonZeroNibbles(word: number): number {
  let m = word | (word >>> 1);
  m = (m | (m >>> 2)) & 0x11111111;
  m = (m | (m >>> 3)) & 0x03030303;
  m = (m | (m >>> 6)) & 0x000f000f;
  return (m | (m >>> 12)) & 0xff;
}

/**
 * The coarse summary of the mask stored at `bits[at … at+words−1]`, OR-ed into `out` at
 * `offset`. A mask word holds 8 hours whose buckets are 8 consecutive ones starting at a
 * multiple of 8 (168 is one), so they land in a single coarse word, shifted.
 */
function coarseOf(bits: Uint32Array, at: number, words: number, out: Uint32Array, offset: number): void {
  for (let w = 0; w < words; w++) {
    const word = bits[at + w] as number;
    if (word === 0) continue;
    const b = (w * 8) % BUCKETS;
    const i = offset + (b >>> 5);
    out[i] = (out[i] as number) | (nonZeroNibbles(word) << (b & 31));
  }
}

/** Everyone's masks in one flat buffer (`words` words each), their coarse summaries, and their free-cell counts. */
export function packMasks(masks: readonly Uint32Array[], words: number): { bits: Uint32Array; coarse: Uint32Array; cells: Int32Array } {
  const n = masks.length;
  const bits = new Uint32Array(n * words);
  const coarse = new Uint32Array(n * WORDS);
  const cells = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = masks[i] as Uint32Array;
    const at = i * words;
    let c = 0;
    for (let w = 0; w < words; w++) {
      const x = m[w] as number;
      bits[at + w] = x;
      if (x !== 0) c += pop32(x);
    }
    cells[i] = c;
    coarseOf(bits, at, words, coarse, i * WORDS);
  }
  return { bits, coarse, cells };
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
