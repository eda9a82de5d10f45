import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { member, nudge, t } from "./fixtures.js";
import { freshSchema, pgAvailable } from "./pg-env.js";
import { startWorker } from "./spawn.js";

const NUDGES = 300;
const WORKERS = 3;

/**
 * Fills the outbox, lets several processes drain it at once, and checks that every nudge
 * was claimed and sent exactly once.
 */
async function drainConcurrently(url: string): Promise<void> {
  const store = await openStore(url);
  const communities = ["slack:T1", "discord:2", "shell:local"];
  await store.tx((tx) =>
    tx.addNudges(Array.from({ length: NUDGES }, (_, i) => nudge(communities[i % 3] ?? "", `n${i}`, { dueAt: t(i % 17) }))),
  );
  const workers = Array.from({ length: WORKERS }, (_, i) => startWorker("claim-worker.ts", [url, `worker-${i}`, "7"]));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  const claimed = (await Promise.all(workers.map((w) => w.result))).map((line) => JSON.parse(line) as string[]);

  const all = claimed.flat();
  expect(all).toHaveLength(NUDGES);
  expect(new Set(all).size).toBe(NUDGES);
  expect(claimed.filter((ids) => ids.length > 0).length).toBeGreaterThan(1);
  const rows = (await store.tx(async (tx) => Promise.all(communities.map((c) => tx.listNudges(c))))).flat();
  expect(rows.every((n) => n.status === "sent" && n.attempts === 1 && n.leaseOwner === null)).toBe(true);
  await store.close();
}

/** Several processes increment one counter in read-modify-write transactions; none is lost. */
async function bumpConcurrently(url: string): Promise<void> {
  const store = await openStore(url);
  await store.tx((tx) => tx.saveMember(member("c1", "counter", { displayName: "0" })));
  const workers = Array.from({ length: WORKERS }, () => startWorker("bump-worker.ts", [url, "25"]));
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  await Promise.all(workers.map((w) => w.result));
  expect((await store.tx((tx) => tx.getMember("c1", "counter")))?.displayName).toBe(String(WORKERS * 25));
  await store.close();
}

describe("store under concurrent processes", () => {
  const dir = mkdtempSync(join(tmpdir(), "percolate-conc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`SQLite file: ${WORKERS} processes never claim the same nudge`, async () => {
    await drainConcurrently(`file:${join(dir, "shared.db")}`);
  }, 60_000);

  it(`SQLite file: ${WORKERS} processes' read-modify-write transactions lose no update`, async () => {
    await bumpConcurrently(`file:${join(dir, "bump.db")}`);
  }, 60_000);

  it(`PostgreSQL: ${WORKERS} processes' read-modify-write transactions lose no update`, async (ctx) => {
    if (!(await pgAvailable())) return ctx.skip();
    const db = freshSchema("bump");
    try {
      await bumpConcurrently(db.url);
    } finally {
      await db.drop();
    }
  }, 60_000);

  it(`PostgreSQL: ${WORKERS} processes never claim the same nudge`, async (ctx) => {
    if (!(await pgAvailable())) return ctx.skip();
    const db = freshSchema("conc");
    try {
      await drainConcurrently(db.url);
    } finally {
      await db.drop();
    }
  }, 60_000);
});
