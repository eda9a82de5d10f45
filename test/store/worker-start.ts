/** The child side of `spawn.ts`: what every worker process does before its own work. */
import { createInterface } from "node:readline";
import type { Store } from "../../src/core/ports/index.js";
import { parseDatabaseUrl, PrismaStore, type DatabaseTarget } from "../../src/store/index.js";

/** The database a worker was given; workers only make sense on a shared (file or server) database. */
export function sharedTarget(url: string): Exclude<DatabaseTarget, { kind: "memory" }> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "memory") throw new Error("a worker needs a shared database");
  return target;
}

/** Opens the store and warms it up, so the timed part measures work, not start-up. */
export async function openWarm(url: string): Promise<Store> {
  const store = await PrismaStore.open(sharedTarget(url));
  await store.tx((tx) => tx.getCommunity("warm-up"));
  return store;
}

/** Prints "ready" and waits for the parent's start line, so all workers begin together. */
export async function readyThenWait(): Promise<void> {
  console.log("ready");
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.once("line", () => {
      lines.close();
      process.stdin.destroy();
      resolve();
    });
  });
}
