import { afterAll, beforeAll, describe, it } from "vitest";
import { openStore, parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";
import { storeContract } from "./contract.js";
import { freshSchema, pgAvailable, PG_URL } from "./pg-env.js";

const available = await pgAvailable();

if (!available) {
  describe.skip("Store contract: PrismaStore on PostgreSQL", () => {
    it(`needs a PostgreSQL server at ${PG_URL} (or PG_URL)`, () => {});
  });
} else {
  // One schema for this file, migrated once; each test starts from truncated tables.
  const db = freshSchema("contract");
  const target = parseDatabaseUrl(db.url);
  if (target.kind !== "postgres") throw new Error("expected a PostgreSQL URL");
  let tables = "";
  beforeAll(async () => {
    await (await openStore(db.url)).close();
    const found = await db.sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${db.schema}' AND table_name <> '_prisma_migrations'`,
    );
    tables = found.rows.map((r: { table_name: string }) => `"${db.schema}"."${r.table_name}"`).join(", ");
  });
  afterAll(() => db.drop());

  storeContract("PrismaStore on PostgreSQL", async () => {
    await db.sql(`TRUNCATE ${tables}`);
    const store = await PrismaStore.open(target);
    return { store, cleanup: () => store.close() };
  });
}
