/** The median of numbers (mean of the middle two for an even count); null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * The nearest-rank quantile: the smallest value with at least `p` of the values at or below it
 * (rank ⌈p·n⌉), so it is always one of the values measured. `p` in (0, 1]; null when empty.
 */
export function quantile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length, Math.max(1, Math.ceil(p * s.length)));
  return s[rank - 1] ?? null;
}

/**
 * The Gini coefficient of non-negative values: Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). 0 is a perfectly
 * even spread, values towards 1 mean a few carry the load. 0 for an empty or all-zero list.
 */
export function gini(xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (mean === 0) return 0;
  let sum = 0;
  for (const a of xs) for (const b of xs) sum += Math.abs(a - b);
  return sum / (2 * n * n * mean);
}

/** Rounds to `places` decimals. */
export const round = (x: number, places = 2): number => Math.round(x * 10 ** places) / 10 ** places;
