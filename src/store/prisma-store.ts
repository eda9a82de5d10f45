import type { Inbox, NudgeOutbox, Store, StoreTx } from "../core/ports/index.js";
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
/** Backoff between attempts: full jitter, doubling from 4 ms, capped. */
const backoffMs = (attempt: number): number => Math.random() * Math.min(250, 4 * 2 ** attempt);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  async tx<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(fn, attempt >= ALONE_FROM_ATTEMPT);
      } catch (e) {
        if (attempt >= MAX_ATTEMPTS || !isRetryableConflict(e)) throw e;
        await pause(backoffMs(attempt));
      }
    }
  }

  /**
   * One attempt. On PostgreSQL every transaction first takes a shared advisory lock, and a
   * transaction that keeps losing serialization races takes it exclusively instead: it
   * then waits for the transactions in flight, runs alone and cannot lose again, so a hot
   * row cannot starve anyone. Uncontended, the shared lock costs one short statement.
   */
  private once<T>(fn: (tx: StoreTx) => Promise<T>, alone: boolean): Promise<T> {
    // maxWait covers queueing behind other transactions (SQLite runs them one at a time).
    const timing = { maxWait: 30_000, timeout: 60_000 };
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

  async close(): Promise<void> {
    await this.db.$disconnect();
  }
}
