/**
 * A separate process draining the outbox: `node --import tsx claim-worker.ts <url> <owner> <batch>`.
 * Prints "ready", waits for a line on stdin so all workers start together, claims and marks
 * sent until nothing is due, then prints the claimed ids as one JSON line.
 */
import { openWarm, readyThenWait } from "./worker-start.js";

const [url = "", owner = "", batch = "5"] = process.argv.slice(2);
const store = await openWarm(url);
await readyThenWait();

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
