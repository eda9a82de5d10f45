import { randomBytes } from "node:crypto";
import pg from "pg";
import { redact } from "../../src/store/url.js";

/** The PostgreSQL server the store tests use: PG_URL, or the local one with trust auth. */
export const PG_URL = process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

/**
 * Whether PostgreSQL tests can run. Unreachable is a skip (with a message) on a developer
 * machine, but a failure when CI=true or PG_URL was set explicitly: then a missing server
 * is a broken setup, not a choice.
 */
export async function pgAvailable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch (e) {
    const why = `PostgreSQL is unreachable at ${redact(PG_URL)} (${(e as Error).message})`;
    if (process.env.CI === "true" || process.env.PG_URL !== undefined) {
      throw new Error(`${why}. CI=true or PG_URL requires it: start the server or fix PG_URL.`, { cause: e });
    }
    console.warn(`Skipping PostgreSQL store tests: ${why}. Start it or set PG_URL to run them.`);
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A uniquely named, not yet existing schema and its URL; `drop` removes it and everything in it. */
export function freshSchema(label: string): {
  schema: string;
  url: string;
  drop(): Promise<void>;
  sql(text: string): Promise<pg.QueryResult>;
} {
  const schema = `percolate_${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  const sql = async (text: string) => {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      return await client.query(text);
    } finally {
      await client.end();
    }
  };
  return { schema, url: url.toString(), sql, drop: async () => void (await sql(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)) };
}
