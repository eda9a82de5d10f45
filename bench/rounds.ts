/**
 * npm run bench:rounds [-- --quick]
 *
 * Donut-style peer rounds (src/core/matching/peer) on seeded synthetic communities
 * (lib/rounds-community.ts):
 * 1. Exactness: 50, 200 and 1,000 members × 5 seeds — the graph from `peerEdges`, solved by our
 *    `maxWeightMatching` and by HiGHS as a binary program on the same graph; the gap must be 0
 *    on every seed. Times side by side.
 * 2. Quality: `pairPeers` (matching, then trios) against greedy and random pairing of the same
 *    graph (excluded pairs already left out), as ratios of total score (median over seeds).
 * 3. Scale: 5,000 and 20,000 members, one child process each (with --expose-gc): edges and
 *    matching timed separately (median of 3), heap growth and peak RSS.
 * 4. 26 weekly rounds of a 500-member community: repeats inside the 8-week window (must be 0),
 *    share of opted-in members placed, share of groups that met, trios per round.
 * --sizes 5000,20000 sets the scale sizes (none skips them).
 * --quick: 50 and 200 members, seed 1, a shorter simulation, no scale part (for the test).
 * Prints tables, then one JSON line with every figure. Exits 1 when a gap is not 0 or a repeat
 * happened inside the window.
 */
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { newMaskCache } from "./lib/rounds-community.js";
import { exactCase, type ExactFigures } from "./lib/rounds-exact.js";
import { measureScale, type ScaleFigures } from "./lib/rounds-scale.js";
import { simulate } from "./lib/rounds-sim.js";
import { fmt, median, table } from "./lib/stats.js";

const QUICK = process.argv.includes("--quick");
const EXACT_SIZES = QUICK ? [50, 200] : [50, 200, 1000];
const SEEDS = QUICK ? [1] : [1, 2, 3, 4, 5];
/** `--sizes 5000,20000` overrides the scale sizes (`--sizes none` skips the part). */
function scaleSizes(): number[] {
  const i = process.argv.indexOf("--sizes");
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (v === undefined) return QUICK ? [] : [5000, 20000];
  if (v === "none") return [];
  const sizes = v.split(",").map(Number);
  if (sizes.some((x) => !Number.isInteger(x) || x < 2)) throw new Error("--sizes takes member counts, e.g. --sizes 5000,20000");
  return sizes;
}
const SCALE_SIZES = scaleSizes();
const SCALE_RUNS = 3;
const SIM = QUICK ? { members: 120, weeks: 12, window: 8, seed: 1 } : { members: 500, weeks: 26, window: 8, seed: 1 };

/** A gap counts as 0 when the weights are integers and it is 0, or when float weights agree to 1e-9. */
const isExact = (f: ExactFigures): boolean => f.valid && (f.integerWeights ? f.gap === 0 : f.gap <= 1e-9 * Math.max(1, Math.abs(f.ours)));

function scaleChild(members: number): ScaleFigures {
  const self = fileURLToPath(import.meta.url);
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, "--expose-gc", self, "--child", String(members), "1", String(SCALE_RUNS)],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  const line = child.stdout.trim().split("\n").pop() ?? "";
  if (child.status !== 0 || !line.startsWith("{")) throw new Error(`child for ${members} members failed:\n${child.stderr}`);
  return JSON.parse(line) as ScaleFigures;
}

const range = (xs: readonly number[], digits: number): string => `${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)}`;

