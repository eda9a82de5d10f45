import { randomUUID } from "node:crypto";
import pg from "pg";
import { PercolateError } from "../core/result.js";
import { pendingMigrations, type MigrateReport, type MigrationFile } from "./migrations.js";

/** Prisma Migrate's own history table for PostgreSQL, verbatim. */
const HISTORY_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

/** The advisory lock key Prisma Migrate takes, so our runs and Prisma's also exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations to a PostgreSQL schema (created if missing). The whole run
 * holds a session advisory lock, so concurrent starters wait and then find nothing to
 * do; each migration and its history row commit together or not at all.
 */
export async function migratePostgres(
  target: { connectionString: string; schema: string },
  files: readonly MigrationFile[],
): Promise<MigrateReport> {
  const client = new pg.Client({ connectionString: target.connectionString });
  try {
    await client.connect();
  } catch (e) {
    throw new PercolateError(`Cannot reach PostgreSQL to migrate it: ${(e as Error).message}`, { cause: e });
  }
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${target.schema}"`);
      await client.query(`SET search_path TO "${target.schema}"`);
      await client.query(HISTORY_TABLE);
      const history = await client.query<HistoryRow>(
        "SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY started_at",
      );
      const pending = pendingMigrations(
        files,
        history.rows.map((r) => ({
          name: r.migration_name,
          checksum: r.checksum,
          finished: r.finished_at !== null,
          rolledBack: r.rolled_back_at !== null,
        })),
      );
      for (const m of pending) await applyOne(client, m, target.schema);
      return { applied: pending.map((m) => m.name), alreadyApplied: files.length - pending.length };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

async function applyOne(client: pg.Client, m: MigrationFile, schema: string): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  try {
    await client.query(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, clock_timestamp(), 0)",
      [id, m.checksum, m.name],
    );
    try {
      await client.query(m.sql);
    } catch (e) {
      throw new PercolateError(`Migration ${m.name} failed on schema "${schema}" and was rolled back: ${(e as Error).message}`, {
        cause: e,
      });
    }
    await client.query("UPDATE _prisma_migrations SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1", [id]);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}
