/**
 * Prisma CLI configuration: the JS schema engine with the better-sqlite3 adapter, so
 * `prisma migrate deploy|diff|dev|status` and `db push` work with no native engine download
 * (DESIGN.md §7). Run the CLI as `npm run prisma -- <command>`, which also sets the
 * variables that stop Prisma from trying to download engines. PostgreSQL is migrated by
 * src/store/migrate.ts instead: the JS schema engine cannot introspect it (prisma/orm#27403).
 */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

/**
 * `migrate dev` replays every migration on a shadow database through `executeRaw`, which
 * better-sqlite3 runs with `prepare`: one statement only, so any real migration fails
 * ("External error", P3006). Multi-statement scripts go through `executeScript` instead.
 */
function acceptScripts(adapter: Adapter): Adapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0 || !/;\s*\S/.test(query.sql)) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

class CliSqliteAdapter extends PrismaBetterSQLite3 {
  override async connect(): Promise<Adapter> {
    return acceptScripts(await super.connect());
  }
  override async connectToShadowDb(): Promise<Adapter> {
    return acceptScripts(await super.connectToShadowDb());
  }
}

const url = process.env.DATABASE_URL ?? "file:./data/percolate.db";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (!url.startsWith("file:")) {
      throw new Error(`The Prisma CLI here migrates SQLite only, not ${url.split(":")[0]}: (for PostgreSQL run npm run db:migrate)`);
    }
    const file = url.slice("file:".length);
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    return new CliSqliteAdapter({ url });
  },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
