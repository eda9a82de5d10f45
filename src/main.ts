import { installProcessGuard } from "./app/process-guard.js";
import { untilStopSignal, withinGrace } from "./app/signals.js";
import { startupErrorLine } from "./app/startup-error.js";
import { chosenAdapters, readConfig } from "./config.js";
import type { Deps } from "./core/use-cases/index.js";
import { serveDashboard } from "./ops/dashboard.js";
import { makeSafeLogger, secretsOf } from "./ops/log.js";
import { type Service, startService } from "./ops/service.js";
import { randomIds } from "./runtime.js";
import { ShiftableClock } from "./shell/platform.js";
import { runShell } from "./shell/repl.js";
import { openStore } from "./store/index.js";

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
  const log = makeSafeLogger(shell && config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL, secretsOf(config));
  // One request's fault must never end the bot for every community: log it, count it, keep serving.
  installProcessGuard(log);
  if (shell) {
    const store = await openStore(config.DATABASE_URL);
    const clock = new ShiftableClock();
    const deps: Deps = { store, clock, ids: randomIds, log };
    // The admin dashboard on HTTP_PORT, so `admin dashboard` prints a link that works here too;
    // a taken port leaves the dashboard off and the shell running.
    const web = await serveDashboard(deps, { port: config.HTTP_PORT, host: config.HTTP_HOST, publicUrl: config.PUBLIC_URL });
    await runShell(deps, clock, process.stdin, process.stdout, config.TZ_DEFAULT);
    await web?.server.stop();
    await store.close();
    return 0;
  }
  // A signal while the database is still being reached stops the retrying and exits cleanly;
  // later signals never cut the drain short (the listeners stay).
  const aborted = new AbortController();
  const stopping = untilStopSignal().then((signal) => {
    aborted.abort(new Error("stopped before the database was reachable"));
    return signal;
  });
  let service: Service;
  try {
    service = await startService(config, log, { retry: { signal: aborted.signal } });
  } catch (e) {
    if (aborted.signal.aborted) return 0;
    throw e;
  }
  log.info({ adapters: service.adapters.map((a) => a.platform) }, "Percolate is running");
  const signal = await stopping;
  log.info({ signal }, "shutting down: finishing in-flight work");
  await withinGrace(config.SHUTDOWN_GRACE_SECONDS * 1000, log, () => service.stop());
  log.info({}, "stopped");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Percolate stopped: ${startupErrorLine(e, process.env)}\n`);
    process.exit(1);
  },
);
