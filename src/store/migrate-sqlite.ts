import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { PercolateError } from "../core/result.js";
import { pendingMigrations, type AppliedMigration, type MigrateReport, type MigrationFile } from "./migrations.js";

/** Prisma Migrate's own history table for SQLite, verbatim. */
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** The instant format the Prisma SQLite adapter writes, so both tools read each other's rows. */
const stamp = (): string => new Date().toISOString().replace("Z", "+00:00");

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: string | null;
  rolled_back_at: string | null;
}

const BUSY_TIMEOUT_MS = 30_000;

/**
 * Switches the file to WAL. That needs the database to itself for a moment, and SQLite answers
 * SQLITE_BUSY at once (the busy timeout does not apply) while another process starting at the
 * same time holds it: wait a little and try again, up to the busy timeout.
 */
function enableWal(db: Database): void {
  const until = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma("journal_mode = WAL");
      return;
    } catch (e) {
      const busy = (e as { code?: unknown }).code === "SQLITE_BUSY";
      if (!busy || Date.now() > until) throw e;
      // A synchronous pause: the migrator runs before anything else in this process.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 25);
    }
  }
}

/**
 * Applies pending migrations to a SQLite file. Each runs under BEGIN IMMEDIATE, which
 * takes the single writer lock before reading the history, so concurrent starters queue
 * on the busy timeout and then see each other's work. Also switches the file to WAL so
 * several processes can share it.
 */
export function migrateSqlite(file: string, files: readonly MigrationFile[]): MigrateReport {
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    enableWal(db);
    db.exec(HISTORY_TABLE);
    const applied: string[] = [];
    let alreadyApplied = 0;
    for (;;) {
      db.exec("BEGIN IMMEDIATE");
      try {
        const rows = db
          .prepare("SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at")
          .all() as HistoryRow[];
        const pending = pendingMigrations(files, rows.map(toApplied));
        if (applied.length === 0) alreadyApplied = files.length - pending.length;
        const next = pending[0];
        if (next === undefined) {
          db.exec("COMMIT");
          return { applied, alreadyApplied };
        }
        const id = randomUUID();
        db.prepare(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)",
        ).run(id, next.checksum, next.name, stamp());
        try {
          db.exec(next.sql);
        } catch (e) {
          throw new PercolateError(`Migration ${next.name} failed on ${file} and was rolled back: ${(e as Error).message}`, { cause: e });
        }
        db.prepare("UPDATE _prisma_migrations SET finished_at = ?, applied_steps_count = 1 WHERE id = ?").run(stamp(), id);
        db.exec("COMMIT");
        applied.push(next.name);
      } catch (e) {
        if (db.inTransaction) db.exec("ROLLBACK");
        throw e;
      }
    }
  } finally {
    db.close();
  }
}

const toApplied = (r: HistoryRow): AppliedMigration => ({
  name: r.migration_name,
  checksum: r.checksum,
  finished: r.finished_at !== null,
  rolledBack: r.rolled_back_at !== null,
});
