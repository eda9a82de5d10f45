/**
 * Read-modify-write transactions from a separate process:
 * `node --import tsx bump-worker.ts <url> <times>` increments a counter (a member's
 * display name) that many times, each in its own Store.tx, after "ready" and a start line.
 */
import { createInterface } from "node:readline";
import { parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";

const [url = "", times = "10"] = process.argv.slice(2);
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
for (let i = 0; i < Number(times); i++) {
  await store.tx(async (tx) => {
    const m = await tx.getMember("c1", "counter");
    if (m === null) throw new Error("counter missing");
    await tx.saveMember({ ...m, displayName: String(Number(m.displayName) + 1) });
  });
}
await store.close();
console.log("done");
