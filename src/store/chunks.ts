/**
 * Ids per statement when a query filters by a list: SQLite allows 999 bound values in one
 * statement (PostgreSQL 65,535), and the rest of the query needs a few of its own.
 */
export const ID_CHUNK = 500;

/**
 * Runs `query` over `ids` (deduplicated) in slices of at most `size` and concatenates the
 * results in slice order; the caller sorts when it promises an order. No ids, no query.
 */
export async function inChunks<T>(ids: readonly string[], query: (slice: string[]) => Promise<T[]>, size = ID_CHUNK): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += size) out.push(...(await query(unique.slice(i, i + size))));
  return out;
}
