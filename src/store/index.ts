import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Store } from "../core/ports/index.js";
import { PercolateError } from "../core/result.js";
import { MemoryStore } from "./memory-store.js";
import { migrate } from "./migrate.js";
import { PrismaStore } from "./prisma-store.js";
import { storeOpenError } from "./open-errors.js";
import { parseDatabaseUrl } from "./url.js";

export { MemoryStore } from "./memory-store.js";
export { PrismaStore } from "./prisma-store.js";
export { migrate, type MigrateReport } from "./migrate.js";
export { parseDatabaseUrl, type DatabaseTarget } from "./url.js";

/**
 * Opens the store DATABASE_URL names, ready to use: `memory:` gives a MemoryStore;
 * `file:…` creates the file's folder (./data by default) and a SQLite database; a
 * `postgresql://` URL (optionally `?schema=name`) uses PostgreSQL. Pending migrations are
 * applied first, safely when several processes start together.
 */
export async function openStore(databaseUrl: string): Promise<Store> {
  // Any filesystem or driver failure becomes one line naming DATABASE_URL, without its password.
  try {
    const target = parseDatabaseUrl(databaseUrl);
    if (target.kind === "memory") return new MemoryStore();
    if (target.kind === "sqlite") mkdirSync(dirname(resolve(target.file)), { recursive: true });
    await migrate(target);
    return await PrismaStore.open(target);
  } catch (e) {
    if (e instanceof PercolateError && e.message.startsWith("DATABASE_URL")) throw e;
    throw storeOpenError(e, databaseUrl);
  }
}
