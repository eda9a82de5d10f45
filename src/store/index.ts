import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { Store } from "../core/ports/index.js";
import { MemoryStore } from "./memory-store.js";
import { migrate } from "./migrate.js";
import { PrismaStore } from "./prisma-store.js";
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
  const target = parseDatabaseUrl(databaseUrl);
  if (target.kind === "memory") return new MemoryStore();
  if (target.kind === "sqlite") mkdirSync(dirname(resolve(target.file)), { recursive: true });
  await migrate(target);
  return PrismaStore.open(target);
}
