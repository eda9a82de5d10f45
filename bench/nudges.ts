/**
 * npm run bench:nudges
 *
 * Outbox throughput against a rate-limited platform: N check-ins already due in a SQLite file
 * (a temp dir), delivered by `runTick` on the real clock with real sleeps through a fake
 * platform that allows R sends per second (token bucket, burst 5, ~1 ms per accepted send,
 * 429 + Retry-After when over). R = 50 is Discord's global limit; at R = 200 a send's share of
 * store time (~1–2 ms on SQLite) is a third of the 5 ms between tokens, so store stalls show.
 * Reports delivered/s and the share of R reached (target ≥ 90 %), the 429s seen, the rounds
 * (claims), the nudges put back after a 429, and the store's time per nudge.
 * Prints one table row per rate, then one JSON line with every figure.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { NudgeOutbox, Store } from "../src/core/ports/index.js";
import { silentLogger } from "../src/core/ports/index.js";
import type { Deps } from "../src/core/use-cases/index.js";
import { runTick } from "../src/jobs/tick.js";
import { sequentialIds, systemClock } from "../src/runtime.js";
import { openStore } from "../src/store/index.js";
import { seedOutbox } from "../test/support/outbox-seed.js";
import { RateLimitedPlatform } from "./lib/platform.js";
import { fmt, table } from "./lib/stats.js";

const RUNS: readonly { rate: number; nudges: number }[] = [
  { rate: 50, nudges: 1000 },
  { rate: 200, nudges: 3000 },
];
const BURST = 5;
const LATENCY_MS = 1;
const TARGET = 0.9;

interface Figures {
  rate: number;
  nudges: number;
  seconds: number;
  deliveredPerSec: number;
  share: number;
  limited: number;
  duplicates: number;
  ticks: number;
  rounds: number;
  /** Postpone calls: claimed nudges handed back to the outbox after a 429 instead of waited for. */
  putBack: number;
  storeMsPerNudge: number;
}

/** The store with its time and outbox calls counted, to say where a round's time goes. */
function metered(store: Store) {
  const m = { ms: 0, claims: 0, postpones: 0 };
  const timed =
    <A extends unknown[], R>(f: (...a: A) => Promise<R>, count?: () => void) =>
    async (...a: A): Promise<R> => {
      count?.();
      const t = performance.now();
      try {
        return await f(...a);
      } finally {
        m.ms += performance.now() - t;
      }
    };
  const o = store.outbox;
  const outbox: NudgeOutbox = {
    claimDue: timed(o.claimDue.bind(o), () => m.claims++),
    markSent: timed(o.markSent.bind(o)),
    markAttempt: timed(o.markAttempt.bind(o)),
    postpone: timed(o.postpone.bind(o), () => m.postpones++),
    markCancelled: timed(o.markCancelled.bind(o)),
    release: timed(o.release.bind(o)),
    stats: () => o.stats(),
  };
  const wrapped: Store = { tx: timed(store.tx.bind(store)), outbox, inbox: store.inbox, close: () => store.close() };
  return { store: wrapped, m };
}

async function run(rate: number, nudges: number): Promise<Figures> {
  const dir = mkdtempSync(join(tmpdir(), "percolate-bench-nudges-"));
  const raw = await openStore(`file:${join(dir, "bench.db")}`);
  try {
    await seedOutbox(raw, { communityId: "bench:c1", members: 200, nudges, due: systemClock.now() });
    const { store, m } = metered(raw);
    const deps: Deps = { store, clock: systemClock, ids: sequentialIds(), log: silentLogger };
    const platform = new RateLimitedPlatform(rate, BURST, LATENCY_MS);
    let sent = 0;
    let ticks = 0;
    const start = performance.now();
    while (sent < nudges) {
      const r = await runTick(deps, platform, { owner: "bench", match: false });
      sent += r.sent;
      ticks++;
      if (r.failed + r.dropped > 0) throw new Error(`rate ${rate}: ${r.failed} failed, ${r.dropped} dropped`);
    }
    const seconds = (performance.now() - start) / 1000;
    if (platform.accepted !== nudges || platform.duplicates !== 0)
      throw new Error(`rate ${rate}: platform accepted ${platform.accepted}, ${platform.duplicates} twice`);
    return {
      rate,
      nudges,
      seconds,
      deliveredPerSec: nudges / seconds,
      share: nudges / seconds / rate,
      limited: platform.limited,
      duplicates: platform.duplicates,
      ticks,
      rounds: m.claims,
      putBack: m.postpones,
      storeMsPerNudge: m.ms / nudges,
    };
  } finally {
    await raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(
    `bench:nudges — SQLite file store, real clock; platform: token bucket (burst ${BURST}), ${LATENCY_MS} ms per accepted send; target ≥ ${TARGET * 100} % of the allowed rate`,
  );
  const all: Figures[] = [];
  for (const { rate, nudges } of RUNS) all.push(await run(rate, nudges));
  console.log(
    table(
      ["rate/s", "nudges", "seconds", "delivered/s", "share of rate", "429s seen", "rounds", "put back", "store ms/nudge"],
      all.map((f) => [
        String(f.rate),
        String(f.nudges),
        fmt(f.seconds, 2),
        fmt(f.deliveredPerSec, 1),
        `${fmt(f.share * 100, 1)} %`,
        String(f.limited),
        String(f.rounds),
        String(f.putBack),
        fmt(f.storeMsPerNudge, 2),
      ]),
    ),
  );
  const below = all.filter((f) => f.share < TARGET);
  if (below.length > 0)
    console.log(
      `below target at ${below.map((f) => `${f.rate}/s`).join(", ")}: see "put back" (claimed nudges returned one by one after a 429) and store ms/nudge`,
    );
  console.log(JSON.stringify({ bench: "nudges", burst: BURST, latencyMs: LATENCY_MS, target: TARGET, runs: all }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.stack : String(e));
  process.exit(1);
});
