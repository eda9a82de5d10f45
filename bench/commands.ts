/**
 * npm run bench:commands [-- --sizes 1000,5000,50000 --stores sqlite,pg --commands 2000
 *                            --commands-50k N --inflight 8 --hot-calls 300 --quick --profile]
 *
 * What a member's command costs, per store and community size (issue #13): a community of N
 * members (20 % volunteers) with a realistic history is seeded into a fresh SQLite file and a
 * fresh PostgreSQL schema, then a mix of commands (status 50 %, request, accept, pick,
 * availability, volunteer 10 % each) runs through handle(), one at a time — and on PostgreSQL
 * also `--inflight` at a time. Each run starts from its own fresh seed. Prints commands answered
 * per second, CPU ms per command (this process only: PostgreSQL's own work is not in it), p50/p99
 * per kind, failures by kind; the hot store operations via Prisma and via a raw prepared
 * statement; with --profile a CPU profile of each sequential run. Then the growth of CPU per
 * command from 1,000 to 50,000 members, the load average, PASS/FAIL per target and one JSON
 * line. Exits 0 whether targets pass or not; non-zero only when the benchmark itself breaks.
 */
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { redact } from "../src/store/url.js";
import { PG_URL } from "../test/store/pg-env.js";
import { openBenchDb, pgReachable, type StoreKind } from "./lib/bench-db.js";
import { type MixResult, reserveFor, runMix, StepClock } from "./lib/command-mix.js";
import {
  cpuGrowth,
  failureLines,
  type HotFigures,
  hotTable,
  profileText,
  type RunFigures,
  runTable,
  type SeedFigures,
  seedTable,
  targetLine,
  targets,
} from "./lib/commands-report.js";
import { type ProfileSummary, profiled, saveProfile, summarise } from "./lib/cpu-profile.js";
import { measureHotOps } from "./lib/hot-ops.js";
import { seedCommunity } from "./lib/seed-community.js";
import { fmt } from "./lib/stats.js";

/** The instant the commands run at: a Wednesday in mid-month, so this month has history. */
const NOW = new Date("2026-03-11T09:00:00Z");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const numbers = (s: string) => s.split(",").map((x) => Number(x.trim()));

const QUICK = process.argv.includes("--quick");
const PROFILE = process.argv.includes("--profile");
const SIZES = numbers(option("sizes") ?? (QUICK ? "300,1000" : "1000,5000,50000"));
const STORES = (option("stores") ?? "sqlite,pg").split(",").map((s) => s.trim()) as StoreKind[];
const COMMANDS = Number(option("commands") ?? (QUICK ? 60 : 2000));
const COMMANDS_50K = Number(option("commands-50k") ?? COMMANDS);
const INFLIGHT = Number(option("inflight") ?? 8);
const HOT_CALLS = Number(option("hot-calls") ?? (QUICK ? 50 : 300));

function checkOptions(): void {
  const bad = [
    ...SIZES.filter((n) => !Number.isInteger(n) || n < 100).map((n) => `--sizes: ${n} is not a whole number ≥ 100`),
    ...STORES.filter((s) => s !== "sqlite" && s !== "pg").map((s) => `--stores: "${s}" is neither sqlite nor pg`),
    ...[COMMANDS, COMMANDS_50K, INFLIGHT, HOT_CALLS]
      .filter((n) => !Number.isInteger(n) || n < 1)
      .map((n) => `${n} is not a positive whole number`),
  ];
  if (bad.length) throw new Error(`bench:commands: ${bad.join("; ")}`);
}

const progress = (s: string) => process.stderr.write(`  ${s}\n`);
/** One run's figures as soon as it ends, so a long benchmark stopped early still told something. */
const ran = (r: RunFigures) =>
  progress(
    `${r.store} ${r.members} ×${r.inflight}: ${fmt(r.perSecond, 1)} cmd/s, CPU ${fmt(r.cpuMsPerCommand, 1)} ms/cmd, ` +
      `p50/p99 ${fmt(r.overall.p50, 1)}/${fmt(r.overall.p99, 1)} ms, request p50/p99 ${fmt(r.kinds.request.p50, 1)}/${fmt(r.kinds.request.p99, 1)} ms, ` +
      `status p50 ${fmt(r.kinds.status.p50, 1)} ms, failed ${r.failed}${r.failures.map((f) => ` (${f.key} ×${f.count})`).join("")}`,
  );

