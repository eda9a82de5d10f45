/**
 * A bot process for the guard test: the real Bolt against the fake Slack, with the process
 * guard installed (or not, with "unguarded"). It provokes an unhandled rejection and an
 * uncaught exception, then answers a command, and prints one JSON line with what it saw.
 */
import { faultCounts } from "../../src/app/faults.js";
import { installProcessGuard } from "../../src/app/process-guard.js";
import type { Logger } from "../../src/core/ports/index.js";
import { startHarness } from "../slack/harness.js";

const logged: string[] = [];
const log: Logger = { info() {}, warn() {}, error: (obj, msg) => void logged.push(`${msg} ${JSON.stringify(obj).slice(0, 200)}`) };
const guarded = process.argv[2] !== "unguarded";
let faults = 0;
let onFault: () => void = () => {};
if (guarded)
  installProcessGuard(log, () => {
    faults++;
    onFault();
  });
const bothSeen = new Promise<void>((resolve) => {
  onFault = () => faults >= 2 && resolve();
});

const h = await startHarness({ mode: "http" });
void Promise.reject(new Error("a listener forgot to await this"));
setTimeout(() => {
  throw new Error("a timer callback threw");
}, 0);
if (!guarded) await new Promise(() => {});
await bothSeen;
const u = h.user("T1", "U0ALIVE", "alive", "UTC");
await h.slash(u, "status");
const answer = String(h.lastResponse().text);
await h.stop();
process.stdout.write(`${JSON.stringify({ counts: faultCounts(), answer, logged })}\n`);
process.exit(0);
