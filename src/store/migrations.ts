import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PercolateError } from "../core/result.js";

/** One migration folder: prisma/migrations/<name>/migration.sql. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the file, hex: what Prisma records in `_prisma_migrations.checksum`. */
  checksum: string;
}

/** A row of `_prisma_migrations`, reduced to what deciding needs. */
export interface AppliedMigration {
  name: string;
  checksum: string;
  finished: boolean;
  rolledBack: boolean;
}

/** What a run did. */
export interface MigrateReport {
  applied: string[];
  alreadyApplied: number;
}

/** The migrations folder for a database kind, in this checkout. */
export function defaultMigrationsDir(kind: "sqlite" | "postgres"): string {
  const rel = kind === "sqlite" ? "../../prisma/migrations" : "../../prisma/postgres/migrations";
  return fileURLToPath(new URL(rel, import.meta.url));
}

/** The migrations in `dir`, in apply order (folder names sort by their timestamp prefix). */
export function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) throw new PercolateError(`No migrations folder at ${dir}; is the prisma/ folder missing from this install?`);
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

/**
 * The migrations still to apply, after checking the recorded history against the files.
 * Refuses (throws) when an applied migration was edited, when one failed half-way, or when
 * the database knows a migration this code does not: each needs a person, not a retry.
 */
export function pendingMigrations(files: readonly MigrationFile[], history: readonly AppliedMigration[]): MigrationFile[] {
  const byName = new Map(files.map((f) => [f.name, f]));
  const done = new Set<string>();
  for (const row of history) {
    if (row.rolledBack) continue;
    if (!row.finished) {
      throw new PercolateError(
        `Migration ${row.name} started earlier and never finished. Check the database by hand, then mark it resolved ` +
          `(npm run prisma -- migrate resolve --rolled-back ${row.name}, or delete its row from _prisma_migrations) and start again.`,
      );
    }
    const file = byName.get(row.name);
    if (file === undefined) {
      throw new PercolateError(
        `The database has migration ${row.name} applied, but this code does not ship it. ` +
          "Is an older version of Percolate running against a database a newer one migrated?",
      );
    }
    if (file.checksum !== row.checksum) {
      throw new PercolateError(
        `Migration ${row.name} was edited after it was applied (database checksum ${row.checksum.slice(0, 12)}…, ` +
          `file ${file.checksum.slice(0, 12)}…). Applied migrations must not change: restore the file and put the change in a new migration.`,
      );
    }
    done.add(row.name);
  }
  return files.filter((f) => !done.has(f.name));
}
