import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { Deps } from "../core/use-cases/index.js";
import type { ShiftableClock } from "./platform.js";
import { ShellSession, type ShellOptions } from "./session.js";

/**
 * Runs the shell on a pair of streams until `quit` or end of input. Lines are handled one at
 * a time, in order, even when they arrive faster than they are processed (piped input).
 */
export async function runShell(
  deps: Deps,
  clock: ShiftableClock,
  input: Readable,
  output: Writable,
  timeZone: string,
  options: ShellOptions = {},
): Promise<void> {
  const write = (text: string) => output.write(`${text}\n`);
  const session = new ShellSession(deps, clock, write, timeZone, options);
  const interactive = "isTTY" in input && input.isTTY === true;
  const rl = createInterface({ input, ...(interactive ? { output, prompt: "" } : {}), terminal: interactive });
  const prompt = () => {
    if (interactive) output.write(`${session.who}> `);
  };
  write(
    'Percolate shell — you are "alice". Type "help" for commands, "as <name>" to switch member, "quit" to leave. The first member to act (alice) is the admin.',
  );
  prompt();
  for await (const line of rl) {
    if (!interactive && line.trim()) write(`${session.who}> ${line}`);
    const more = await session.handle(line);
    if (!more) break;
    prompt();
  }
  rl.close();
}
