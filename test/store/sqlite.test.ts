import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { openStore } from "../../src/store/index.js";
import { storeContract } from "./contract.js";

const dir = mkdtempSync(join(tmpdir(), "percolate-sqlite-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

// A real file per test, through openStore: migrations, WAL and the busy timeout included.
storeContract("PrismaStore on SQLite", async () => {
  const store = await openStore(`file:${join(dir, `t${++n}`, "percolate.db")}`);
  return { store, cleanup: () => store.close() };
});
