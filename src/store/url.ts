import { PercolateError } from "../core/result.js";

/** Where the store lives, parsed from DATABASE_URL. */
export type DatabaseTarget =
  | { kind: "memory" }
  | { kind: "sqlite"; file: string }
  | { kind: "postgres"; connectionString: string; schema: string };

const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/**
 * Parses a database URL: `memory:` (throwaway, in process), `file:./data/percolate.db`
 * (SQLite, path relative to the working directory) or `postgresql://…[?schema=name]`
 * (PostgreSQL; the schema defaults to `public`, as with Prisma).
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url === "memory:") return { kind: "memory" };
  if (url.startsWith("file:")) {
    const file = decodeURIComponent(url.slice("file:".length).replace(/\?.*$/, ""));
    if (file === "" || file === ":memory:") {
      throw new PercolateError(`DATABASE_URL ${url} names no file; use file:./data/percolate.db, or memory: for a throwaway store`);
    }
    return { kind: "sqlite", file };
  }
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
    const parsed = new URL(url);
    const schema = parsed.searchParams.get("schema") ?? "public";
    if (!SCHEMA_NAME.test(schema)) {
      throw new PercolateError(`DATABASE_URL schema "${schema}" must be a plain identifier (letters, digits, underscores)`);
    }
    parsed.searchParams.delete("schema");
    return { kind: "postgres", connectionString: parsed.toString(), schema };
  }
  throw new PercolateError(
    `DATABASE_URL "${redact(url)}" is not supported: use file:./data/percolate.db (SQLite), ` +
      "postgresql://user:password@host:5432/db (PostgreSQL) or memory: (in process, nothing kept)",
  );
}

/**
 * The URL with its password hidden, for messages: everything after the user name up to the
 * last `@` (a password may itself hold `@`, `:` or `/`), and control characters removed so the
 * message stays one line.
 */
export function redact(url: string): string {
  const oneLine = [...url].filter((ch) => ch >= " " && ch !== "\u007f").join("");
  return oneLine.replace(/^([a-z][a-z0-9+.-]*:\/\/)(.*)@/i, (_all, scheme: string, userinfo: string) => {
    const colon = userinfo.indexOf(":");
    return colon >= 0 ? `${scheme}${userinfo.slice(0, colon)}:***@` : `${scheme}${userinfo}@`;
  });
}
