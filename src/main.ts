import { hostname } from "node:os";
import { RoutingMessenger, type PlatformAdapter } from "./app/adapter.js";
import { untilStopSignal, withinGrace } from "./app/signals.js";
import { chosenAdapters, readConfig, type Config } from "./config.js";
import type { Deps } from "./core/use-cases/index.js";
import { Scheduler } from "./jobs/scheduler.js";
import { makeLogger, randomIds, systemClock } from "./runtime.js";
import { ShiftableClock } from "./shell/platform.js";
import { runShell } from "./shell/repl.js";
import { openStore } from "./store/index.js";

/** The platform adapters the configuration asks for, loaded only when used. */
async function platformAdapters(config: Config, deps: Deps): Promise<PlatformAdapter[]> {
  const out: PlatformAdapter[] = [];
  for (const name of chosenAdapters(config)) {
    if (name === "slack") out.push((await import("./slack/index.js")).createSlackAdapter(config, deps));
    if (name === "discord") out.push((await import("./discord/index.js")).createDiscordAdapter(config, deps));
  }
  return out;
}

/**
 * Reads the configuration once, opens the store (migrating it), and runs either the terminal
 * adapter (no platform token set) or the platform adapters with the scheduler, until SIGTERM
 * or SIGINT (any number of them), when it stops taking work and finishes what it holds within
 * SHUTDOWN_GRACE_SECONDS before exiting.
 */
async function main(): Promise<number> {
  const read = readConfig(process.env);
  if (!read.ok) {
    process.stderr.write(`Configuration error — ${read.message}\n`);
    return 2;
  }
  const config = read.config;
  const shell = chosenAdapters(config).includes("shell");
  const log = makeLogger(shell && config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const store = await openStore(config.DATABASE_URL);
  if (shell) {
    const clock = new ShiftableClock();
    await runShell({ store, clock, ids: randomIds, log }, clock, process.stdin, process.stdout, config.TZ_DEFAULT);
    await store.close();
    return 0;
  }
  const deps: Deps = { store, clock: systemClock, ids: randomIds, log };
  const adapters = await platformAdapters(config, deps);
  const scheduler = new Scheduler(deps, new RoutingMessenger(adapters), {
    cron: config.SCHEDULE_CRON,
    owner: `${hostname()}:${process.pid}`,
  });
  deps.afterCommand = () => scheduler.soon();
  for (const a of adapters) await a.start();
  scheduler.start();
  log.info({ adapters: adapters.map((a) => a.platform) }, "Percolate is running");
  const signal = await untilStopSignal();
  log.info({ signal }, "shutting down: finishing in-flight work");
  await withinGrace(config.SHUTDOWN_GRACE_SECONDS * 1000, log, async () => {
    await scheduler.stop();
    for (const a of adapters) await a.stop();
    await store.close();
  });
  log.info({}, "stopped");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Percolate stopped: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
