/**
 * Fresh, migrated databases for a benchmark run: a SQLite file in a temp folder or a new
 * PostgreSQL schema (created and dropped the way the store tests do), opened as the Store
 * exactly as the bot opens it (`openStore`), with a bulk writer for seeding.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Store } from "../../src/core/ports/index.js";
import { openStore } from "../../src/store/index.js";
import { freshSchema, PG_URL } from "../../test/store/pg-env.js";
import { type BulkSink, pgSink, sqliteSink } from "./bulk-insert.js";

export type StoreKind = "sqlite" | "pg";

/** Where the rows live, for raw connections beside the store. */
export type RawTarget = { kind: "sqlite"; file: string } | { kind: "pg"; connectionString: string; schema: string };

export interface BenchDb {
  target: RawTarget;
  store: Store;
  /** A writer inside one transaction, for seeding. */
  sink(): Promise<BulkSink>;
  /**
   * Closes the store (waiting at most CLOSE_WAIT_MS: a close that hangs is reported, not waited
   * for) and removes the file or schema.
   */
  dispose(): Promise<Closing>;
}

/** How closing the store went. */
export interface Closing {
  closeMs: number;
  closed: boolean;
}
const CLOSE_WAIT_MS = 10_000;

async function closeStore(store: Store): Promise<Closing> {
  const t = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    store.close().then(() => true),
    new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(false), CLOSE_WAIT_MS);
    }),
  ]);
  clearTimeout(timer);
  return { closeMs: performance.now() - t, closed };
}

/** Whether PostgreSQL answers at PG_URL; the reason when it does not. */
export async function pgReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A fresh database of `kind`, migrated and opened through openStore. */
export async function openBenchDb(kind: StoreKind, label: string): Promise<BenchDb> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `percolate-bench-${label}-`));
    const file = join(dir, "bench.db");
    const store = await openStore(`file:${file}`);
    return {
      target: { kind: "sqlite", file },
      store,
      sink: async () => sqliteSink(file),
      dispose: async () => {
        const closing = await closeStore(store);
        rmSync(dir, { recursive: true, force: true });
        return closing;
      },
    };
  }
  const fresh = freshSchema(label);
  const store = await openStore(fresh.url);
  return {
    target: { kind: "pg", connectionString: PG_URL, schema: fresh.schema },
    store,
    sink: () => pgSink(PG_URL, fresh.schema),
    dispose: async () => {
      const closing = await closeStore(store);
      // A transaction left open by a hung command would block the drop for ever: give up after a while and say so.
      await fresh.sql(`SET lock_timeout = '10s'; DROP SCHEMA IF EXISTS "${fresh.schema}" CASCADE`).catch((e: unknown) => {
        process.stderr.write(`  could not drop schema ${fresh.schema} (${(e as Error).message}); drop it by hand\n`);
      });
      return closing;
    },
  };
}
