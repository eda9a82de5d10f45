import { describe, expect, it } from "vitest";
import { StoreClosedError, type Store, type StoreTx } from "../../src/core/ports/index.js";
import { isRetryableConflict } from "../../src/store/errors.js";
import { openStore, parseDatabaseUrl } from "../../src/store/index.js";
import { createDb } from "../../src/store/prisma-client.js";
import { member } from "./fixtures.js";
import { pgAvailable } from "./pg-env.js";
import { migratedSchema } from "./pg-schema.js";

const available = await pgAvailable();
const C = "c1";

/** A promise and the function that settles it: tests wait for events, never for time. */
function signal(): { promise: Promise<void>; fire: () => void } {
  let fire = () => {};
  const promise = new Promise<void>((resolve) => (fire = resolve));
  return { promise, fire };
}

/**
 * Reads every counter row, then sets its own to one more than the largest it read. Run one at
 * a time, n of these leave the values 1..n; two that overlap read the same maximum, and the
 * serializable transaction catches it (as write skew, at COMMIT).
 */
async function climb(tx: StoreTx, mine: string, ids: readonly string[], afterReads?: () => Promise<void>): Promise<void> {
  const seen = await tx.getMembers(C, ids);
  await afterReads?.();
  const top = Math.max(...seen.map((m) => Number(m.displayName)));
  const row = seen.find((m) => m.id === mine);
  if (!row) throw new Error(`missing ${mine}`);
  await tx.saveMember({ ...row, displayName: String(top + 1) });
}

describe.skipIf(!available)("PostgreSQL conflicts and closing", () => {
  const db = migratedSchema("conflicts");

  async function freshStore(counters: readonly string[]): Promise<Store> {
    await db.truncate();
    const store = await openStore(db.url);
    await store.tx(async (tx) => {
      for (const id of counters) await tx.saveMember(member(C, id, { displayName: "0" }));
    });
    return store;
  }

  it("the error PostgreSQL raises at COMMIT for write skew is a retryable conflict, and leaves no connection behind", async () => {
    const target = parseDatabaseUrl(db.url);
    if (target.kind !== "postgres") throw new Error("expected PostgreSQL");
    await (await freshStore(["a", "b"])).close();
    // The raw client, without the store's retries: the error as Prisma hands it over.
    const { db: client } = await createDb(target);
    const bothRead = signal();
    const bothWrote = signal();
    let reads = 0;
    let writes = 0;
    const bodiesDone: string[] = [];
    const skew = (mine: string) =>
      client.$transaction(
        async (t) => {
          const rows = await t.member.findMany({ where: { communityId: C } });
          if (++reads === 2) bothRead.fire();
          await bothRead.promise;
          const top = Math.max(...rows.map((r) => Number(r.displayName)));
          try {
            await t.member.update({ where: { communityId_id: { communityId: C, id: mine } }, data: { displayName: String(top + 1) } });
          } finally {
            if (++writes === 2) bothWrote.fire();
          }
          // Neither commits before both wrote: PostgreSQL can only catch the skew at COMMIT.
          await bothWrote.promise;
          bodiesDone.push(mine);
        },
        { isolationLevel: "Serializable", maxWait: 10_000, timeout: 20_000 },
      );
    const results = await Promise.allSettled([skew("a"), skew("b")]);
    const failed = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(failed).toHaveLength(1);
    // Both bodies ran to the end: the loser failed at COMMIT.
    expect(bodiesDone.sort()).toEqual(["a", "b"]);
    const e = failed[0];
    expect((e as { cause?: unknown }).cause).toMatchObject({ originalCode: "40001", kind: "TransactionWriteConflict" });
    expect(isRetryableConflict(e)).toBe(true);
    // Before the adapter released the loser's connection, this waited forever.
    await client.$disconnect();
  }, 30_000);

  it("conflicting transactions that fail at COMMIT are retried until every one has landed", async () => {
    const ids = ["a", "b", "c", "d", "e", "f"];
    const store = await freshStore(ids);
    const allRead = signal();
    let firstReads = 0;
    // The first attempts all read before any writes, so all but one must fail and be retried.
    const runs = ids.map((mine) =>
      store.tx((tx) =>
        climb(tx, mine, ids, async () => {
          if (++firstReads === ids.length) allRead.fire();
          if (firstReads <= ids.length) await allRead.promise;
        }),
      ),
    );
    await Promise.all(runs);
    const final = await store.tx((tx) => tx.getMembers(C, ids));
    expect(final.map((m) => Number(m.displayName)).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
    await store.close();
  }, 60_000);

  it("closes promptly with transactions in flight and retries pending: each one lands or fails as closed", async () => {
    const ids = Array.from({ length: 4 }, (_, i) => `k${i}`);
    const store = await freshStore(ids);
    const TXS = 60;
    let attempts = 0;
    const retrying = signal();
    const outcomes: ("landed" | "closed" | "other")[] = [];
    const runs = Array.from({ length: TXS }, (_, i) =>
      store
        .tx(async (tx) => {
          if (++attempts > TXS) retrying.fire();
          await climb(tx, ids[i % ids.length] ?? "k0", ids);
        })
        .then(
          () => outcomes.push("landed"),
          (e: unknown) => outcomes.push(e instanceof StoreClosedError ? "closed" : "other"),
        ),
    );
    await retrying.promise;
    await store.close();
    await Promise.all(runs);
    expect(outcomes).toHaveLength(TXS);
    expect(outcomes.filter((o) => o === "other")).toEqual([]);
    expect(outcomes.filter((o) => o === "closed").length).toBeGreaterThan(0);
    await expect(store.tx((tx) => tx.getMember(C, "k0"))).rejects.toBeInstanceOf(StoreClosedError);
    // What landed is a serial history: values 1..landed across the counters, each once.
    const check = await openStore(db.url);
    const values = (await check.tx((tx) => tx.getMembers(C, ids))).map((m) => Number(m.displayName)).filter((v) => v > 0);
    await check.close();
    expect(Math.max(0, ...values)).toBe(outcomes.filter((o) => o === "landed").length);
  }, 60_000);
});