async function main(): Promise<void> {
  const childAt = process.argv.indexOf("--child");
  if (childAt >= 0) {
    const [members, seed, runs] = process.argv.slice(childAt + 1, childAt + 4).map(Number) as [number, number, number];
    console.log(JSON.stringify(measureScale(members, seed, runs)));
    return;
  }
  const load = loadavg()[0] ?? 0;
  console.log(`bench:rounds${QUICK ? " (quick)" : ""} — seeds ${SEEDS.join(",")}; load average ${fmt(load, 2)}`);

  const cache = newMaskCache();
  const exact: ExactFigures[] = [];
  const exactRows: string[][] = [];
  for (const members of EXACT_SIZES) {
    const per: ExactFigures[] = [];
    for (const seed of SEEDS) {
      process.stderr.write(`  ${members} members seed ${seed}…\n`);
      per.push(await exactCase(members, seed, cache));
    }
    exact.push(...per);
    const gaps = per.map((f) => f.gap);
    exactRows.push([
      String(members),
      per.map((f) => f.seed).join(","),
      fmt(median(per.map((f) => f.edges)), 0),
      fmt(Math.max(...gaps), 0),
      per.every(isExact) ? "yes" : "NO",
      fmt(median(per.map((f) => f.oursMs)), 1),
      fmt(median(per.map((f) => f.highsMs)), 0),
      fmt(median(per.map((f) => f.vsGreedy)), 4),
      fmt(median(per.map((f) => f.vsRandom)), 3),
      range(
        per.map((f) => f.trios),
        0,
      ),
      range(
        per.map((f) => f.unpaired),
        0,
      ),
    ]);
  }
  console.log("\nExactness against HiGHS (binary program, gaps 0) and quality (medians over seeds)");
  console.log(
    table(
      ["members", "seeds", "edges", "max gap", "exact", "ours ms", "HiGHS ms", "ours/greedy", "ours/random", "trios", "unpaired"],
      exactRows,
    ),
  );

  const scale: ScaleFigures[] = [];
  for (const members of SCALE_SIZES) {
    process.stderr.write(`  ${members} members (${SCALE_RUNS} runs, child process)…\n`);
    scale.push(scaleChild(members));
  }
  if (scale.length > 0) {
    console.log(`\nScale (seed 1, median of ${SCALE_RUNS}, one process per size; heap figures after gc)`);
    console.log(
      table(
        [
          "members",
          "edges",
          "edges ms",
          "edge arrays MB",
          "edges heap+buffers peak MB",
          "matching ms",
          "matching heap+buffers MB",
          "pairPeers ms",
          "pairs/trios/unpaired",
          "RSS MB (input/after edges/peak)",
        ],
        scale.map((f) => [
          String(f.members),
          String(f.edges),
          fmt(f.edgesMs, 0),
          fmt(f.edgesArraysMb, 1),
          fmt(f.edgesHeapPeakMb, 1),
          `${fmt(f.matchMs, 0)}${f.matchRuns < f.runs ? ` (${f.matchRuns} run)` : ""}`,
          fmt(f.matchHeapPeakMb, 1),
          fmt(f.pairMs, 0),
          `${f.pairs}/${f.trios}/${f.unpaired}`,
          `${fmt(f.rssAfterGenerateMb, 0)}/${fmt(f.peakRssAfterEdgesMb, 0)}/${fmt(f.peakRssMb, 0)}`,
        ]),
      ),
    );
  }

  process.stderr.write(`  ${SIM.weeks} weekly rounds of ${SIM.members} members…\n`);
  const sim = simulate(SIM, cache);
  console.log(`\n${SIM.weeks} weekly rounds, ${SIM.members} members, 70–90% opted in, repeat window ${SIM.window} weeks`);
  console.log(
    table(
      [
        "repeats in window",
        "repeats after it",
        "placed min/median",
        "groups met (all/min round)",
        "trios median/max",
        "unpaired total",
        "round ms median",
      ],
      [
        [
          String(sim.repeatsInWindow),
          String(sim.repeatsEver - sim.repeatsInWindow),
          `${fmt(sim.placedShareMin, 3)}/${fmt(sim.placedShareMedian, 3)}`,
          `${fmt(sim.metShare, 3)}/${fmt(sim.metShareMin, 3)}`,
          `${fmt(sim.triosMedian, 0)}/${sim.triosMax}`,
          String(sim.unpairedTotal),
          fmt(sim.msMedian, 1),
        ],
      ],
    ),
  );

  const allExact = exact.every(isExact);
  const bySize = EXACT_SIZES.map((members) => {
    const per = exact.filter((f) => f.members === members);
    return {
      members,
      seeds: per.map((f) => f.seed),
      maxGap: Math.max(...per.map((f) => f.gap)),
      exact: per.every(isExact),
      medianOursMs: median(per.map((f) => f.oursMs)),
      medianHighsMs: median(per.map((f) => f.highsMs)),
      vsGreedy: median(per.map((f) => f.vsGreedy)),
      vsRandom: median(per.map((f) => f.vsRandom)),
    };
  });
  console.log(
    `\n${allExact ? "PASS" : "FAIL"}: gap 0 against HiGHS on every seed; ${sim.repeatsInWindow === 0 ? "PASS" : "FAIL"}: no repeat inside the window`,
  );
  console.log(
    JSON.stringify({
      bench: "rounds",
      quick: QUICK,
      loadAverage: load,
      seeds: SEEDS,
      exact: allExact,
      bySize,
      cases: exact,
      scale,
      sim: { ...sim, rounds: sim.rounds },
    }),
  );
  if (!allExact || sim.repeatsInWindow !== 0) process.exitCode = 1;
}

void main();
