/**
 * The slice of better-sqlite3 the store uses directly (the migrator, tests). The package
 * ships no types and @types/better-sqlite3 is not a dependency; the Prisma adapter
 * imports `Options` from here too.
 */
declare module "better-sqlite3" {
  namespace BetterSqlite3 {
    interface Options {
      readonly?: boolean;
      fileMustExist?: boolean;
      /** Busy timeout in milliseconds (default 5000). */
      timeout?: number;
    }
    interface RunResult {
      changes: number;
      lastInsertRowid: number | bigint;
    }
    interface Statement {
      /** True when the statement returns rows (use all/get), false for run(). */
      readonly reader: boolean;
      run(...params: unknown[]): RunResult;
      get(...params: unknown[]): unknown;
      all(...params: unknown[]): unknown[];
      /** Integers as BigInt (true) or number (false) for this statement. */
      safeIntegers(on?: boolean): this;
    }
    interface Database {
      prepare(sql: string): Statement;
      exec(sql: string): this;
      pragma(source: string, options?: { simple?: boolean }): unknown;
      close(): this;
      readonly inTransaction: boolean;
    }
  }
  const Database: new (filename: string, options?: BetterSqlite3.Options) => BetterSqlite3.Database;
  type Database = BetterSqlite3.Database;
  type Options = BetterSqlite3.Options;
  type Statement = BetterSqlite3.Statement;
  export { Options, Statement };
  export default Database;
}
