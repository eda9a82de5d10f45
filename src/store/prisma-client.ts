import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import type { Prisma, PrismaClient } from "./generated/sqlite/client.js";
import { PercolateError } from "../core/result.js";
import { pgAdapter } from "./pg-adapter.js";
import { prismaRows, type RowReader, SqliteRows } from "./sqlite-rows.js";
import type { DatabaseTarget } from "./url.js";

/**
 * The Prisma client the store talks to. Prisma 6 compiles queries per provider, so
 * PostgreSQL gets its own client generated from prisma/postgres/schema.prisma (the SQLite
 * client refuses the pg adapter). Both come from the same models, so the store is typed
 * against the SQLite client and uses only what both offer.
 */
export type Db = PrismaClient;
/** The client inside an interactive transaction. */
export type DbTx = Prisma.TransactionClient;
/** Which SQL the raw statements speak. */
export type Dialect = "sqlite" | "postgres";

/** Milliseconds a SQLite connection waits for another process's write lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Opens a client for a SQLite file or a PostgreSQL schema, with the right generated client. */
export async function createDb(target: Exclude<DatabaseTarget, { kind: "memory" }>): Promise<{ db: Db; dialect: Dialect }> {
  if (target.kind === "sqlite") {
    const { PrismaClient: SqliteClient } = await generated(() => import("./generated/sqlite/client.js"));
    const adapter = new PrismaBetterSQLite3({ url: `file:${target.file}`, timeout: SQLITE_BUSY_TIMEOUT_MS });
    let connection: Database | null = null;
    // Keep hold of the connection the adapter opens, so the hot reads can run on it (SqliteRows).
    const connect = adapter.connect.bind(adapter);
    adapter.connect = async () => {
      const opened = await connect();
      connection = connectionOf(opened);
      return opened;
    };
    const db = new SqliteClient({ adapter });
    sqliteReaders.set(db, new SqliteRows(() => connection));
    // WAL itself is set by the migrator (it sticks to the file); this is per connection.
    // NORMAL in WAL mode never corrupts; a power cut may lose the last commits.
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    return { db, dialect: "sqlite" };
  }
  const { PrismaClient: PgClient } = await generated(() => import("./generated/pg/client.js"));
  const adapter = pgAdapter(
    // search_path makes raw SQL find the tables; `schema` qualifies Prisma's own queries.
    { connectionString: target.connectionString, options: `-c search_path="${target.schema}"` },
    { schema: target.schema },
  );
  // Same models, same delegates: the generated PostgreSQL client differs from the SQLite one
  // only in provider-specific options the store never passes.
  const db = new PgClient({ adapter }) as unknown as Db;
  return { db, dialect: "postgres" };
}

const sqliteReaders = new WeakMap<Db, SqliteRows>();

/**
 * How the store's hot reads run inside transaction `t` of `db`: on SQLite straight on the
 * adapter's connection with cached prepared statements, elsewhere through `$queryRaw`.
 */
export function rowReaderFor(db: Db, t: DbTx): RowReader {
  return sqliteReaders.get(db) ?? prismaRows(t);
}

/** The better-sqlite3 connection inside the adapter (a public field of its class, not typed as one). */
function connectionOf(adapter: object): Database | null {
  const client = (adapter as { client?: unknown }).client;
  const looksRight = typeof client === "object" && client !== null && "prepare" in client && "inTransaction" in client;
  return looksRight ? (client as Database) : null;
}

/** Loads a generated client, or says how to generate it (npm install does, via postinstall). */
async function generated<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    if ((e as { code?: unknown }).code !== "ERR_MODULE_NOT_FOUND") throw e;
    throw new PercolateError("The Prisma client is not generated (src/store/generated is missing): run npm run db:generate", { cause: e });
  }
}
