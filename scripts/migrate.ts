/**
 * Applies pending migrations to DATABASE_URL (default file:./data/percolate.db) with the
 * same migrator the bot runs at start: `npm run db:migrate`. Works for SQLite and
 * PostgreSQL (`?schema=` honoured).
 */
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { migrate, parseDatabaseUrl } from "../src/store/index.js";
import { redact } from "../src/store/url.js";

const url = process.env.DATABASE_URL ?? "file:./data/percolate.db";
try {
  const target = parseDatabaseUrl(url);
  if (target.kind === "memory") {
    console.log("DATABASE_URL is memory:, which keeps nothing: there is nothing to migrate.");
  } else {
    if (target.kind === "sqlite") mkdirSync(dirname(resolve(target.file)), { recursive: true });
    const report = await migrate(target);
    const applied = report.applied.length === 0 ? "nothing new" : report.applied.join(", ");
    console.log(`${redact(url)}: applied ${applied}; ${report.alreadyApplied} migration(s) were already there.`);
  }
} catch (e) {
  console.error(`Migrating ${redact(url)} failed: ${(e as Error).message}`);
  process.exitCode = 1;
}
