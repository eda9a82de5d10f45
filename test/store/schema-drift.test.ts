import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, readMigrations } from "../../src/store/migrations.js";
import { diffSql, drift, planPostgres, renderPostgresSchema, ROOT } from "../../scripts/gen-postgres-schema.js";

const SQLITE_SCHEMA = readFileSync(join(ROOT, "prisma/schema.prisma"), "utf8");
const tmp = mkdtempSync(join(tmpdir(), "percolate-drift-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Tables, columns and indexes of a SQLite database, comparable with toEqual. */
function shape(db: Database): unknown {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
    )
    .all() as { name: string }[];
  return tables.map(({ name }) => ({
    name,
    columns: db.prepare(`PRAGMA table_xinfo("${name}")`).all(),
    indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string }[])
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((ix) => ({ ...ix, columns: db.prepare(`PRAGMA index_xinfo("${ix.name}")`).all() })),
  }));
}

describe("schema drift", () => {
  it("prisma/postgres (schema and every migration) is what npm run db:gen-pg generates from prisma/schema.prisma", () => {
    expect(drift(planPostgres()), "run `npm run db:gen-pg` and commit prisma/postgres").toEqual([]);
  }, 60_000);

  it("the SQLite migrations build exactly the schema in prisma/schema.prisma", () => {
    const migrated = new Database(":memory:");
    for (const m of readMigrations(defaultMigrationsDir("sqlite"))) migrated.exec(m.sql);
    const fresh = new Database(":memory:");
    fresh.exec(diffSql(null, SQLITE_SCHEMA));
    expect(shape(migrated), "prisma/schema.prisma changed without a migration: npm run prisma -- migrate dev --name <change>").toEqual(
      shape(fresh),
    );
  }, 60_000);

  it("notices a schema edit that has no migration yet", () => {
    const root = join(tmp, "repo");
    cpSync(join(ROOT, "prisma"), join(root, "prisma"), { recursive: true });
    const edited = SQLITE_SCHEMA.replace("  note        String\n", "  note        String\n  helpful     Boolean?\n");
    expect(edited).not.toBe(SQLITE_SCHEMA);
    writeFileSync(join(root, "prisma/schema.prisma"), edited);
    const problems = drift(planPostgres(root), root);
    expect(problems).toContain("prisma/postgres/schema.prisma differs from what prisma/schema.prisma generates");
    expect(problems.some((p) => /migrations\/\d+_\w+\/migration\.sql differs/.test(p))).toBe(true);
  }, 60_000);

  it("renders the PostgreSQL schema by swapping the provider and the client folder only", () => {
    const pg = renderPostgresSchema(SQLITE_SCHEMA);
    expect(pg).toContain('provider = "postgresql"');
    expect(pg).toContain('"../../src/store/generated/pg"');
    expect(pg).not.toContain('"sqlite"');
    expect(() => renderPostgresSchema(SQLITE_SCHEMA.replace('"sqlite"', '"mysql"'))).toThrow(/could not find provider = "sqlite"/);
  });
});
