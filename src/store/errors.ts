/** Postgres SQLSTATEs that mean "run the transaction again": serialization failure, deadlock. */
const RETRY_SQLSTATES = new Set(["40001", "40P01"]);

/**
 * True when a Prisma error says the transaction lost a race and may simply be retried:
 * P2034 (write conflict or deadlock), or a raw statement failing with a retryable SQLSTATE.
 * Follows `cause` a few levels, in case a use case wrapped the error.
 */
export function isRetryableConflict(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 4) return false;
  if (isConflict(e)) return true;
  return isRetryableConflict((e as { cause?: unknown }).cause, depth + 1);
}

function isConflict(e: object): boolean {
  const { code, meta } = e as { code?: unknown; meta?: unknown };
  if (code === "P2034") return true;
  const cause = (meta as { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } } | undefined)?.driverAdapterError
    ?.cause;
  return cause?.kind === "TransactionWriteConflict" || (typeof cause?.originalCode === "string" && RETRY_SQLSTATES.has(cause.originalCode));
}
