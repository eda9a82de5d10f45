/**
 * Read-modify-write transactions from a separate process:
 * `node --import tsx bump-worker.ts <url> <times>` increments a counter (a member's
 * display name) that many times, each in its own Store.tx, after "ready" and a start line.
 */
import { openWarm, readyThenWait } from "./worker-start.js";

const [url = "", times = "10"] = process.argv.slice(2);
const store = await openWarm(url);
await readyThenWait();
for (let i = 0; i < Number(times); i++) {
  await store.tx(async (tx) => {
    const m = await tx.getMember("c1", "counter");
    if (m === null) throw new Error("counter missing");
    await tx.saveMember({ ...m, displayName: String(Number(m.displayName) + 1) });
  });
}
await store.close();
console.log("done");
