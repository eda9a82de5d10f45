import { execFileSync } from "node:child_process";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { migrate, parseDatabaseUrl, type MigrateReport } from "../../src/store/index.js";
import { defaultMigrationsDir, readMigrations } from "../../src/store/migrations.js";
import { freshSchema, pgAvailable } from "./pg-env.js";
import { startWorker } from "./spawn.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let seq = 0;
const pgUp = await pgAvailable();

interface HistoryRow {
  migration_name: string;
  checksum: string;
  finished: boolean;
  applied_steps_count: number;
}

/** A fresh database of one kind, with raw access for assertions. */
interface Db {
  url: string;
  kind: "sqlite" | "postgres";
  query(sql: string): Promise<unknown[]>;
  drop(): Promise<void>;
}

function sqliteDb(): Db {
  const file = join(dir, `m${++seq}.db`);
  const query = async (sql: string) => {
    const db = new Database(file);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all();
      statement.run();
      return [];
    } finally {
      db.close();
    }
  };
  return { url: `file:${file}`, kind: "sqlite", query, drop: async () => {} };
}

function postgresDb(): Db {
  const s = freshSchema("migrate");
  return {
    url: s.url,
    kind: "postgres",
    query: async (sql) => ((await s.sql(`SET search_path TO "${s.schema}"; ${sql}`)) as unknown as { rows: unknown[] }[])[1]?.rows ?? [],
    drop: s.drop,
  };
}

const run = (db: Db, migrationsDir?: string): Promise<MigrateReport> => {
  const target = parseDatabaseUrl(db.url);
  if (target.kind === "memory") throw new Error("unexpected memory URL");
  return migrate(target, migrationsDir === undefined ? {} : { migrationsDir });
};

const history = async (db: Db): Promise<HistoryRow[]> =>
  (await db.query(
    "SELECT migration_name, checksum, finished_at IS NOT NULL AS finished, applied_steps_count FROM _prisma_migrations ORDER BY started_at",
  )) as HistoryRow[];

/** A copy of the shipped migrations for `kind`, to edit in a test. */
function copyMigrations(kind: "sqlite" | "postgres"): string {
  const copy = join(dir, `migrations-${++seq}`);
  cpSync(defaultMigrationsDir(kind), copy, { recursive: true });
  return copy;
}

function addMigration(migrationsDir: string, name: string, sql: string): void {
  mkdirSync(join(migrationsDir, name), { recursive: true });
  writeFileSync(join(migrationsDir, name, "migration.sql"), sql);
}

const kinds: { name: string; make(): Db; skip: boolean }[] = [
  { name: "SQLite", make: sqliteDb, skip: false },
  { name: "PostgreSQL", make: postgresDb, skip: !pgUp },
];

