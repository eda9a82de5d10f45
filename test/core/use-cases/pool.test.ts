import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ChatRequest, type Community, defaultSettings, type Member } from "../../../src/core/domain/index.js";
import { rankCandidates } from "../../../src/core/matching/score.js";
import { blockerFor } from "../../../src/core/use-cases/shared/blocker.js";
import { askerFor, loadBatchPool, loadPool } from "../../../src/core/use-cases/shared/pool.js";
import { MemoryStore } from "../../../src/store/memory-store.js";

const NOW = new Date("2026-03-04T10:00:00Z");
const DAY = 86_400_000;
const C = "shell:pool";
/** Tags with aliases (built-in `ml`, `ux`; the community's own `golang`) and spellings that meet only through them. */
const TAGS = ["ml", "machine-learning", "ux", "ux-design", "go", "golang", "rust", "data", "c++"];
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata"];

const personArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  status: fc.constantFrom("active", "active", "active", "paused", "opted_out"),
  pausedDays: fc.option(fc.integer({ min: -5, max: 20 })),
  forgotten: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
  blocks: fc.array(fc.integer({ min: 0, max: 11 }), { maxLength: 1 }),
  start: fc.constantFrom("08:00", "09:00", "14:00"),
  volunteer: fc.option(
    fc.record({
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
      active: fc.boolean(),
      capacity: fc.integer({ min: 0, max: 3 }),
    }),
  ),
  interests: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
});
const chatArb = fc.record({
  seeker: fc.integer({ min: 0, max: 11 }),
  volunteer: fc.integer({ min: 0, max: 11 }),
  status: fc.constantFrom("scheduled", "happened", "cancelled", "proposing"),
  daysAgo: fc.integer({ min: -5, max: 60 }),
});

/** A small random community: people, chats, pending intros and ratings. */
const worldArb = fc.record({
  people: fc.array(personArb, { minLength: 12, maxLength: 12 }),
  chats: fc.array(chatArb, { maxLength: 10 }),
  intros: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 0, max: 11 })), { maxLength: 4 }),
  ratings: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 5 })), { maxLength: 8 }),
  seeker: fc.integer({ min: 0, max: 11 }),
  tags: fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 2 }),
});

const id = (i: number): string => `shell:pool:m${i}`;

async function seed(store: MemoryStore, w: typeof worldArb extends fc.Arbitrary<infer T> ? T : never): Promise<Community> {
  const community: Community = { id: C, name: "pool", settings: defaultSettings({ tagAliases: { golang: "go" } }), createdAt: NOW };
  await store.tx(async (tx) => {
    await tx.saveCommunity(community);
    for (const [i, p] of w.people.entries()) {
      const m: Member = {
        id: id(i),
        communityId: C,
        displayName: `m${i}`,
        timeZone: p.zone,
        timeZoneConfirmed: true,
        status: p.status as Member["status"],
        pausedUntil: p.status === "paused" && p.pausedDays !== null ? new Date(NOW.getTime() + p.pausedDays * DAY) : null,
        blocked: p.blocks.map(id),
        availability: { windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: p.start, end: "18:00" })), datesOff: [] },
        forgotten: p.forgotten,
        celebrate: false,
        createdAt: new Date(NOW.getTime() - (100 - i) * DAY),
      };
      await tx.saveMember(m);
      if (p.volunteer)
        await tx.saveVolunteer({
          memberId: m.id,
          communityId: C,
          expertise: p.volunteer.tags,
          bio: "",
          capacityPerMonth: p.volunteer.capacity,
          formats: ["video"],
          meetingLink: "",
          active: p.volunteer.active,
          updatedAt: NOW,
        });
      if (p.interests.length)
        await tx.saveSeeker({ memberId: m.id, communityId: C, interests: p.interests, learn: "", intro: "", updatedAt: NOW });
    }
    for (const [k, c] of w.chats.entries()) {
      const at = new Date(NOW.getTime() - c.daysAgo * DAY);
      const slot = { start: new Date(at.getTime() + 2 * DAY), end: new Date(at.getTime() + 2 * DAY + 1_800_000) };
      await tx.saveChat({
        id: `chat-${k}`,
        communityId: C,
        requestId: `old-${k}`,
        introId: `intro-${k}`,
        seekerId: id(c.seeker),
        volunteerId: id(c.volunteer),
        status: c.status as "scheduled",
        minutes: 30,
        format: "video",
        proposedSlots: [],
        slot: c.status === "proposing" ? null : slot,
        reschedules: 0,
        cancelledBy: null,
        outcomeAt: null,
        reports: [],
        invite: null,
        createdAt: at,
        updatedAt: at,
      } as never);
    }
    for (const [k, [s, v]] of w.intros.entries())
      await tx.saveIntro({
        id: `pi-${k}`,
        communityId: C,
        requestId: `preq-${k}`,
        seekerId: id(s),
        volunteerId: id(v),
        status: "pending",
        reasons: { sharedTags: [], sharedFreeHours: 1, load: 0, score: 1 },
        offeredAt: NOW,
        deadline: new Date(NOW.getTime() + 3 * DAY),
        respondedAt: null,
        declineReason: null,
      } as never);
    for (const [k, [about, rating]] of w.ratings.entries())
      await tx.saveFeedback({
        id: `f-${k}`,
        communityId: C,
        chatId: `rc-${k}`,
        fromId: "x",
        aboutId: id(about),
        rating,
        note: "",
        createdAt: NOW,
      });
  });
  return community;
}

describe("loadPool (one request's candidates) against loadBatchPool (the whole community)", () => {
  it("ranks and explains a request exactly alike; only volunteers on other topics go unlooked at", async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, async (w) => {
        const store = new MemoryStore();
        const community = await seed(store, w);
        const request: ChatRequest = {
          id: "req-new",
          communityId: C,
          seekerId: id(w.seeker),
          tags: w.tags,
          goals: "g",
          status: "open",
          tried: [],
          suggestions: [],
          referredBy: null,
          createdAt: NOW,
          updatedAt: NOW,
        };
        await store.tx(async (tx) => {
          const whole = await loadBatchPool(tx, community, NOW);
          const mine = await loadPool(tx, community, NOW, request);
          const a = askerFor(whole, request);
          const b = askerFor(mine, request);
          const all = rankCandidates(a, whole.candidates, whole.weights, 100);
          const some = rankCandidates(b, mine.candidates, mine.weights, 100);
          expect(some.ranked).toEqual(all.ranked);
          // Volunteers on other topics are not in the request's pool, whatever else rules them out.
          const looked = new Set(mine.candidates.map((c) => c.volunteerId));
          expect(some.excluded).toEqual(all.excluded.filter((e) => looked.has(e.volunteerId)));
          expect(all.excluded.filter((e) => !looked.has(e.volunteerId) && e.why === "no_shared_time")).toEqual([]);
          expect(blockerFor(mine, request, b)).toEqual(blockerFor(whole, request, a));
        });
      }),
      { numRuns: 100 },
    );
  });
});
