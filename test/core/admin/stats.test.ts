import { describe, expect, it } from "vitest";
import { adminStats } from "../../../src/core/use-cases/index.js";
import { gini, median, parsePeriod } from "../../../src/core/stats/index.js";
import { renderStats } from "../../../src/text/index.js";
import { unwrap, expectFail, world } from "../use-cases/helpers.js";
import { C, NOW, seedHistory } from "./seed.js";

const admin = { communityId: C, memberId: `${C}:admin`, displayName: "admin", platformAdmin: true };

async function seeded() {
  const w = world({ start: NOW, community: C });
  await seedHistory(w.store);
  return w;
}

describe("admin stats on a seeded history", () => {
  it("gives the known figures for the default 30 days", async () => {
    const w = await seeded();
    const s = unwrap(await adminStats(w.deps, { actor: admin }));
    expect(s.period).toBe("30d");
    expect(s.since?.toISOString()).toBe("2026-10-24T08:00:00.000Z");
    // r1..r8 (r0 is from September); r5 came from v1's referral.
    expect(s.funnel.requests).toBe(8);
    expect(s.referrals).toBe(1);
    // i1..i8: five accepted, i6 declined, i7 expired, i8 pending.
    expect(s.intros).toEqual({ offered: 8, accepted: 5, declined: 1, expired: 1 });
    // First intros an hour after asking, but r7's 16 hours: [1, 1, 1, 1, 1, 1, 16] → median 1, p90 (7th of 7) 16.
    expect(s.timeToFirstIntro).toEqual({ count: 7, medianHours: 1, p90Hours: 16 });
    // Booked (at creation: no bookedAt recorded) 15, 17, 25, 25 hours after asking.
    expect(s.timeToBooked).toEqual({ count: 4, medianHours: 21, p90Hours: 25 });
    // c1, c2, c3, c5 got a time; c1 and c5 happened; c2 was a no-show; c4 is still proposing.
    expect(s.chats).toEqual({ booked: 4, happened: 2, noShow: 1, disputed: 0, cancelled: 0 });
    // Notes written: n1, n2, and n3 (written, not yet delivered); n0 is older; the prompts p1, p2 never count.
    expect(s.funnel).toEqual({ requests: 8, intros: 8, accepted: 5, booked: 4, happened: 2, thanked: 3 });
    // November load: v1 2/4, v2 2/2, v3 0/2, v4 1/4 → [0.5, 1, 0, 0.25]; Gini = 6.5 / (2·16·0.4375).
    expect(s.volunteerLoad).toEqual({ volunteers: 4, min: 0, median: 0.38, max: 1, spread: 0.46 });
    // r6 (waitlisted 6 days), r7 (offered 2 days), r8 (open 1 day), one each for s5, s2, s4.
    expect(s.waiting).toEqual({ seekers: 3, requests: 3, medianHours: 48, longestHours: 144 });
    // rust: asked once, nobody offers it; python: one waiting although capacity exists.
    expect(s.shortTags).toEqual([
      { tag: "rust", requested: 1, waiting: 1, volunteers: 0, capacity: 0 },
      { tag: "python", requested: 2, waiting: 1, volunteers: 2, capacity: 6 },
    ]);
  });

  it("counts everything for `all`, and the same load and queue", async () => {
    const w = await seeded();
    const s = unwrap(await adminStats(w.deps, { actor: admin, period: "all" }));
    expect(s.since).toBeNull();
    expect(s.funnel).toEqual({ requests: 9, intros: 9, accepted: 6, booked: 5, happened: 3, thanked: 4 });
    expect(s.intros).toEqual({ offered: 9, accepted: 6, declined: 1, expired: 1 });
    expect(s.chats).toEqual({ booked: 5, happened: 3, noShow: 1, disputed: 0, cancelled: 0 });
    // From r0's week (Monday 31 August) to this one, empty weeks included.
    expect(s.weeks).toHaveLength(13);
    expect(s.weeks[0]?.start.toISOString()).toBe("2026-08-31T00:00:00.000Z");
    expect(s.volunteerLoad.spread).toBe(0.46);
    expect(s.waiting.requests).toBe(3);
  });

  it("narrows to a week (since Nov 16 08:00): r6–r8, i6–i8, and c5 held on the 18th though booked before", async () => {
    const w = await seeded();
    const s = unwrap(await adminStats(w.deps, { actor: admin, period: "1w" }));
    expect(s.funnel.requests).toBe(3);
    expect(s.intros).toEqual({ offered: 3, accepted: 0, declined: 1, expired: 1 });
    expect(s.timeToBooked).toEqual({ count: 0, medianHours: null, p90Hours: null });
    expect(s.chats).toEqual({ booked: 0, happened: 1, noShow: 0, disputed: 0, cancelled: 0 });
  });

  it("renders the same figures as a table", async () => {
    const w = await seeded();
    const text = renderStats(unwrap(await adminStats(w.deps, { actor: admin })));
    expect(text).toContain("last 30d (since Sat, 24 Oct 2026)");
    expect(text).toContain("Requests 8 → Intros 8 → Accepted 5 → Booked 4 → Happened 2 → Thanked 3");
    expect(text).toMatch(/Time to first intro\s+median 1 h · p90 16 h \(7 requests\)/);
    expect(text).toMatch(/Intros\s+8 offered · 1 declined · 1 expired/);
    expect(text).toContain("4 volunteers · min 0% · median 38% · max 100% of capacity");
    expect(text).toContain("Load spread            0.46 — 0 means every volunteer does the same share");
    expect(text).toContain("3 seekers (3 requests) · median 2 days · longest 6 days");
    expect(text).toContain("rust: 1 requested, 1 waiting · 0 volunteers, 0 chats/month");
  });

  it("refuses a period it cannot read, naming the forms", async () => {
    const w = await seeded();
    expect(expectFail(await adminStats(w.deps, { actor: admin, period: "fortnight" }), "BAD_PERIOD")).toMatchObject({ given: "fortnight" });
  });
});

describe("stats arithmetic", () => {
  it("median and Gini follow the textbook definitions", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
    expect(gini([1, 1, 1, 1])).toBe(0);
    // One carries everything among n: (n − 1) / n.
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75);
    expect(gini([0.5, 1, 0, 0.25])).toBeCloseTo(6.5 / 14);
  });

  it("reads periods", () => {
    expect(parsePeriod(undefined, NOW)?.label).toBe("30d");
    expect(parsePeriod("12w", NOW)?.since?.toISOString()).toBe("2026-08-31T08:00:00.000Z");
    expect(parsePeriod("ALL", NOW)?.since).toBeNull();
    for (const bad of ["0d", "3x", "-1d", "12", "99999d"]) expect(parsePeriod(bad, NOW)).toBeNull();
  });
});
