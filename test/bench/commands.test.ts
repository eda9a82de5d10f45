import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BenchDb, openBenchDb } from "../../bench/lib/bench-db.js";
import { KINDS, type MixResult, runMix, reserveFor, StepClock } from "../../bench/lib/command-mix.js";
import { seedCommunity, type Seeded } from "../../bench/lib/seed-community.js";

const NOW = new Date("2026-03-11T09:00:00Z");

// The benchmark's own machinery on a small SQLite community: seeding writes what it built and the
// store reads it back; the mix runs every kind of command and none fails. No timing is asserted.
describe("bench:commands on a seeded SQLite community", () => {
  let db: BenchDb;
  let seeded: Seeded;
  let result: MixResult;
  let stored: Record<string, unknown>;

  beforeAll(async () => {
    db = await openBenchDb("sqlite", "test");
    seeded = await seedCommunity(db, { members: 300, now: NOW, reserve: reserveFor(60) });
    const { model } = seeded;
    const c = model.community.id;
    // Read back before the mix changes anything.
    stored = await db.store.tx(async (tx) => ({
      members: (await tx.listMembers(c)).length,
      volunteers: (await tx.listVolunteers(c)).length,
      requests: (await tx.listRequests(c)).length,
      intros: (await tx.listIntros(c)).length,
      chats: (await tx.listChats(c)).length,
      pending: (await tx.listIntros(c, { status: ["pending"] })).length,
      first: await tx.getMember(c, model.members[0]?.id ?? ""),
    }));
    result = await runMix(db.store, model, new StepClock(NOW.getTime()), { commands: 60, inflight: 1 });
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it("writes every seeded record, and the store reads them back", () => {
    const { model, counts } = seeded;
    expect(counts.members).toBe(300);
    expect(counts.volunteer_profiles).toBe(60);
    expect(counts.seeker_profiles).toBe(240);
    expect(counts.chat_requests).toBe(model.requests.length);
    expect(stored).toMatchObject({
      members: 300,
      volunteers: 60,
      requests: counts.chat_requests,
      intros: counts.intros,
      chats: counts.chats,
      pending: model.pendingIntros.length,
    });
    expect(stored.first).toEqual(model.members[0]);
    expect(model.pendingIntros.length).toBeGreaterThanOrEqual(reserveFor(60).accepts);
    expect(model.proposingChats.length).toBeGreaterThan(0);
  });

  it("runs every kind of command in the mix, and none fails", () => {
    for (const k of KINDS) expect(result.kinds[k].count, k).toBeGreaterThan(0);
    expect(result.failures).toEqual([]);
    expect(result.failed).toBe(0);
    expect(result.substituted).toBe(0);
    expect(Object.values(result.kinds).reduce((a, k) => a + k.count, 0)).toBe(60);
  });
});
