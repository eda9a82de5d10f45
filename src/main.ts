import { chosenAdapters, readConfig } from "./config.js";
import { makeLogger, randomIds } from "./runtime.js";
import { openStore } from "./store/index.js";
import { ShiftableClock } from "./shell/platform.js";
import { runShell } from "./shell/repl.js";

/**
 * Reads the configuration once, opens the store (migrating it), and starts the adapters the
 * configuration asks for: Slack and/or Discord when their tokens are set, else the shell.
 */
async function main(): Promise<number> {
  const read = readConfig(process.env);
  if (!read.ok) {
    process.stderr.write(`Configuration error — ${read.message}\n`);
    return 2;
  }
  const config = read.config;
  const log = makeLogger(config.LOG_LEVEL === "info" && chosenAdapters(config).includes("shell") ? "warn" : config.LOG_LEVEL);
  const store = await openStore(config.DATABASE_URL);
  const adapters = chosenAdapters(config);
  if (!adapters.includes("shell")) {
    process.stderr.write(`The ${adapters.join(" and ")} adapter is not part of this build yet. Unset the platform tokens to use the terminal.\n`);
    await store.close();
    return 2;
  }
  const clock = new ShiftableClock();
  await runShell({ store, clock, ids: randomIds, log }, clock, process.stdin, process.stdout, config.TZ_DEFAULT);
  await store.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`Percolate stopped: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  },
);
