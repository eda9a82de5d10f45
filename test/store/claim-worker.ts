/**
 * A separate process draining the outbox: `node --import tsx claim-worker.ts <url> <owner> <batch>`.
 * Prints "ready", waits for a line on stdin so all workers start together, claims and marks
 * sent until nothing is due, then prints the claimed ids as one JSON line.
 */
import { createInterface } from "node:readline";
import { parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";

const [url = "", owner = "", batch = "5"] = process.argv.slice(2);
const target = parseDatabaseUrl(url);
if (target.kind === "memory") throw new Error("a worker needs a shared database");
const store = await PrismaStore.open(target);
await store.tx((tx) => tx.getCommunity("warm-up"));
console.log("ready");
await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.once("line", () => {
    lines.close();
    process.stdin.destroy();
    resolve();
  });
});

// Everything is due by `now`, and no lease expires while the test runs.
const now = new Date("2100-01-01T00:00:00Z");
const leaseUntil = new Date("2200-01-01T00:00:00Z");
const claimed: string[] = [];
let idle = 0;
while (idle < 3) {
  const got = await store.outbox.claimDue(now, Number(batch), owner, leaseUntil);
  if (got.length === 0) {
    idle++;
    await new Promise((r) => setTimeout(r, 5));
    continue;
  }
  idle = 0;
  for (const n of got) {
    if (!(await store.outbox.markSent(n.id, owner, new Date()))) throw new Error(`lost the lease on ${n.id}`);
    claimed.push(n.id);
  }
}
await store.close();
console.log(JSON.stringify(claimed));
