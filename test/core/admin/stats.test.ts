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
    expect(s.requests).toBe(8);
    expect(s.referrals).toBe(1);
    // i1..i8: five accepted, i6 declined, i7 expired, i8 pending.
    expect(s.intros).toEqual({ offered: 8, accepted: 5, declined: 1, expired: 1 });
    // Accept delays 4, 12, 24, 2, 6 hours → median 6.
    expect(s.medianHoursToAccept).toBe(6);
    // c1, c2, c3, c5 got a time; c1 and c5 happened; c2 was a no-show; c4 is still proposing.
    expect(s.chats).toEqual({ scheduled: 4, happened: 2, noShow: 1, disputed: 0 });
    // Real notes: n1 and n2 delivered in the period; n0 is older, n3 still pending; the prompts p1, p2 never count.
    expect(s.thankYousSent).toBe(2);
    // November load: v1 2/4, v2 2/2, v3 0/2, v4 1/4 → [0.5, 1, 0, 0.25]; Gini = 6.5 / (2·16·0.4375).
    expect(s.volunteerLoad).toEqual({ volunteers: 4, min: 0, median: 0.38, max: 1, gini: 0.464 });
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
    expect(s.requests).toBe(9);
    expect(s.intros).toEqual({ offered: 9, accepted: 6, declined: 1, expired: 1 });
    // Adding i0's 8 hours: [2, 4, 6, 8, 12, 24] → 7.
    expect(s.medianHoursToAccept).toBe(7);
    expect(s.chats).toEqual({ scheduled: 5, happened: 3, noShow: 1, disputed: 0 });
    expect(s.thankYousSent).toBe(3);
    expect(s.volunteerLoad.gini).toBe(0.464);
    expect(s.waiting.requests).toBe(3);
  });

  it("narrows to a week (since Nov 16 08:00): r6–r8, i6–i8, no chat created", async () => {
    const w = await seeded();
    const s = unwrap(await adminStats(w.deps, { actor: admin, period: "1w" }));
    expect(s.requests).toBe(3);
    expect(s.intros).toEqual({ offered: 3, accepted: 0, declined: 1, expired: 1 });
    expect(s.medianHoursToAccept).toBeNull();
    expect(s.chats).toEqual({ scheduled: 0, happened: 0, noShow: 0, disputed: 0 });
  });

  it("renders the same figures as a table", async () => {
    const w = await seeded();
    const text = renderStats(unwrap(await adminStats(w.deps, { actor: admin })));
    expect(text).toContain("last 30d (since 2026-10-24)");
    expect(text).toMatch(/Intros offered\s+8 · accepted 5 · declined 1 · expired 1/);
    expect(text).toMatch(/Median time to accept\s+6 h/);
    expect(text).toContain("4 volunteers · min 0% · median 38% · max 100% of capacity · Gini 0.464");
    expect(text).toContain("3 (3 requests) · median 2 days · longest 6 days");
    expect(text).toContain("rust: 1 requested, 1 waiting · 0 volunteer(s), 0 chats/month");
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
