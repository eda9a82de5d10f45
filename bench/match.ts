/**
 * npm run bench:match [-- --quick]
 *
 * The matching engine on seeded synthetic communities (see lib/synth.ts).
 * - 200×50, 1,000×200, 2,000×500 (requests × volunteers): our objective against HiGHS solving
 *   the same problem (every eligible pair, no pruning) as an LP and as a MIP — the gap must be 0
 *   to rounding on every seed — and against greedy (best pair first) and random assignment.
 * - 10,000×2,000, 50,000×10,000 and 100,000×20,000: wall time (median of runs in one process),
 *   CPU time, peak RSS, matched share, volunteer-load Gini, certification rounds. Each size runs
 *   in its own child process so its peak RSS is its own.
 * Targets: 50,000×10,000 in ≤ 1,000 ms (median), and the last doubling (50,000×10,000 →
 * 100,000×20,000) costing ≤ ×2.5 — near n log n, where ×2 is linear. Both print PASS/FAIL.
 * Prints one table row per size, then one JSON line with every figure.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { topCandidates } from "../src/core/matching/candidates.js";
import { assignBatch, assignGreedy, assignRandom } from "../src/core/matching/index.js";
import { buildProblem } from "../src/core/matching/problem.js";
import { solveWithHighs } from "./lib/highs.js";
import { fmt, gini, loads, mean, median, table } from "./lib/stats.js";
import { benchGrid, MaskCache, synthBatch, vocabFor, type SynthBatch } from "./lib/synth.js";

const QUICK = process.argv.includes("--quick");
const SMALL: readonly [number, number][] = [
  [200, 50],
  [1000, 200],
  [2000, 500],
];
const LARGE: readonly [number, number][] = [
  [10000, 2000],
  [50000, 10000],
  [100000, 20000],
];
const TARGET_MS = 1000; // 50,000×10,000, median wall time
const TARGET_DOUBLING = 2.5; // median(100,000×20,000) / median(50,000×10,000)
const SMALL_SEEDS = QUICK ? [1, 2] : [1, 2, 3, 4, 5];
const LARGE_SEED = 1;
const LARGE_RUNS = QUICK ? 3 : 7;
const GAP_TOLERANCE = 1e-6; // score points; HiGHS works in floating point

const roomOf = (b: SynthBatch): string[] => b.candidates.filter((c) => c.capacityPerMonth - c.usedThisMonth > 0).map((c) => c.volunteerId);

interface SmallFigures {
  size: string;
  seed: number;
  ours: number;
  lp: number;
  mip: number;
  gap: number;
  lpIntegral: boolean;
  greedy: number;
  random: number;
  vsGreedy: number;
  vsRandom: number;
  matched: number;
  matchedGreedy: number;
  matchedRandom: number;
  giniOurs: number;
  giniGreedy: number;
  giniRandom: number;
  oursMs: number;
  highsLpSeconds: number;
  highsMipSeconds: number;
  eligiblePairs: number;
}

async function small(requests: number, volunteers: number, seed: number, cache: MaskCache): Promise<SmallFigures> {
  const b = synthBatch(requests, volunteers, seed, cache);
  const t = performance.now();
  const ours = assignBatch(b.askers, b.candidates, b.w);
  const oursMs = performance.now() - t;
  const greedy = assignGreedy(b.askers, b.candidates, b.w);
  const random = assignRandom(b.askers, b.candidates, b.w, seed);
  const P = buildProblem(b.askers, b.candidates, b.w);
  const all = topCandidates(P, Math.max(1, P.nV)).edges;
  const lp = await solveWithHighs(P, all, "lp");
  const mip = await solveWithHighs(P, all, "mip");
  if (lp.status !== "optimal" || mip.status !== "optimal") throw new Error(`HiGHS: ${lp.status} / ${mip.status}`);
  const room = roomOf(b);
  return {
    size: `${requests}x${volunteers}`,
    seed,
    ours: ours.objective,
    lp: lp.objective,
    mip: mip.objective,
    gap: Math.max(Math.abs(ours.objective - lp.objective), Math.abs(ours.objective - mip.objective)),
    lpIntegral: lp.maxFractionality < 1e-9,
    greedy: greedy.objective,
    random: random.objective,
    vsGreedy: ours.objective / greedy.objective,
    vsRandom: ours.objective / random.objective,
    matched: ours.pairs.length,
    matchedGreedy: greedy.pairs.length,
    matchedRandom: random.pairs.length,
    giniOurs: gini(loads(ours.pairs, room)),
    giniGreedy: gini(loads(greedy.pairs, room)),
    giniRandom: gini(loads(random.pairs, room)),
    oursMs,
    highsLpSeconds: lp.seconds,
    highsMipSeconds: mip.seconds,
    eligiblePairs: all.col.length,
  };
}

interface LargeFigures {
  size: string;
  seed: number;
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  medianCpuMs: number;
  peakRssMB: number;
  inputRssMB: number;
  matched: number;
  matchedShare: number;
  slotShare: number;
  gini: number;
  rounds: number;
  initialEdges: number;
  addedEdges: number;
  examinedPairs: number;
  generateMs: number;
}

/** Runs in a child process: one large size, several timed runs. */
function largeChild(requests: number, volunteers: number, seed: number, runs: number): LargeFigures {
  const g0 = performance.now();
  const b = synthBatch(requests, volunteers, seed, new MaskCache(benchGrid()));
  const generateMs = performance.now() - g0;
  const inputRssMB = process.memoryUsage().rss / 1e6;
  const walls: number[] = [];
  const cpus: number[] = [];
  let last: ReturnType<typeof assignBatch> | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t = performance.now();
    last = assignBatch(b.askers, b.candidates, b.w);
    walls.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  if (!last) throw new Error("no runs");
  const slots = b.candidates.reduce((s, c) => s + Math.max(0, c.capacityPerMonth - c.usedThisMonth), 0);
  return {
    size: `${requests}x${volunteers}`,
    seed,
    runs,
    medianMs: median(walls),
    minMs: Math.min(...walls),
    maxMs: Math.max(...walls),
    medianCpuMs: median(cpus),
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    inputRssMB,
    matched: last.pairs.length,
    matchedShare: last.pairs.length / requests,
    slotShare: last.pairs.length / slots,
    gini: gini(loads(last.pairs, roomOf(b))),
    rounds: last.stats.rounds,
    initialEdges: last.stats.initialEdges,
    addedEdges: last.stats.addedEdges,
    examinedPairs: last.stats.examinedPairs,
    generateMs,
  };
}

