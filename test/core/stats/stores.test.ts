import { expect, it } from "vitest";
import { adminStats, dashboardChats, dashboardVolunteers } from "../../../src/core/use-cases/index.js";
import { eachStore } from "../../store/each-store.js";
import { C, NOW, seedHistory } from "../admin/seed.js";
import { unwrap, world } from "../use-cases/helpers.js";

const admin = { communityId: C, memberId: `${C}:admin`, displayName: "admin", platformAdmin: true };

eachStore("programme figures", (ctx) => {
  it("are the same on every store: events by when they happened, thank-yous by when written", async () => {
    const w = world({ store: ctx.store(), start: NOW, community: C });
    await seedHistory(w.store);
    const s = unwrap(await adminStats(w.deps, { actor: admin }));
    expect(s.funnel).toEqual({ requests: 8, intros: 8, accepted: 5, booked: 4, happened: 2, thanked: 3 });
    expect(s.timeToFirstIntro).toEqual({ count: 7, medianHours: 1, p90Hours: 16 });
    expect(s.weeks.map((x) => x.start.toISOString().slice(0, 10))).toEqual([
      "2026-10-19",
      "2026-10-26",
      "2026-11-02",
      "2026-11-09",
      "2026-11-16",
      "2026-11-23",
    ]);
    const all = unwrap(await adminStats(w.deps, { actor: admin, period: "all" }));
    expect(all.funnel.thanked).toBe(4);
    const v = unwrap(await dashboardVolunteers(w.deps, { actor: admin }));
    expect(v.rows.map((r) => [r.volunteer.name, r.state, r.load])).toEqual([
      ["V2", "full", 1],
      ["V1", "available", 0.5],
      ["V4", "available", 0.25],
      ["V3", "available", 0],
    ]);
    expect(v.recruiting.map((t) => t.tag)).toEqual(["rust", "python"]);
    const c = unwrap(await dashboardChats(w.deps, { actor: admin, includeNotes: false }));
    // Newest activity first: c5 held on the 18th, c4 created on the 15th, c2 held and c3 booked at the same moment (by id), c1.
    expect(c.rows.map((r) => r.chatId)).toEqual(["c5", "c4", "c2", "c3", "c1"]);
  });
});
