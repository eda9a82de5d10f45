/** Migrates a database from a separate process: `node --import tsx migrate-worker.ts <url>`; prints the report. */
import { migrate } from "../../src/store/index.js";
import { readyThenWait, sharedTarget } from "./worker-start.js";

const target = sharedTarget(process.argv[2] ?? "");
await readyThenWait();
console.log(JSON.stringify(await migrate(target)));
