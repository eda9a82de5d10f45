/**
 * The bot side of bench:reach, run in its own process so its memory is its own: the real
 * service (`startService`: store, Slack and Discord adapters, scheduler) on the configuration
 * passed as JSON in argv[2]. Answers the parent's messages: "memory" (after a full GC when
 * --expose-gc is on), "tick" (one scheduler tick, the way cron runs it), "tick-match" (a tick
 * with batch matching forced for every community), "stop".
 */
import { hostname } from "node:os";
import { RoutingMessenger } from "../../src/app/adapter.js";
import { ConfigSchema } from "../../src/config.js";
import { silentLogger } from "../../src/core/ports/index.js";
import { runTick, type TickReport } from "../../src/jobs/tick.js";
import { startService } from "../../src/ops/service.js";
import { randomIds, systemClock } from "../../src/runtime.js";

export interface BotMemory {
  rssMb: number;
  heapUsedMb: number;
}
export interface BotTick {
  ms: number;
  report: TickReport;
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
  const timed = async (run: () => Promise<TickReport>): Promise<BotTick> => {
    const t = performance.now();
    const report = await run();
    return { ms: performance.now() - t, report };
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
      void reply(Promise.resolve<BotMemory>({ rssMb: u.rss / MB, heapUsedMb: u.heapUsed / MB }));
    }
    if (m === "tick") void reply(timed(() => service.scheduler.tick()));
    if (m === "tick-match") void reply(timed(() => runTick(deps, messenger, { owner, match: true })));
    if (m === "stop") void service.stop().finally(() => process.exit(0));
  });
  process.send?.({ m: "ready", value: { slackPort: slack?.port ?? null } });
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:reach bot failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
