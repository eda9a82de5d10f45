import { migratePostgres } from "./migrate-pg.js";
import { migrateSqlite } from "./migrate-sqlite.js";
import { defaultMigrationsDir, readMigrations, type MigrateReport } from "./migrations.js";
import type { DatabaseTarget } from "./url.js";

export type { MigrateReport } from "./migrations.js";

/**
 * Brings the database to the newest schema: applies each pending migration in order, in
 * its own transaction, and records it in `_prisma_migrations` exactly as Prisma Migrate
 * would, so `prisma migrate status|deploy` agree with it. Safe when several processes
 * start at once (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock). Prisma's CLI is
 * not used because its JS schema engine cannot migrate PostgreSQL (DESIGN.md §7).
 */
export async function migrate(
  target: Exclude<DatabaseTarget, { kind: "memory" }>,
  options: { migrationsDir?: string } = {},
): Promise<MigrateReport> {
  const files = readMigrations(options.migrationsDir ?? defaultMigrationsDir(target.kind));
  return target.kind === "sqlite" ? migrateSqlite(target.file, files) : migratePostgres(target, files);
}
