import { type Inbox, type NudgeOutbox, type Store, StoreClosedError, type StoreTx } from "../core/ports/index.js";
import { isRetryableConflict } from "./errors.js";
import { createDb, type Db, type Dialect, rowReaderFor } from "./prisma-client.js";
import { PrismaInbox } from "./prisma-inbox.js";
import { PrismaOutbox } from "./prisma-outbox.js";
import { PrismaTx } from "./prisma-tx.js";
import { PG_RUN_ALONE, PG_RUN_SHARED, SQLITE_TAKE_WRITE_LOCK } from "./tx-locks.js";
import type { DatabaseTarget } from "./url.js";

/** Attempts of one transaction before a serialization conflict is reported. */
const MAX_ATTEMPTS = 12;
/** From this attempt on, a PostgreSQL transaction runs alone (see `once`). */
const ALONE_FROM_ATTEMPT = 4;
/** How long a transaction may wait for a connection: queueing behind others (SQLite runs them one at a time). */
const MAX_WAIT_MS = 30_000;
/**
 * How long one transaction may run before Prisma abandons it and takes its connection back.
 * It bounds a transaction that would never end, not legitimate work: a batch round over
 * thousands of queued requests matches inside its transaction and can take minutes on a busy
 * machine, and cutting it off would fail the round at every queue length past that point.
 */
const TX_TIMEOUT_MS = 5 * 60_000;
/** Backoff between attempts: full jitter, doubling from 4 ms, capped. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(250, 4 * 2 ** attempt);

/**
 * The Store port over Prisma with driver adapters: SQLite (one file, shared by several
 * processes through WAL and a busy timeout) or PostgreSQL (several bot processes).
 *
 * Transactions are serializable on both: SQLite has one writer at a time and every
 * transaction takes the write lock first; PostgreSQL runs SERIALIZABLE and the store
 * retries a transaction that lost a race, as the port allows.
 */
export class PrismaStore implements Store {
  readonly outbox: NudgeOutbox;
  readonly inbox: Inbox;
  /** Set by close(): no transaction starts or is retried after it. */
  private closing: Promise<void> | null = null;
  /** Attempts running now; close() lets them finish before the connections go. */
  private readonly running = new Set<Promise<unknown>>();
  /** Backoff pauses in progress, each cut short when the store closes. */
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly db: Db,
    private readonly dialect: Dialect,
  ) {
    this.outbox = new PrismaOutbox(db, dialect);
    this.inbox = new PrismaInbox(db, dialect);
  }

  /** Connects to an already migrated database (see openStore, which also migrates). */
  static async open(target: Exclude<DatabaseTarget, { kind: "memory" }>): Promise<PrismaStore> {
    const { db, dialect } = await createDb(target);
    return new PrismaStore(db, dialect);
  }

  /**
   * Runs `fn` in a transaction, again after a serialization failure or deadlock wherever
   * PostgreSQL raised it (a statement or COMMIT). Once the store is closing, nothing starts
   * and nothing is retried: the caller gets StoreClosedError (with the conflict as its cause).
   */
  async tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (this.closing) throw new StoreClosedError();
      const run = this.once(fn, attempt >= ALONE_FROM_ATTEMPT);
      this.running.add(run);
      try {
        return await run;
      } catch (e) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(e)) throw e;
        if (this.closing) throw new StoreClosedError({ cause: e });
        await this.pause(backoffMs(attempt));
      } finally {
        this.running.delete(run);
      }
    }
  }

  /** Waits `ms`, or less when the store starts closing. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }

  /**
   * One attempt. On PostgreSQL every transaction first takes a shared advisory lock, and a
   * transaction that keeps losing serialization races takes it exclusively instead: it
   * then waits for the transactions in flight, runs alone and cannot lose again, so a hot
   * row cannot starve anyone. Uncontended, the shared lock costs one short statement.
   */
  private once<T>(fn: (tx: StoreTx) => Promise<T>, alone: boolean): Promise<T> {
    const timing = { maxWait: MAX_WAIT_MS, timeout: TX_TIMEOUT_MS };
    if (this.dialect === "sqlite") {
      return this.db.$transaction(async (t) => {
        const reader = rowReaderFor(this.db, t);
        await reader.exec(SQLITE_TAKE_WRITE_LOCK);
        return fn(new PrismaTx(t, reader));
      }, timing);
    }
    return this.db.$transaction(
      async (t) => {
        await t.$executeRawUnsafe(alone ? PG_RUN_ALONE : PG_RUN_SHARED);
        return fn(new PrismaTx(t, rowReaderFor(this.db, t)));
      },
      { ...timing, isolationLevel: "Serializable" },
    );
  }

  /**
   * Closes the store: transactions already running finish (commit or fail as they would),
   * those waiting to retry stop with StoreClosedError, none starts; then the connections go.
   * Calling it again returns the same promise.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      for (const wake of [...this.sleepers]) wake();
      while (this.running.size > 0) await Promise.allSettled([...this.running]);
      await this.db.$disconnect();
    })();
    return this.closing;
  }
}
