import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { claimDueSql } from "../../src/store/nudge-sql.js";
import { eachStore } from "./each-store.js";
import { community, nudge, t } from "./fixtures.js";

eachStore("Outbox and inactive communities", ({ run, store }) => {
  const outbox = () => store().outbox;
  const stored = async (communityId: string, id: string) => (await run((tx) => tx.listNudges(communityId))).find((n) => n.id === id);

  it("never claims a due nudge of an inactive community, claims another community's, and claims it once reactivated", async () => {
    await run(async (tx) => {
      await tx.saveCommunity(community("slack:TGONE", { inactiveSince: t(50) }));
      await tx.saveCommunity(community("slack:TLIVE"));
      // The gone community's nudge is due first, so a claim in due order would reach it first.
      await tx.addNudges([nudge("slack:TGONE", "gone-1", { dueAt: t(10) }), nudge("slack:TLIVE", "live-1", { dueAt: t(20) })]);
    });
    const before = await stored("slack:TGONE", "gone-1");

    expect((await outbox().claimDue(t(100), 10, "w1", t(110))).map((n) => n.id)).toEqual(["live-1"]);
    expect(await outbox().markSent("live-1", "w1", t(100))).toBe(true);
    // Passed over many times, past any lease: still pending and untouched.
    for (const at of [101, 200, 10_000]) expect(await outbox().claimDue(t(at), 10, `w${at}`, t(at + 10))).toEqual([]);
    expect(await stored("slack:TGONE", "gone-1")).toEqual(before);
    expect(before).toEqual(nudge("slack:TGONE", "gone-1", { dueAt: t(10) }));

    await run(async (tx) => tx.saveCommunity(community("slack:TGONE")));
    const back = await outbox().claimDue(t(10_001), 10, "w2", t(10_011));
    expect(back).toEqual([nudge("slack:TGONE", "gone-1", { dueAt: t(10), leaseOwner: "w2", leaseUntil: t(10_011) })]);
  });

  it("fills the limit from reachable communities when inactive ones' nudges are due earlier", async () => {
    await run(async (tx) => {
      await tx.saveCommunity(community("slack:TGONE", { inactiveSince: t(0) }));
      await tx.addNudges([
        nudge("slack:TGONE", "g1", { dueAt: t(1) }),
        nudge("slack:TGONE", "g2", { dueAt: t(2) }),
        nudge("slack:TLIVE", "l1", { dueAt: t(3) }),
        nudge("slack:TLIVE", "l2", { dueAt: t(4) }),
      ]);
    });
    // slack:TLIVE has no community row at all: a community not known to be inactive is reachable.
    expect((await outbox().claimDue(t(100), 2, "w1", t(110))).map((n) => n.id)).toEqual(["l1", "l2"]);
  });
});

const dir = mkdtempSync(join(tmpdir(), "percolate-plan-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("the claim still walks the nudges' (status, due_at) index on SQLite, probing communities by key", async () => {
  const file = join(dir, "plan.db");
  await (await openStore(`file:${file}`)).close();
  const db = new Database(file, { readonly: true });
  try {
    const q = claimDueSql("sqlite", t(0), 50, "w1", t(1));
    const values = q.values.map((v) => (v instanceof Date ? v.toISOString() : v));
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...values) as { detail: string }[]).map((r) => r.detail);
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH nudges USING INDEX nudges_status_due_at_idx \(status=\? AND due_at<\?\)$/));
    expect(plan).toContainEqual(expect.stringMatching(/^SEARCH c USING INDEX sqlite_autoindex_communities_1 \(id=\?\)$/));
    expect(plan.join("\n")).not.toMatch(/SCAN nudges|TEMP B-TREE/);
  } finally {
    db.close();
  }
});
