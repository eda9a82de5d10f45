/** Migrates a database from a separate process: `node --import tsx migrate-worker.ts <url>`; prints the report. */
import { createInterface } from "node:readline";
import { migrate, parseDatabaseUrl } from "../../src/store/index.js";

const target = parseDatabaseUrl(process.argv[2] ?? "");
if (target.kind === "memory") throw new Error("nothing to migrate in memory");
console.log("ready");
await new Promise<void>((resolve) => {
  const lines = createInterface({ input: process.stdin });
  lines.once("line", () => {
    lines.close();
    process.stdin.destroy();
    resolve();
  });
});
console.log(JSON.stringify(await migrate(target)));