async function main(): Promise<void> {
  checkOptions();
  const stores: StoreKind[] = [];
  for (const s of STORES) {
    if (s !== "pg") stores.push(s);
    else {
      const why = await pgReachable();
      if (why === null) stores.push(s);
      else console.log(`note: PostgreSQL at ${redact(PG_URL)} is unreachable (${why}); skipping it`);
    }
  }
  console.log(
    `bench:commands${QUICK ? " (quick)" : ""} — sizes ${SIZES.join(",")}, stores ${stores.join(",")}, ${COMMANDS} commands per run` +
      `${SIZES.includes(50000) && COMMANDS_50K !== COMMANDS ? ` (${COMMANDS_50K} at 50000)` : ""}, ${INFLIGHT} in flight on pg; load average ${loadavg()
        .map((x) => fmt(x, 2))
        .join(" ")}`,
  );
  const seeds: SeedFigures[] = [];
  const runs: RunFigures[] = [];
  const hot: HotFigures[] = [];
  const profiles: { store: string; members: number; file: string; summary: ProfileSummary }[] = [];

  const fresh = async (store: StoreKind, members: number, commands: number, label: string) => {
    const db = await openBenchDb(store, label);
    try {
      const s = await seedCommunity(db, { members, now: NOW, reserve: reserveFor(commands) });
      seeds.push({ store, members, counts: s.counts, buildMs: s.buildMs, writeMs: s.writeMs });
      progress(`${store} ${members}: seeded in ${fmt((s.buildMs + s.writeMs) / 1000, 1)} s`);
      return { db, model: s.model };
    } catch (e) {
      await db.dispose();
      throw e;
    }
  };

  for (const store of stores) {
    for (const members of SIZES) {
      const commands = members >= 50000 ? COMMANDS_50K : COMMANDS;
      const { db, model } = await fresh(store, members, commands, `cmd${members}`);
      let result: MixResult | undefined;
      try {
        progress(`${store} ${members}: hot operations`);
        for (const h of await measureHotOps(db.store, db.target, model, HOT_CALLS)) hot.push({ ...h, store, members });
        progress(`${store} ${members}: ${commands} commands, one at a time${PROFILE ? " (profiled)" : ""}`);
        const run = () => runMix(db.store, model, new StepClock(NOW.getTime()), { commands, inflight: 1 });
        if (PROFILE) {
          const p = await profiled(run);
          const file = join(tmpdir(), `bench-commands-${store}-${members}-${process.pid}.cpuprofile`);
          saveProfile(p.profile, file);
          profiles.push({ store, members, file, summary: summarise(p.profile) });
          result = p.result;
        } else result = await run();
      } finally {
        const closing = await db.dispose();
        if (result) {
          runs.push({ ...result, store, members, ...closing });
          ran(runs[runs.length - 1] as RunFigures);
        }
      }
      if (store === "pg" && INFLIGHT > 1) {
        const again = await fresh(store, members, commands, `cmd${members}x${INFLIGHT}`);
        let r: MixResult | undefined;
        try {
          progress(`${store} ${members}: ${commands} commands, ${INFLIGHT} in flight`);
          r = await runMix(again.db.store, again.model, new StepClock(NOW.getTime()), { commands, inflight: INFLIGHT });
        } finally {
          const closing = await again.db.dispose();
          if (r) {
            runs.push({ ...r, store, members, ...closing });
            ran(runs[runs.length - 1] as RunFigures);
          }
        }
      }
    }
  }

  const small = Math.min(...SIZES);
  const large = Math.max(...SIZES);
  const growth = cpuGrowth(runs, 1000, 50000);
  const results = targets(runs, hot, growth, stores);
  console.log(`\nSeeding\n${seedTable(seeds)}`);
  console.log(`\nCommands (latencies in ms; CPU is this process's)\n${runTable(runs)}`);
  for (const line of failureLines(runs)) console.log(line);
  console.log(`\nHot store operations, median per call\n${hotTable(hot)}`);
  for (const p of profiles) console.log(`\n${profileText(`${p.store} ${p.members} members, one at a time`, p.summary, p.file)}`);
  const spread = cpuGrowth(runs, small, large);
  console.log(
    `\nCPU per command ${large} / ${small} members: ${
      Object.entries(spread)
        .map(([s, x]) => `${s} ${fmt(x, 2)}×`)
        .join(", ") || "n/a (one size)"
    }; load average ${loadavg()
      .map((x) => fmt(x, 2))
      .join(" ")}`,
  );
  for (const t of results) console.log(targetLine(t));
  console.log(
    JSON.stringify({
      bench: "commands",
      options: {
        sizes: SIZES,
        stores,
        commands: COMMANDS,
        commands50k: COMMANDS_50K,
        inflight: INFLIGHT,
        hotCalls: HOT_CALLS,
        quick: QUICK,
        profile: PROFILE,
      },
      now: NOW.toISOString(),
      loadavg: loadavg(),
      seeds,
      runs,
      hotOps: hot,
      cpuGrowth: { [`${large}/${small}`]: spread, "50000/1000": growth },
      profiles: profiles.map((p) => ({ store: p.store, members: p.members, file: p.file, ...p.summary })),
      targets: results,
    }),
  );
}

// A store whose close hung keeps connections open: exit explicitly once everything is printed.
main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`bench:commands broke: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(1);
  },
);