function large(requests: number, volunteers: number): LargeFigures {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, self, "--child", String(requests), String(volunteers), String(LARGE_SEED), String(LARGE_RUNS)],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`child for ${requests}x${volunteers} failed:\n${child.stderr}`);
  return JSON.parse(line) as LargeFigures;
}

interface ScaleTargets {
  ms50k: number;
  ms50kPass: boolean;
  /** Median wall time at 100,000×20,000 over that at 50,000×10,000 (and the same for CPU time). */
  lastDoubling: number;
  lastDoublingPass: boolean;
  lastDoublingCpu: number;
}

function scaleTargets(figures: readonly LargeFigures[]): ScaleTargets {
  const at = (size: string): LargeFigures => {
    const f = figures.find((x) => x.size === size);
    if (!f) throw new Error(`no figures for ${size}`);
    return f;
  };
  const half = at("50000x10000");
  const full = at("100000x20000");
  const lastDoubling = full.medianMs / half.medianMs;
  return {
    ms50k: half.medianMs,
    ms50kPass: half.medianMs <= TARGET_MS,
    lastDoubling,
    lastDoublingPass: lastDoubling <= TARGET_DOUBLING,
    lastDoublingCpu: full.medianCpuMs / half.medianCpuMs,
  };
}

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const [r, v, seed, runs] = process.argv.slice(childAt + 1, childAt + 5).map(Number) as [number, number, number, number];
    console.log(JSON.stringify(largeChild(r, v, seed, runs)));
    return;
  }
  const load = loadavg()[0] ?? 0;
  console.log(
    `bench:match${QUICK ? " (quick)" : ""} — seeds ${SMALL_SEEDS.join(",")} for exactness, seed ${LARGE_SEED} × ${LARGE_RUNS} runs for scale; load average ${fmt(load, 2)}`,
  );
  const cache = new MaskCache(benchGrid());
  const smallFigures: SmallFigures[] = [];
  const smallRows: string[][] = [];
  for (const [r, v] of SMALL) {
    const per: SmallFigures[] = [];
    for (const seed of SMALL_SEEDS) {
      process.stderr.write(`  ${r}x${v} seed ${seed}…\n`);
      per.push(await small(r, v, seed, cache));
    }
    smallFigures.push(...per);
    const maxGap = Math.max(...per.map((f) => f.gap));
    smallRows.push([
      `${r}x${v}`,
      String(vocabFor(r + v)),
      fmt(mean(per.map((f) => f.ours)), 2),
      fmt(maxGap, 9),
      maxGap <= GAP_TOLERANCE && per.every((f) => f.lpIntegral) ? "yes" : "NO",
      `${fmt(Math.min(...per.map((f) => f.vsGreedy)), 4)}–${fmt(Math.max(...per.map((f) => f.vsGreedy)), 4)}`,
      `${fmt(Math.min(...per.map((f) => f.vsRandom)), 3)}–${fmt(Math.max(...per.map((f) => f.vsRandom)), 3)}`,
      `${fmt(mean(per.map((f) => f.matched)), 1)}/${fmt(mean(per.map((f) => f.matchedGreedy)), 1)}/${fmt(mean(per.map((f) => f.matchedRandom)), 1)}`,
      `${fmt(mean(per.map((f) => f.giniOurs)), 3)}/${fmt(mean(per.map((f) => f.giniGreedy)), 3)}/${fmt(mean(per.map((f) => f.giniRandom)), 3)}`,
      fmt(median(per.map((f) => f.oursMs)), 1),
      `${fmt(median(per.map((f) => f.highsLpSeconds)) * 1000, 0)}/${fmt(median(per.map((f) => f.highsMipSeconds)) * 1000, 0)}`,
    ]);
  }
  console.log("\nExactness and quality (means over seeds; ratios as min–max over seeds)");
  console.log(
    table(
      [
        "size",
        "tags",
        "objective",
        "max |gap| vs HiGHS",
        "exact",
        "ours/greedy",
        "ours/random",
        "matched ours/greedy/random",
        "load Gini ours/greedy/random",
        "ours ms",
        "HiGHS LP/MIP ms",
      ],
      smallRows,
    ),
  );
  const largeFigures: LargeFigures[] = [];
  for (const [r, v] of LARGE) {
    process.stderr.write(`  ${r}x${v} (${LARGE_RUNS} runs, child process)…\n`);
    largeFigures.push(large(r, v));
  }
  console.log(`\nScale (seed ${LARGE_SEED}, ${LARGE_RUNS} runs each, one process per size)`);
  console.log(
    table(
      [
        "size",
        "median ms",
        "min–max ms",
        "cpu ms",
        "peak RSS MB",
        "input RSS MB",
        "matched",
        "of requests",
        "of open slots",
        "load Gini",
        "rounds",
        "edges (+added)",
        "pairs examined",
      ],
      largeFigures.map((f) => [
        f.size,
        fmt(f.medianMs, 0),
        `${fmt(f.minMs, 0)}–${fmt(f.maxMs, 0)}`,
        fmt(f.medianCpuMs, 0),
        fmt(f.peakRssMB, 0),
        fmt(f.inputRssMB, 0),
        String(f.matched),
        fmt(f.matchedShare, 3),
        fmt(f.slotShare, 3),
        fmt(f.gini, 3),
        String(f.rounds),
        `${f.initialEdges} (+${f.addedEdges})`,
        String(f.examinedPairs),
      ]),
    ),
  );
  const targets = scaleTargets(largeFigures);
  console.log(
    `\nTargets: 50000x10000 median ${fmt(targets.ms50k, 0)} ms (≤ ${TARGET_MS}) ${targets.ms50kPass ? "PASS" : "FAIL"}; ` +
      `last doubling 50000x10000 → 100000x20000 ×${fmt(targets.lastDoubling, 2)} (≤ ×${TARGET_DOUBLING}) ${targets.lastDoublingPass ? "PASS" : "FAIL"}` +
      ` (CPU ×${fmt(targets.lastDoublingCpu, 2)})`,
  );
  const exact = smallFigures.every((f) => f.gap <= GAP_TOLERANCE && f.lpIntegral);
  console.log(
    JSON.stringify({
      bench: "match",
      quick: QUICK,
      loadAverage: load,
      smallSeeds: SMALL_SEEDS,
      largeSeed: LARGE_SEED,
      exact,
      small: smallFigures,
      large: largeFigures,
      targets,
    }),
  );
  if (!exact) process.exitCode = 1;
}

void main();
