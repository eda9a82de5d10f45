/**
 * Store throughput on SQLite (a temp file) and PostgreSQL (a temp schema on PG_URL or the
 * local server): `npm run bench:store`. Prints a table, then one JSON line of figures.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { Nudge } from "../src/core/domain/index.js";
import type { Store } from "../src/core/ports/index.js";
import { openStore } from "../src/store/index.js";

const N = Number(process.env.BENCH_NUDGES ?? 2000);
const BATCH = 50;
const PG_URL = process.env.PG_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

const nudgeAt = (i: number, due: Date): Nudge => ({
  id: `bench-${i}`,
  communityId: `c${i % 5}`,
  key: `k${i}`,
  to: ["slack:T1:US", "slack:T1:UV"],
  kind: "check_in",
  refId: `chat-${i}`,
  dueAt: due,
  notice: { kind: "check_in", chatId: `chat-${i}`, other: { id: "slack:T1:UV", name: "V", timeZone: "UTC" } },
  status: "pending",
  attempts: 0,
  lastError: null,
  leaseOwner: null,
  leaseUntil: null,
  sentAt: null,
  createdAt: due,
});

async function time(f: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await f();
  return performance.now() - start;
}

async function measure(store: Store): Promise<Record<string, number>> {
  const due = new Date("2025-01-01T00:00:00Z");
  const now = new Date("2025-06-01T00:00:00Z");
  const lease = new Date("2025-06-01T00:05:00Z");
  const nudges = Array.from({ length: N }, (_, i) => nudgeAt(i, new Date(due.getTime() + i)));
  const addMs = await time(async () => void (await store.tx((tx) => tx.addNudges(nudges))));
  let sent = 0;
  const drainMs = await time(async () => {
    for (;;) {
      const got = await store.outbox.claimDue(now, BATCH, "bench", lease);
      if (got.length === 0) break;
      for (const n of got) if (await store.outbox.markSent(n.id, "bench", now)) sent++;
    }
  });
  if (sent !== N) throw new Error(`sent ${sent} of ${N}`);
  const txs = 500;
  const txMs = await time(async () => {
    for (let i = 0; i < txs; i++) {
      await store.tx(async (tx) => {
        await tx.getCommunity("c1");
        await tx.listNudges("c1", { refId: `chat-${i}` });
      });
    }
  });
  return {
    addNudgesPerSec: Math.round((N / addMs) * 1000),
    claimAndSendPerSec: Math.round((N / drainMs) * 1000),
    msPerClaimedAndSent: Number((drainMs / N).toFixed(3)),
    readTxPerSec: Math.round((txs / txMs) * 1000),
  };
}

async function pgReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const results: Record<string, Record<string, number>> = {};
const dir = mkdtempSync(join(tmpdir(), "percolate-bench-"));
try {
  const sqlite = await openStore(`file:${join(dir, "bench.db")}`);
  results.sqlite = await measure(sqlite);
  await sqlite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (await pgReachable()) {
  const schema = `percolate_bench_${process.pid}`;
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  const store = await openStore(url.toString());
  try {
    results.postgres = await measure(store);
  } finally {
    await store.close();
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`DROP SCHEMA "${schema}" CASCADE`);
    await c.end();
  }
} else {
  console.log(`PostgreSQL not reachable at ${PG_URL}: measuring SQLite only.`);
}
console.log(`store throughput, ${N} nudges, claim batches of ${BATCH}`);
console.table(results);
console.log(JSON.stringify({ bench: "store", nudges: N, batch: BATCH, ...results }));
