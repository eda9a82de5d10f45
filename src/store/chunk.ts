/*
 * Keeping every statement under the database's limit on bound values: SQLite allows 999 per
 * statement, PostgreSQL 65,535. An id list of any length, and a batch of rows to insert, is
 * split here, in one place. (Prisma merges concurrent findUnique calls into one IN query; the
 * store's reads by key are plain SQL, which it never merges.)
 */

/** Ids one `IN (...)` list carries at most: under half of SQLite's 999, leaving room for the rest of the statement. */
export const IN_LIST_MAX = 450;

/** `xs` in consecutive pieces of at most `size` (none for an empty list). */
export function chunk<T>(xs: readonly T[], size: number = IN_LIST_MAX): T[][] {
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
 * Runs `query` over `ids` (deduplicated) in pieces of at most `size`, one after another (one
 * connection serves a transaction anyway), and joins the rows in piece order; the caller sorts
 * when it promises an order. No ids, no query.
 */
export async function inChunks<T, R>(ids: readonly T[], query: (piece: T[]) => Promise<R[]>, size = IN_LIST_MAX): Promise<R[]> {
  const out: R[] = [];
  for (const piece of chunk([...new Set(ids)], size)) out.push(...(await query(piece)));
  return out;
}

/** Oldest first by `at`, ties by id (the order src/store/filters.ts promises), for rows gathered over several statements. */
export const byTimeThenId =
  <R extends { id: string }>(at: (r: R) => Date) =>
  (a: R, b: R): number =>
    at(a).getTime() - at(b).getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Rows of `row`'s shape one multi-row INSERT may carry under the same bound-value budget. */
export const rowsPerInsert = (row: object): number => Math.max(1, Math.floor((2 * IN_LIST_MAX) / Object.keys(row).length));

/** The last record per key, in first-seen order: one batch writes each key once. */
export function lastPerKey<T>(xs: readonly T[], key: (x: T) => string): T[] {
  return [...new Map(xs.map((x) => [key(x), x])).values()];
}
