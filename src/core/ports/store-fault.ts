/**
 * The store cannot be used just now (database unreachable, files read-only, disk full, or the
 * database file replaced under the running process): nothing was changed, and the person may
 * try again later. Thrown by the store guard; adapters answer it with the "try again" words.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreUnavailableError";
  }
}

/** True for a StoreUnavailableError, also when wrapped as another error's cause. */
export function isStoreUnavailable(e: unknown, depth = 0): boolean {
  if (e instanceof StoreUnavailableError) return true;
  if (typeof e !== "object" || e === null || depth > 4) return false;
  return isStoreUnavailable((e as { cause?: unknown }).cause, depth + 1);
}

/**
 * The store was closed (the process is shutting down): the transaction was not run, or lost a
 * race while the store closed and was not retried. Nothing it would have written was written.
 */
export class StoreClosedError extends StoreUnavailableError {
  constructor(options?: { cause?: unknown }) {
    super("the store is closed: the process is shutting down", options);
    this.name = "StoreClosedError";
  }
}
