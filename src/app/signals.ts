import type { Logger } from "../core/ports/index.js";

/**
 * Resolves with the first SIGTERM or SIGINT. The listeners stay: a second signal (a group-wide
 * Ctrl-C reaching the process twice, an impatient supervisor) must not end a drain halfway,
 * which is what Node's default action would do once a `once` listener is gone.
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const on = (signal: NodeJS.Signals) => resolve(signal);
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

/**
 * Runs the shutdown `work`; if it is not done within `graceMs`, logs what was left and exits
 * with code 1 anyway (whatever was kept and not answered is answered after the next start).
 */
export async function withinGrace(graceMs: number, log: Logger, work: () => Promise<void>): Promise<void> {
  const timer = setTimeout(() => {
    log.error({ graceMs }, "shutdown grace period over: exiting with work unfinished (kept requests are answered after the next start)");
    process.exit(1);
  }, graceMs);
  timer.unref();
  try {
    await work();
  } finally {
    clearTimeout(timer);
  }
}
