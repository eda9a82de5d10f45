/**
 * Bulk writers for seeding: rows as the store's mappers make them (`memberToRow` …), written
 * with multi-row INSERTs inside one transaction — a prepared statement per chunk size on
 * better-sqlite3, one parameterised statement per chunk on PostgreSQL. Also the reverse
 * conversion (a raw SQL row back to the mapper's row shape) for the raw-statement comparison.
 */
import Database from "better-sqlite3";
import pg from "pg";

/** Prisma fields are camelCase, columns snake_case (every model maps them this way). */
export const column = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const field = (col: string): string => col.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

const DATE_COLUMNS = new Set([
  "created_at",
  "updated_at",
  "paused_until",
  "offered_at",
  "deadline",
  "responded_at",
  "outcome_at",
  "booked_at",
  "waitlisted_at",
  "due_at",
  "lease_until",
  "sent_at",
]);
const BOOL_COLUMNS = new Set(["time_zone_confirmed", "forgotten", "active"]);

/** A raw row (snake_case, dates as text or Date, booleans as 0/1 or boolean) in the mapper's row shape. */
export function fromSqlRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[field(k)] =
      v === null ? null : DATE_COLUMNS.has(k) ? (v instanceof Date ? v : new Date(v as string)) : BOOL_COLUMNS.has(k) ? Boolean(v) : v;
  }
  return out as T;
}

/** Writes rows of one table; `rows` are mapper rows (camelCase fields). */
export interface BulkSink {
  insert(table: string, rows: readonly object[]): Promise<void>;
  /** Commits everything inserted and closes the connection. */
  commit(): Promise<void>;
}

/** The instant format the Prisma SQLite adapter writes. */
const sqliteValue = (v: unknown): unknown =>
  v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "boolean" ? (v ? 1 : 0) : v;

/** One transaction on a SQLite file (already migrated). */
export function sqliteSink(file: string): BulkSink {
  const db = new Database(file, { timeout: 30_000 });
  db.exec("BEGIN IMMEDIATE");
  const statements = new Map<string, ReturnType<typeof db.prepare>>();
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (first === undefined) return;
      const fields = Object.keys(first);
      const chunk = Math.max(1, Math.floor(30_000 / fields.length / 2));
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        const key = `${table}:${part.length}`;
        let st = statements.get(key);
        if (!st) {
          const tuple = `(${fields.map(() => "?").join(", ")})`;
          const sql = `INSERT INTO "${table}" (${fields.map((f) => `"${column(f)}"`).join(", ")}) VALUES ${part.map(() => tuple).join(", ")}`;
          st = db.prepare(sql);
          statements.set(key, st);
        }
        st.run(...part.flatMap((r) => fields.map((f) => sqliteValue((r as Record<string, unknown>)[f]))));
      }
    },
    async commit() {
      db.exec("COMMIT");
      db.close();
    },
  };
}

/** Dates as UTC text: the columns are `timestamp without time zone`, written in UTC by Prisma. */
const pgValue = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/** One transaction in a PostgreSQL schema (already migrated). */
export async function pgSink(connectionString: string, schema: string): Promise<BulkSink> {
  const client = new pg.Client({ connectionString, options: `-c search_path="${schema}"` });
  await client.connect();
  await client.query("BEGIN");
  return {
    async insert(table, rows) {
      const first = rows[0];
      if (first === undefined) return;
      const fields = Object.keys(first);
      const chunk = Math.max(1, Math.floor(60_000 / fields.length));
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        const values: unknown[] = [];
        const tuples = part.map((r) => {
          const ps = fields.map((f) => {
            values.push(pgValue((r as Record<string, unknown>)[f]));
            return `$${values.length}`;
          });
          return `(${ps.join(", ")})`;
        });
        await client.query(
          `INSERT INTO "${table}" (${fields.map((f) => `"${column(f)}"`).join(", ")}) VALUES ${tuples.join(", ")}`,
          values,
        );
      }
    },
    async commit() {
      await client.query("COMMIT");
      await client.end();
    },
  };
}
