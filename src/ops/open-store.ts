import type { Logger, Store } from "../core/ports/index.js";
import { openStore } from "../store/index.js";
import { redact } from "../store/url.js";

/** Error codes that say "the database is not there yet; try again": network, PostgreSQL starting or full, SQLite busy or unavailable. */
const TRANSIENT = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "SQLITE_BUSY",
  "SQLITE_CANTOPEN",
  "SQLITE_READONLY",
  "SQLITE_FULL",
  "SQLITE_IOERR",
  "EACCES",
  "EROFS",
  "ENOSPC",
]);
const TRANSIENT_TEXT =
  /connection terminated|timeout|timed out|ECONNREFUSED|database system is (starting up|shutting down)|readonly|disk (I\/O|is full)/i;

/** True when `e` (or something in its cause chain) is a database fault that may pass by itself. */
export function isTransientDbError(e: unknown, depth = 0): boolean {
  if (typeof e !== "object" || e === null || depth > 5) return false;
  const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === "string" && TRANSIENT.has(code)) return true;
  if (typeof message === "string" && TRANSIENT_TEXT.test(message)) return true;
  if (Array.isArray(errors) && errors.some((x) => isTransientDbError(x, depth + 1))) return true;
  return isTransientDbError(cause, depth + 1);
}

/** The first line of an error's message, for a one-line log. */
export const firstLine = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";

export interface OpenRetryOptions {
  /** First wait after a failure; doubles up to `maxMs` (default 1 s → 30 s). */
  firstMs?: number;
  maxMs?: number;
  /** Stops the retrying (SIGTERM while waiting): the promise rejects with the abort reason. */
  signal?: AbortSignal;
  /** Told each failed attempt's cause (for /readyz). */
  onAttempt?: (cause: string) => void;
  /** How the store is opened; openStore by default. */
  open?: (url: string) => Promise<Store>;
}

/**
 * Opens (and migrates) the store, retrying with exponential backoff while the database is
 * unreachable: one line per attempt, naming the database (password hidden), the cause and the
 * next try. A fault a retry cannot fix (a migration that needs a person, a bad URL) is thrown.
 */
export async function openStoreWithRetry(url: string, log: Logger, o: OpenRetryOptions = {}): Promise<Store> {
  const open = o.open ?? openStore;
  let wait = o.firstMs ?? 1_000;
  for (let attempt = 1; ; attempt++) {
    o.signal?.throwIfAborted();
    try {
      const store = await open(url);
      if (attempt > 1) log.info({ attempt }, "database reachable again; starting");
      return store;
    } catch (e) {
      if (!isTransientDbError(e)) throw e;
      const cause = firstLine(e);
      o.onAttempt?.(cause);
      log.error(
        { database: redact(url), attempt, retryInMs: wait },
        `database unreachable (${cause}); retrying in ${Math.round(wait / 1000)} s`,
      );
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, wait);
        const stop = () => {
          clearTimeout(timer);
          reject(o.signal?.reason);
        };
        o.signal?.addEventListener("abort", stop, { once: true });
      });
      wait = Math.min(o.maxMs ?? 30_000, wait * 2);
    }
  }
}
