import type { default as Database, Statement } from "better-sqlite3";
import type { Sql } from "@prisma/client/runtime/client";
import type { DbTx } from "./prisma-client.js";

/** Runs a read and hands back its rows as column → value records. */
export interface RowReader {
  rows(q: Sql): Promise<Record<string, unknown>[]>;
  /** Runs one fixed statement that returns nothing worth reading (a lock taken at the start of a transaction). */
  exec(statement: string): Promise<void>;
  /** Runs a write; returns how many rows it changed. */
  run(q: Sql): Promise<number>;
}

/** Reads through Prisma's raw query path (PostgreSQL): no query compiler, one round trip. */
export const prismaRows = (db: DbTx): RowReader => ({
  rows: (q) => db.$queryRaw<Record<string, unknown>[]>(q),
  exec: async (statement) => {
    await db.$executeRawUnsafe(statement);
  },
  run: (q) => db.$executeRaw(q),
});

/** Distinct SQL texts kept prepared; past this the cache starts again (lists of every length make new texts). */
const MAX_STATEMENTS = 256;

/**
 * Reads on the SQLite connection Prisma's adapter opened, with statements prepared once per
 * SQL text. Prisma 6 compiles every query in its WASM query compiler and the adapter prepares
 * every statement anew, which costs 20–100× the statement itself for the store's small reads;
 * this runs the same SQL on the same connection, inside the same transaction.
 *
 * Only for use inside a store transaction: a read outside one is refused, since it would not
 * see the transaction's lock.
 */
export class SqliteRows implements RowReader {
  private readonly statements = new Map<string, Statement>();
  /** The connection the statements were prepared on (a reconnect opens another). */
  private preparedOn: Database | null = null;
  constructor(private readonly connection: () => Database | null) {}

  rows(q: Sql): Promise<Record<string, unknown>[]> {
    const db = this.connection();
    if (!db?.inTransaction) return Promise.reject(new Error("SqliteRows: a read outside a store transaction"));
    return keepingTransaction(db, () => this.statement(db, q.sql).all(...q.values.map(bindable)) as Record<string, unknown>[]);
  }

  run(q: Sql): Promise<number> {
    const db = this.connection();
    if (!db?.inTransaction) return Promise.reject(new Error("SqliteRows: a write outside a store transaction"));
    return keepingTransaction(db, () => this.statement(db, q.sql).run(...q.values.map(bindable)).changes);
  }

  exec(statement: string): Promise<void> {
    const db = this.connection();
    if (!db?.inTransaction) return Promise.reject(new Error("SqliteRows: a statement outside a store transaction"));
    return keepingTransaction(db, () => {
      this.statement(db, statement).run();
    });
  }

  private statement(db: Database, text: string): Statement {
    if (db !== this.preparedOn) {
      this.statements.clear();
      this.preparedOn = db;
    }
    let s = this.statements.get(text);
    if (!s) {
      if (this.statements.size >= MAX_STATEMENTS) this.statements.clear();
      // The adapter turns BigInts on for its connection; the store's integers are small.
      s = db.prepare(text).safeIntegers(false);
      this.statements.set(text, s);
    }
    return s;
  }
}

/**
 * Runs `fn` inside the store's open transaction. Some errors (SQLITE_FULL, SQLITE_IOERR, …) make
 * SQLite roll the whole transaction back by itself; the store's transaction, still open in
 * Prisma, then rolls back too and would find none, which leaves the adapter's connection held
 * for good. So a transaction SQLite ended on its own is reopened, empty, for that rollback to end,
 * and the error goes on to the caller as it was.
 */
function keepingTransaction<T>(db: Database, fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (e) {
    if (!db.inTransaction) {
      try {
        db.exec("BEGIN");
      } catch {
        // The connection cannot begin either (the file is gone): the rollback will say so.
      }
    }
    return Promise.reject(e);
  }
}

/** A value as the adapter writes it: dates as ISO text with an explicit +00:00, booleans as 0/1. */
function bindable(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString().replace("Z", "+00:00");
  if (typeof v === "boolean") return v ? 1 : 0;
  return v;
}
