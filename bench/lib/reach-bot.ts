/**
 * The bot side of bench:reach, run in its own process so its memory is its own: the real
 * service (`startService`: store, Slack and Discord adapters, scheduler) on the configuration
 * passed as JSON in argv[2]. Answers the parent's messages: "memory" (after a full GC when
 * --expose-gc is on), "tick" (scheduler ticks, the way cron and the scheduler's own follow-up
 * run them, until no community's round was left for a next tick), "tick-match" (the same with
 * batch matching forced for every community), "drain" (ordinary ticks until the outbox
 * holds nothing due), "stop". With REACH_PROFILE_DIR set, each tick runs
 * under the CPU profiler and its summary comes back with its figures.
 */
import { hostname } from "node:os";
import { RoutingMessenger } from "../../src/app/adapter.js";
import { ConfigSchema } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { emptyTick, runTick, type TickReport } from "../../src/jobs/tick.js";
import { startService } from "../../src/ops/service.js";
import { randomIds, systemClock } from "../../src/runtime.js";
import { type ProfileSummary, profiled, saveProfile, summarise } from "./cpu-profile.js";

export interface BotMemory {
  rssMb: number;
  heapUsedMb: number;
  /** Memory held outside the JS heap by objects it references (buffers, WebAssembly memories). */
  externalMb: number;
}
export interface BotTick {
  /** From the first tick's start to the last one's end. */
  ms: number;
  /** Ticks it took: a tick starts no batch round after its matching budget, and the next tick goes on. */
  ticks: number;
  /** The longest single tick. */
  longestMs: number;
  /** The ticks' reports added up (matchDeferred: the last tick's). */
  report: TickReport;
  /** With --profile: where the tick's CPU went, and the .cpuprofile file. */
  profile?: ProfileSummary & { file: string };
}
export interface BotDrain {
  ms: number;
  ticks: number;
  sent: number;
}

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const env = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
  const config = ConfigSchema.parse(env);
  const service = await startService(config, silentLogger, { slack: { host: "127.0.0.1", port: 0 } });
  const slack = service.adapters.find((a) => a.platform === "slack") as { port?: number | null } | undefined;
  const deps = { store: service.store, clock: systemClock, ids: randomIds, log: silentLogger, metrics: service.metrics };
  const messenger = new RoutingMessenger(service.adapters);
  const owner = `${hostname()}:${process.pid}:bench`;
  const profileTo = process.env.REACH_PROFILE_DIR;
  const timed = async (run: () => Promise<TickReport>, label: string): Promise<BotTick> => {
    const t = performance.now();
    if (!profileTo) {
      const report = await run();
      const ms = performance.now() - t;
      return { report, ms, ticks: 1, longestMs: ms };
    }
    const p = await profiled(run);
    const ms = performance.now() - t;
    const file = `${profileTo}/reach-${label}-${process.pid}.cpuprofile`;
    saveProfile(p.profile, file);
    return { report: p.result, ms, ticks: 1, longestMs: ms, profile: { ...summarise(p.profile), file } };
  };
  /** Ticks until no community with a queue is left for the next one: a whole matching round of every community. */
  const wholeRound = async (run: () => Promise<TickReport>, label: string): Promise<BotTick> => {
    const t = performance.now();
    const total: TickReport = emptyTick();
    let ticks = 0;
    let longestMs = 0;
    let last: BotTick;
    do {
      last = await timed(run, label);
      ticks++;
      longestMs = Math.max(longestMs, last.ms);
      for (const k of Object.keys(total) as (keyof TickReport)[])
        total[k] = k === "matchDeferred" ? last.report[k] : total[k] + last.report[k];
    } while (last.report.matchDeferred > 0);
    return { ...last, ms: performance.now() - t, ticks, longestMs, report: total };
  };
  const drain = async (): Promise<BotDrain> => {
    const t = performance.now();
    let ticks = 0;
    let sent = 0;
    for (;;) {
      const r = await service.scheduler.tick();
      ticks++;
      sent += r.sent;
      const o = await service.store.outbox.stats();
      if (o.oldestDueAt === null || o.oldestDueAt > systemClock.now() || (r.sent === 0 && r.retried === 0 && r.postponed === 0)) break;
    }
    return { ms: performance.now() - t, ticks, sent };
  };
  process.on("message", (m: unknown) => {
    const reply = (p: Promise<unknown>) =>
      p.then(
        (value) => process.send?.({ m, value }),
        (e: unknown) => process.send?.({ m, error: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
    if (m === "memory") {
      globalThis.gc?.();
      const u = process.memoryUsage();
      void reply(Promise.resolve<BotMemory>({ rssMb: u.rss / MB, heapUsedMb: u.heapUsed / MB, externalMb: u.external / MB }));
    }
    if (m === "tick") void reply(wholeRound(() => service.scheduler.tick(), "tick"));
    if (m === "tick-match") void reply(wholeRound(() => runTick(deps, messenger, { owner, match: true }), "tick-match"));
    if (m === "drain") void reply(drain());
    if (m === "stop") void service.stop().finally(() => process.exit(0));
  });
  process.send?.({ m: "ready", value: { slackPort: slack?.port ?? null } });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:reach bot failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
