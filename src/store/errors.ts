/** Postgres SQLSTATEs that mean "run the transaction again": serialization failure, deadlock. */
const RETRY_SQLSTATES = new Set(["40001", "40P01"]);

/**
 * True when a Prisma error says the transaction lost a race and may simply be retried:
 * P2034 (write conflict or deadlock), a statement failing with a retryable SQLSTATE, or the
 * driver adapter's own error when COMMIT fails (Prisma 6.19 passes that one on unwrapped: a
 * DriverAdapterError whose `cause` is `{ kind: "TransactionWriteConflict", originalCode: "40001" }`).
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
  const wrapped = (meta as { driverAdapterError?: { cause?: object } } | undefined)?.driverAdapterError?.cause;
  return isAdapterConflict(e) || (wrapped !== undefined && isAdapterConflict(wrapped));
}

/** A driver adapter's error description (`{ kind, originalCode, originalMessage }`) of a lost race. */
function isAdapterConflict(d: object): boolean {
  const { kind, originalCode } = d as { kind?: unknown; originalCode?: unknown };
  return kind === "TransactionWriteConflict" || (typeof originalCode === "string" && RETRY_SQLSTATES.has(originalCode));
}
