/** Small statistics and table helpers for the benchmarks. */

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Arithmetic mean (0 for an empty list). */
export function mean(xs: readonly number[]): number {
  return xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Gini coefficient of non-negative values: 0 = perfectly even, → 1 = all on one. */
export function gini(values: readonly number[]): number {
  const xs = [...values].sort((a, b) => a - b);
  const n = xs.length;
  const total = xs.reduce((a, b) => a + b, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  xs.forEach((x, i) => {
    weighted += (i + 1) * x;
  });
  return (2 * weighted) / (n * total) - (n + 1) / n;
}

/** Chats per volunteer (every volunteer with room counts, zeros included). */
export function loads(pairs: readonly { volunteerId: string }[], volunteerIds: readonly string[]): number[] {
  const n = new Map(volunteerIds.map((id) => [id, 0]));
  for (const p of pairs) n.set(p.volunteerId, (n.get(p.volunteerId) ?? 0) + 1);
  return [...n.values()];
}

/** Renders rows as an aligned text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(width[i] ?? 0)).join("  ");
  return [line(header), line(width.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

/** Rounds for display. */
export const fmt = (x: number, digits = 3): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
