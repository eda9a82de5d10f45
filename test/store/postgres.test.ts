import { describe, it } from "vitest";
import { parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";
import { storeContract } from "./contract.js";
import { pgAvailable, PG_URL } from "./pg-env.js";
import { migratedSchema } from "./pg-schema.js";

const available = await pgAvailable();

if (!available) {
  describe.skip("Store contract: PrismaStore on PostgreSQL", () => {
    it(`needs a PostgreSQL server at ${PG_URL} (or PG_URL)`, () => {});
  });
} else {
  // One schema for this file, migrated once; each test starts from truncated tables.
  const db = migratedSchema("contract");
  const target = parseDatabaseUrl(db.url);
  if (target.kind !== "postgres") throw new Error("expected a PostgreSQL URL");

  storeContract("PrismaStore on PostgreSQL", async () => {
    await db.truncate();
    const store = await PrismaStore.open(target);
    return { store, cleanup: () => store.close() };
  });
}
