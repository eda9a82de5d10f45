/**
 * The batch round at scale: one community of 50,000 members (10,000 volunteers, 450 queued
 * requests by default), seeded in bulk into a fresh SQLite file (or a PostgreSQL schema with
 * --pg), then one matchQueue round, timed, in a process that did nothing else (the seeding runs
 * in a child process, so peak RSS is the round's own).
 *
 *   npm run bench:round                       # SQLite, 50,000 members
 *   npm run bench:round -- --pg               # PostgreSQL (PG_URL or the local server)
 *   npm run bench:round -- --members 5000 --volunteers 1000 --queued 5000
 *
 * Prints a table, then one JSON line. Target: seconds, under 500 MB.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { matchQueue } from "../src/core/use-cases/index.js";
import { openStore } from "../src/store/index.js";
import { MONDAY, world } from "../test/support/world.js";
import { bulkSeed } from "./lib/bulk-seed.js";
import { queueCommunity } from "./lib/queue-community.js";
import { table } from "./lib/stats.js";

const COMMUNITY = "bench:round";
const MB = 1024 * 1024;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`--${name} takes a number`);
  return v;
}

const shape = { members: arg("members", 50_000), volunteers: arg("volunteers", 10_000), queued: arg("queued", 450) };

async function seedOnly(url: string): Promise<void> {
  const started = performance.now();
  await bulkSeed(url, queueCommunity({ communityId: COMMUNITY, ...shape, now: MONDAY }));
  console.log(JSON.stringify({ seedMs: Math.round(performance.now() - started) }));
}

async function main(): Promise<void> {
  const i = process.argv.indexOf("--seed-into");
  const into = process.argv[i + 1];
  if (i >= 0 && into) return seedOnly(into);

  const usePg = process.argv.includes("--pg");
  const dir = mkdtempSync(join(tmpdir(), "percolate-round-"));
  const pgBase = process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
  const schema = `percolate_bench_round_${process.pid}`;
  const url = usePg ? `${pgBase}${pgBase.includes("?") ? "&" : "?"}schema=${schema}` : `file:${join(dir, "round.db")}`;
  try {
    await (await openStore(url)).close();
    const self = fileURLToPath(import.meta.url);
    const seeded = spawnSync(process.execPath, [...process.execArgv, self, ...process.argv.slice(2), "--seed-into", url], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (seeded.status !== 0) throw new Error(`seeding failed (exit ${seeded.status})`);
    const { seedMs } = JSON.parse(seeded.stdout.trim().split("\n").at(-1) ?? "{}") as { seedMs: number };

    const store = await openStore(url);
    const w = world({ store, community: COMMUNITY });
    const rssBefore = process.memoryUsage().rss;
    const started = performance.now();
    const report = await matchQueue(w.deps, { communityId: COMMUNITY });
    const roundMs = performance.now() - started;
    const peakRss = process.resourceUsage().maxRSS * 1024;
    await store.close();

    const figures = {
      bench: "round",
      engine: usePg ? "postgres" : "sqlite",
      ...shape,
      considered: report.considered,
      offered: report.offered,
      seedMs,
      roundMs: Math.round(roundMs),
      rssBeforeMb: Math.round(rssBefore / MB),
      peakRssMb: Math.round(peakRss / MB),
      load1: Number((await import("node:os")).loadavg()[0]?.toFixed(2)),
    };
    console.log(
      table(
        ["engine", "members", "volunteers", "queued", "offered", "seed s", "round s", "peak RSS MB", "load"],
        [
          [
            figures.engine,
            String(shape.members),
            String(shape.volunteers),
            String(shape.queued),
            String(report.offered),
            (seedMs / 1000).toFixed(1),
            (roundMs / 1000).toFixed(2),
            String(figures.peakRssMb),
            String(figures.load1),
          ],
        ],
      ),
    );
    console.log("target: round in seconds (not 46 s), peak RSS under 500 MB");
    console.log(JSON.stringify(figures));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (usePg) {
      const c = new pg.Client({ connectionString: pgBase });
      await c.connect();
      await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await c.end();
    }
  }
}

await main();