for (const kind of kinds) {
  describe.skipIf(kind.skip)(`migrator on ${kind.name}`, () => {
    it("applies every migration once and records it as Prisma does", async () => {
      const db = kind.make();
      try {
        const shipped = readMigrations(defaultMigrationsDir(db.kind));
        expect(await run(db)).toEqual({ applied: shipped.map((m) => m.name), alreadyApplied: 0 });
        expect(await run(db)).toEqual({ applied: [], alreadyApplied: shipped.length });
        const rows = await history(db);
        expect(rows.map((r) => [r.migration_name, r.checksum, Boolean(r.finished), Number(r.applied_steps_count)])).toEqual(
          shipped.map((m) => [m.name, m.checksum, true, 1]),
        );
        expect(await db.query("SELECT count(*) AS n FROM nudges")).toEqual([{ n: db.kind === "sqlite" ? 0 : "0" }]);
      } finally {
        await db.drop();
      }
    });

    it("backfills the volunteer tag index and the tag counts from the rows already stored", async () => {
      const db = kind.make();
      const before = copyMigrations(db.kind);
      rmSync(join(before, "20261130003000_tag_index"), { recursive: true });
      const at = "'2026-01-01 00:00:00'";
      try {
        await run(db, before);
        await db.query(
          `INSERT INTO volunteer_profiles (community_id, member_id, expertise, bio, capacity_per_month, formats, meeting_link, active, updated_at) VALUES
           ('c1', 'v1', '["ml","ux","ml"]', '', 3, '[]', '', TRUE, ${at}), ('c1', 'v2', '["ml"]', '', 3, '[]', '', FALSE, ${at}),
           ('c1', 'v3', '[]', '', 3, '[]', '', TRUE, ${at}), ('c2', 'v1', '["go"]', '', 3, '[]', '', TRUE, ${at})`,
        );
        await db.query(
          `INSERT INTO seeker_profiles (community_id, member_id, interests, learn, intro, updated_at) VALUES
           ('c1', 's1', '["ml","rust"]', '', '', ${at}), ('c1', 's2', '[]', '', '', ${at})`,
        );
        await db.query(
          `INSERT INTO chat_requests (community_id, id, seeker_id, tags, goals, status, tried, suggestions, created_at, updated_at) VALUES
           ('c1', 'r1', 's1', '["rust","go"]', '', 'open', '[]', '[]', ${at}, ${at})`,
        );
        expect((await run(db)).applied).toEqual(["20261130003000_tag_index"]);
        const postings = await db.query("SELECT community_id, tag, member_id FROM volunteer_tags ORDER BY community_id, tag, member_id");
        expect(postings).toEqual([
          { community_id: "c1", tag: "ml", member_id: "v1" },
          { community_id: "c1", tag: "ux", member_id: "v1" },
          { community_id: "c2", tag: "go", member_id: "v1" },
        ]);
        const counts = (await db.query(
          "SELECT community_id, tag, volunteers, seekers, requests FROM tag_counts ORDER BY community_id, tag",
        )) as {
          community_id: string;
          tag: string;
          volunteers: number;
          seekers: number;
          requests: number;
        }[];
        expect(counts.map((r) => [r.community_id, r.tag, Number(r.volunteers), Number(r.seekers), Number(r.requests)])).toEqual([
          ["c1", "", 2, 1, 1],
          ["c1", "go", 0, 0, 1],
          ["c1", "ml", 2, 1, 0],
          ["c1", "rust", 0, 1, 1],
          ["c1", "ux", 1, 0, 0],
          ["c2", "", 1, 0, 0],
          ["c2", "go", 1, 0, 0],
        ]);
      } finally {
        await db.drop();
      }
    });

    it("applies new migrations in order, each with its history row", async () => {
      const db = kind.make();
      const migrations = copyMigrations(db.kind);
      try {
        await run(db, migrations);
        addMigration(migrations, "29990101000000_b", 'CREATE TABLE "later" ("id" INTEGER NOT NULL, "note" TEXT);');
        addMigration(migrations, "29990101000000_a", 'CREATE TABLE "later_parent" ("id" INTEGER NOT NULL);');
        expect((await run(db, migrations)).applied).toEqual(["29990101000000_a", "29990101000000_b"]);
        expect((await history(db)).map((r) => r.migration_name).slice(-2)).toEqual(["29990101000000_a", "29990101000000_b"]);
        expect(await db.query('SELECT count(*) AS n FROM "later"')).toHaveLength(1);
      } finally {
        await db.drop();
      }
    });

    it("refuses to start when an applied migration was edited", async () => {
      const db = kind.make();
      const migrations = copyMigrations(db.kind);
      try {
        await run(db, migrations);
        const [first] = readMigrations(migrations);
        appendFileSync(join(migrations, first?.name ?? "", "migration.sql"), "\n-- an innocent-looking edit\n");
        await expect(run(db, migrations)).rejects.toThrow(/was edited after it was applied.*restore the file/);
      } finally {
        await db.drop();
      }
    });

    it("refuses a database that has a migration this code does not ship, or one that never finished", async () => {
      const db = kind.make();
      const migrations = copyMigrations(db.kind);
      try {
        addMigration(migrations, "29990101000000_extra", 'CREATE TABLE "extra" ("id" INTEGER NOT NULL);');
        await run(db, migrations);
        await expect(run(db)).rejects.toThrow(/29990101000000_extra applied, but this code does not ship it/);
        await db.query("UPDATE _prisma_migrations SET finished_at = NULL WHERE migration_name = '29990101000000_extra'");
        await expect(run(db, migrations)).rejects.toThrow(/29990101000000_extra started earlier and never finished/);
      } finally {
        await db.drop();
      }
    });

    it("rolls a failing migration back entirely and records nothing for it", async () => {
      const db = kind.make();
      const migrations = copyMigrations(db.kind);
      try {
        await run(db, migrations);
        addMigration(migrations, "29990101000000_broken", 'CREATE TABLE "half" ("id" INTEGER);\nINSERT INTO "no_such_table" VALUES (1);');
        await expect(run(db, migrations)).rejects.toThrow(/Migration 29990101000000_broken failed .* rolled back/);
        expect((await history(db)).map((r) => r.migration_name)).not.toContain("29990101000000_broken");
        await expect(db.query('SELECT * FROM "half"')).rejects.toThrow();
      } finally {
        await db.drop();
      }
    });

    it("is safe when several processes start on a fresh database at once", async () => {
      const db = kind.make();
      try {
        const workers = Array.from({ length: 3 }, () => startWorker("migrate-worker.ts", [db.url]));
        await Promise.all(workers.map((w) => w.ready));
        for (const w of workers) w.go();
        const reports = (await Promise.all(workers.map((w) => w.result))).map((line) => JSON.parse(line) as MigrateReport);
        const shipped = readMigrations(defaultMigrationsDir(db.kind)).map((m) => m.name);
        expect(reports.flatMap((r) => r.applied).sort()).toEqual(shipped);
        expect((await history(db)).map((r) => r.migration_name)).toEqual(shipped);
      } finally {
        await db.drop();
      }
    }, 60_000);
  });
}

describe("migrator and Prisma Migrate agree (SQLite)", () => {
  const prisma = (args: string[], url: string) =>
    execFileSync(process.execPath, ["scripts/prisma.mjs", ...args], {
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });

  it("prisma migrate status finds our database up to date", async () => {
    const db = sqliteDb();
    await run(db);
    expect(prisma(["migrate", "status"], db.url)).toContain("Database schema is up to date!");
  });

  it("our migrator accepts a database prisma migrate deploy created", async () => {
    const db = sqliteDb();
    prisma(["migrate", "deploy"], db.url);
    expect(await run(db)).toEqual({ applied: [], alreadyApplied: readMigrations(defaultMigrationsDir("sqlite")).length });
  });

  it("sets WAL so several processes can share the file", async () => {
    const db = sqliteDb();
    await run(db);
    expect(await db.query("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
  });
});
