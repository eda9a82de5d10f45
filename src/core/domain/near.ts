/**
 * Edit distance between two short strings (insert, delete, replace, and swapping two
 * neighbours, the commonest typo), counted in code points so any script measures fairly.
 * Stops early once it is over `limit`, returning limit + 1.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length] ?? 0;
}

/** How many typos a word of this length may hold and still be recognised: none under 3 characters. */
export function typoAllowance(word: string): number {
  const n = [...word].length;
  return n < 3 ? 0 : n <= 5 ? 1 : n <= 10 ? 2 : 3;
}

/** Is `typed` a likely typo of `known` (different, and within the allowance for its length, at most `cap`)? */
export function isNear(typed: string, known: string, cap = Number.POSITIVE_INFINITY): boolean {
  const allowed = Math.min(cap, typoAllowance(known));
  return typed !== known && allowed > 0 && editDistance(typed, known, allowed) <= allowed;
}

/**
 * The known words closest to `typed`, best first (ties in `known`'s order), at most `max`:
 * what "did you mean …?" offers. Empty when nothing is close enough.
 */
export function closest(typed: string, known: Iterable<string>, max = 1): string[] {
  const scored: [string, number][] = [];
  for (const k of new Set(known)) {
    const allowed = typoAllowance(k);
    if (k === typed || allowed === 0) continue;
    const d = editDistance(typed, k, allowed);
    if (d <= allowed) scored.push([k, d]);
  }
  return scored
    .sort((p, q) => p[1] - q[1])
    .slice(0, max)
    .map(([k]) => k);
}
