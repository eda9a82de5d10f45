/**
 * npm run bench:community [-- --quick]
 *
 * A 12-week simulation of a 500-member community (lib/sim.ts) under three batch policies on
 * identical worlds: the exact optimum (`assignBatch`), greedy best-pair-first and random with
 * repeat avoidance. Prints one table row per policy and seed, then one JSON line.
 */
import { loadavg } from "node:os";
import { assignBatch, assignGreedy, assignRandom } from "../src/core/matching/index.js";
import { DEFAULT_SIM, simulate, type Policy, type SimResult } from "./lib/sim.js";
import { fmt, mean, table } from "./lib/stats.js";
import type { MaskCache } from "./lib/synth.js";

const QUICK = process.argv.includes("--quick");
const SEEDS = QUICK ? [1] : [1, 2, 3];
const POLICIES: [string, Policy][] = [
  ["optimal", (a, c, w) => assignBatch(a, c, w)],
  ["greedy", (a, c, w) => assignGreedy(a, c, w)],
  ["random", (a, c, w, seed) => assignRandom(a, c, w, seed)],
];

function main(): void {
  console.log(
    `bench:community${QUICK ? " (quick)" : ""} — ${DEFAULT_SIM.members} members (${DEFAULT_SIM.volunteerShare * 100}% volunteers), ${DEFAULT_SIM.requestsPerWeek} requests/week, ${DEFAULT_SIM.weeks} weeks, ` +
      `accept/decline/ignore ${DEFAULT_SIM.accept}/${DEFAULT_SIM.decline}/${fmt(1 - DEFAULT_SIM.accept - DEFAULT_SIM.decline, 2)}, intros expire after ${DEFAULT_SIM.responseWindowHours} h, ` +
      `${DEFAULT_SIM.maxTries} tries, repeat window ${DEFAULT_SIM.repeatWindowWeeks} weeks; seeds ${SEEDS.join(",")}; load average ${fmt(loadavg()[0] ?? 0, 2)}`,
  );
  const results: (SimResult & { seed: number; seconds: number })[] = [];
  for (const seed of SEEDS) {
    const masks = new Map<number, MaskCache>(); // shared by the policies: same world, same masks
    for (const [name, policy] of POLICIES) {
      process.stderr.write(`  seed ${seed}: ${name}…\n`);
      const t = performance.now();
      const r = simulate({ ...DEFAULT_SIM, seed }, name, policy, masks);
      results.push({ ...r, seed, seconds: (performance.now() - t) / 1000 });
    }
  }
  console.log(
    table(
      [
        "policy",
        "seed",
        "requests",
        "matched ≤72h",
        "matched",
        "median h",
        "repeat pairs",
        "load Gini",
        "util Gini",
        "left waiting",
        "waitlisted",
        "intros",
        "declined",
        "expired",
        "mean score",
      ],
      results.map((r) => [
        r.policy,
        String(r.seed),
        String(r.requests),
        fmt(r.shareWithin72h, 3),
        String(r.matched),
        fmt(r.medianHoursToMatch, 0),
        String(r.repeatPairs + r.introsToRecentPairs),
        fmt(r.loadGini, 3),
        fmt(r.utilizationGini, 3),
        String(r.leftWaiting),
        String(r.waitlisted),
        String(r.intros),
        String(r.declined),
        String(r.expired),
        fmt(r.meanAcceptedScore, 3),
      ]),
    ),
  );
  const byPolicy = Object.fromEntries(
    POLICIES.map(([name]) => {
      const rs = results.filter((r) => r.policy === name);
      return [
        name,
        {
          shareWithin72h: mean(rs.map((r) => r.shareWithin72h)),
          repeatPairs: rs.reduce((s, r) => s + r.repeatPairs + r.introsToRecentPairs, 0),
          loadGini: mean(rs.map((r) => r.loadGini)),
          leftWaiting: mean(rs.map((r) => r.leftWaiting)),
          meanAcceptedScore: mean(rs.map((r) => r.meanAcceptedScore)),
        },
      ];
    }),
  );
  console.log(
    JSON.stringify({
      bench: "community",
      quick: QUICK,
      config: { ...DEFAULT_SIM, start: DEFAULT_SIM.start.toISOString() },
      seeds: SEEDS,
      summary: byPolicy,
      runs: results,
    }),
  );
  if (results.some((r) => r.repeatPairs + r.introsToRecentPairs + r.capacityViolations > 0)) process.exitCode = 1;
}

main();
