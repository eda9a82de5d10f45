import { afterAll, beforeAll } from "vitest";
import { openStore } from "../../src/store/index.js";
import { freshSchema } from "./pg-env.js";

/**
 * A fresh schema migrated once for the calling test file (its own beforeAll/afterAll hooks), and
 * `truncate()` to empty every table but the migrations' before a test opens its store.
 */
export function migratedSchema(label: string): ReturnType<typeof freshSchema> & { truncate(): Promise<void> } {
  const db = freshSchema(label);
  let tables = "";
  beforeAll(async () => {
    await (await openStore(db.url)).close();
    const found = await db.sql(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = '${db.schema}' AND table_name <> '_prisma_migrations'`,
    );
    tables = found.rows.map((r: { table_name: string }) => `"${db.schema}"."${r.table_name}"`).join(", ");
  });
  afterAll(() => db.drop());
  return { ...db, truncate: async () => void (await db.sql(`TRUNCATE ${tables}`)) };
}
