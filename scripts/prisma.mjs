#!/usr/bin/env node
/**
 * Runs the Prisma CLI offline: `node scripts/prisma.mjs <prisma args>`.
 *
 * Prisma 6 downloads native engines on first use unless these variables name existing
 * files; with `engineType = "client"` and the JS schema engine (prisma.config.ts) the
 * native engines are never loaded, so any existing file will do (DESIGN.md §7).
 * Commands that touch a database use DATABASE_URL, default file:./data/percolate.db
 * (prisma.config.ts); the CLI migrates SQLite only (PostgreSQL: npm run db:migrate).
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const self = fileURLToPath(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= self;
env.PRISMA_QUERY_ENGINE_LIBRARY ??= self;
env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";
env.CHECKPOINT_DISABLE ??= "1";

const cli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const run = spawnSync(process.execPath, [cli, ...process.argv.slice(2)], { stdio: "inherit", env });
if (run.error) {
  console.error(`prisma: could not start the CLI (${run.error.message}). Is the "prisma" package installed?`);
  process.exit(1);
}
process.exit(run.status ?? 1);
