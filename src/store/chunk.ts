/*
 * Keeping every statement under the database's limit on bound values: SQLite allows 999 per
 * statement, PostgreSQL 65,535. An id list of any length is split here, in one place, and
 * single-row reads are kept from merging into one oversized statement.
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

/**
 * Single-row reads one transaction has in flight at most. Prisma merges the findUnique calls
 * issued in the same tick into one `IN` query over all their keys, so a use case reading a
 * few hundred rows with Promise.all would otherwise send one statement over SQLite's limit
 * (P2029, "query parameter limit exceeded"). With at most this many pending, a merged query
 * binds at most two values per read.
 */
export const SINGLE_READS_IN_FLIGHT = 200;

/** A counting gate: at most `max` calls of `run` are pending at once; the rest wait their turn, in order. */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number = SINGLE_READS_IN_FLIGHT) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await fn();
    } finally {
      // Hand the slot straight to the next waiter, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Rows of `row`'s shape one multi-row INSERT may carry under the same bound-value budget. */
export const rowsPerInsert = (row: object): number => Math.max(1, Math.floor((2 * IN_LIST_MAX) / Object.keys(row).length));

/** The last record per key, in first-seen order: one batch writes each key once. */
export function lastPerKey<T>(xs: readonly T[], key: (x: T) => string): T[] {
  return [...new Map(xs.map((x) => [key(x), x])).values()];
}
