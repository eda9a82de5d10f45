/**
 * Ids bound in one `IN (…)` list: SQLite allows 999 bound values per statement (older builds;
 * newer ones 32,766) and PostgreSQL 65,535, so a list this long plus a few other values fits
 * every engine.
 */
export const IN_LIST_CHUNK = 500;

/** `xs` cut into consecutive pieces of at most `size` (none for an empty list). */
export function chunk<T>(xs: readonly T[], size: number = IN_LIST_CHUNK): T[][] {
  if (!(size >= 1)) throw new RangeError(`chunk size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** `found` put in the order of `ids` (each once, missing ones left out), keyed by `key`. */
export function inOrderOf<T>(ids: readonly string[], found: readonly T[], key: (x: T) => string): T[] {
  const by = new Map(found.map((x) => [key(x), x]));
  return [...new Set(ids)].flatMap((id) => {
    const x = by.get(id);
    return x === undefined ? [] : [x];
  });
}

/**
 * Runs `query` over `ids` (deduplicated) in slices of at most `size` and concatenates the
 * results in slice order; the caller sorts when it promises an order. No ids, no query.
 */
export async function inChunks<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>, size = IN_LIST_CHUNK): Promise<T[]> {
  const out: T[] = [];
  for (const part of chunk([...new Set(ids)], size)) out.push(...(await query(part)));
  return out;
}

/** Oldest first by `at`, ties by id (the order src/store/filters.ts promises), for rows gathered over several statements. */
export const byTimeThenId =
  <R extends { id: string }>(at: (r: R) => Date) =>
  (a: R, b: R): number =>
    at(a).getTime() - at(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
