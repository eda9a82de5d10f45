import { PrismaPg } from "@prisma/adapter-pg";
import { isRetryableConflict } from "./errors.js";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;

/**
 * The PostgreSQL driver adapter, with a failed COMMIT handing its connection back.
 *
 * Prisma 6.19 commits an interactive transaction by sending COMMIT and only then releasing
 * the transaction's pooled connection; when COMMIT itself fails (SERIALIZABLE raises most
 * serialization failures there) the release is skipped, so every such failure keeps one
 * connection checked out for good. The pool then runs dry (new transactions wait until
 * maxWait) and closing the store waits forever for connections nobody will give back.
 *
 * After a failed COMMIT the server has already ended the transaction, so the connection is
 * back in the pool when the failure was a conflict; after anything else (a dropped connection)
 * it is discarded rather than reused.
 */
export function pgAdapter(...args: ConstructorParameters<typeof PrismaPg>): PrismaPg {
  const factory = new PrismaPg(...args);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasingOnFailedCommit(await start(isolationLevel));
    return adapter;
  };
  return factory;
}

function releasingOnFailedCommit(tx: PgTransaction): PgTransaction {
  const executeRaw = tx.executeRaw.bind(tx);
  tx.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (query.sql.trim().toUpperCase() === "COMMIT") discard(tx, e);
      throw e;
    }
  };
  return tx;
}

/** Gives the connection of a transaction whose COMMIT failed back to the pool, or destroys it when it may be broken. */
function discard(tx: PgTransaction, e: unknown): void {
  const client = (tx as unknown as { client?: { release?: (destroy?: boolean) => void } }).client;
  if (!isRetryableConflict(e) && typeof client?.release === "function") {
    // rollback() would release it for reuse; a connection that failed for another reason must not be reused.
    (tx as unknown as { cleanup?: () => void }).cleanup?.();
    client.release(true);
    return;
  }
  void tx.rollback();
}
