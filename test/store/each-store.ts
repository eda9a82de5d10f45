import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, it } from "vitest";
import { MemoryStore, openStore, parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";
import { type ContractContext, freshStoreEachTest, type MakeStore } from "./contract.js";
import { pgAvailable, PG_URL } from "./pg-env.js";
import { migratedSchema } from "./pg-schema.js";

const pg = await pgAvailable();

/**
 * Runs `parts` over the three stores the contract suite covers (memory, a real SQLite file through
 * openStore, a migrated PostgreSQL schema), each test on an empty store, as storeContract does.
 * For contract parts kept in their own files.
 */
export function eachStore(title: string, parts: (ctx: ContractContext) => void): void {
  suite(`${title}: MemoryStore`, async () => ({ store: new MemoryStore(), cleanup: async () => {} }), parts);

  const dir = mkdtempSync(join(tmpdir(), "percolate-each-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  suite(
    `${title}: PrismaStore on SQLite`,
    async () => {
      const store = await openStore(`file:${join(dir, `t${++n}`, "percolate.db")}`);
      return { store, cleanup: () => store.close() };
    },
    parts,
  );

  if (!pg) {
    describe.skip(`${title}: PrismaStore on PostgreSQL`, () => {
      it(`needs a PostgreSQL server at ${PG_URL} (or PG_URL)`, () => {});
    });
    return;
  }
  describe(`${title}: PrismaStore on PostgreSQL`, () => {
    const db = migratedSchema(
      title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "_")
        .slice(0, 20),
    );
    const target = parseDatabaseUrl(db.url);
    if (target.kind !== "postgres") throw new Error("expected a PostgreSQL URL");
    suite(
      "",
      async () => {
        await db.truncate();
        const store = await PrismaStore.open(target);
        return { store, cleanup: () => store.close() };
      },
      parts,
    );
  });
}

function suite(name: string, makeStore: MakeStore, parts: (ctx: ContractContext) => void): void {
  const body = () => parts(freshStoreEachTest(makeStore));
  if (name === "") body();
  else describe(name, body);
}
