import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports/index.js";
import { MemoryStore, openStore, parseDatabaseUrl, PrismaStore } from "../../src/store/index.js";
import { community, intro, request, t } from "./fixtures.js";
import { pgAvailable } from "./pg-env.js";
import { migratedSchema } from "./pg-schema.js";

/**
 * The two cross-community reads the scheduler's sweeps rely on (communitiesWithRequests,
 * listIntrosPastDeadline), on every store: one query for all communities, with the same
 * answer the per-community reads would give.
 */
function sweepQueries(name: string, open: () => Promise<Store>): void {
  describe(`sweep queries: ${name}`, () => {
    it("names each community with a request in the statuses asked, once", async () => {
      const store = await open();
      try {
        await store.tx(async (tx) => {
          for (const c of ["c:a", "c:b", "c:c", "c:d"]) await tx.saveCommunity(community(c));
          await tx.saveRequests([
            request("c:a", "r1", { status: "open" }),
            request("c:a", "r2", { status: "waitlisted" }),
            request("c:b", "r1", { status: "waitlisted" }),
            request("c:c", "r1", { status: "offered" }),
            request("c:c", "r2", { status: "expired" }),
          ]);
        });
        const ids = await store.tx((tx) => tx.communitiesWithRequests(["open", "waitlisted"]));
        expect([...ids].sort()).toEqual(["c:a", "c:b"]);
        expect(await store.tx((tx) => tx.communitiesWithRequests(["offered"]))).toEqual(["c:c"]);
        expect(await store.tx((tx) => tx.communitiesWithRequests([]))).toEqual([]);
      } finally {
        await store.close();
      }
    });

    it("lists the pending intros past their deadline in every community, oldest offer first", async () => {
      const store = await open();
      try {
        await store.tx(async (tx) => {
          for (const c of ["c:a", "c:b"]) await tx.saveCommunity(community(c));
          await tx.saveIntros([
            intro("c:b", "late", { status: "pending", offeredAt: t(5), deadline: t(100), respondedAt: null, declineReason: null }),
            intro("c:a", "later", { status: "pending", offeredAt: t(9), deadline: t(100), respondedAt: null, declineReason: null }),
            intro("c:a", "due-now", { status: "pending", offeredAt: t(1), deadline: t(200), respondedAt: null, declineReason: null }),
            intro("c:a", "not-yet", { status: "pending", offeredAt: t(0), deadline: t(201), respondedAt: null, declineReason: null }),
            intro("c:b", "answered", { status: "declined", offeredAt: t(0), deadline: t(10) }),
          ]);
        });
        const due = await store.tx((tx) => tx.listIntrosPastDeadline(t(200)));
        expect(due.map((i) => `${i.communityId}/${i.id}`)).toEqual(["c:a/due-now", "c:b/late", "c:a/later"]);
        expect(due[0]).toEqual(
          intro("c:a", "due-now", { status: "pending", offeredAt: t(1), deadline: t(200), respondedAt: null, declineReason: null }),
        );
      } finally {
        await store.close();
      }
    });
  });
}

sweepQueries("MemoryStore", async () => new MemoryStore());

const dir = mkdtempSync(join(tmpdir(), "percolate-sweep-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
sweepQueries("PrismaStore on SQLite", () => openStore(`file:${join(dir, `t${++n}`, "percolate.db")}`));

if (await pgAvailable()) {
  const db = migratedSchema("sweep");
  const target = parseDatabaseUrl(db.url);
  if (target.kind !== "postgres") throw new Error("expected a PostgreSQL URL");
  sweepQueries("PrismaStore on PostgreSQL", async () => {
    await db.truncate();
    return PrismaStore.open(target);
  });
} else {
  describe.skip("sweep queries: PrismaStore on PostgreSQL", () => {
    it("needs a PostgreSQL server at PG_URL", () => {});
  });
}
