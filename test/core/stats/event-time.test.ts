import { describe, expect, it } from "vitest";
import { computeStats, quantile } from "../../../src/core/stats/index.js";
import { renderStats } from "../../../src/text/index.js";
import { at, chat, feedback, input, intro, member, request, slot, thanks, volunteer } from "./fixture.js";

// Monday 23 November 2026, noon UTC; `2w` starts Monday 9 November, noon.
const NOW = "2026-11-23T12:00:00";

describe("each event counts in the period it happened", () => {
  it("a chat created three weeks ago and held last week counts as happened in `2w` (bug: it showed 0)", () => {
    const s = computeStats(
      input(NOW, "2w", {
        requests: [request("r1", "2026-10-30T09:00:00")],
        chats: [chat("c1", "r1", "2026-11-01T10:00:00", { status: "happened", slot: slot("2026-11-17T15:00:00") })],
      }),
    );
    expect(s.funnel.happened).toBe(1);
    expect(s.chats.happened).toBe(1);
    // Booked at creation (no bookedAt on record), before the period.
    expect(s.funnel.booked).toBe(0);
    expect(s.funnel.requests).toBe(0);
    expect(renderStats(s)).toMatch(/Outcomes\s+1 happened/);
  });

  it("a booking counts when the pair picked the slot (bookedAt), not when the chat was created", () => {
    const c = chat("c1", "r1", "2026-11-05T10:00:00", {
      status: "scheduled",
      slot: slot("2026-11-30T15:00:00"),
      bookedAt: at("2026-11-10T08:00:00"),
    });
    const s = computeStats(input(NOW, "2w", { requests: [request("r1", "2026-11-04T08:00:00")], chats: [c] }));
    expect(s.chats.booked).toBe(1);
    // 6 days from asking to booking.
    expect(s.timeToBooked).toEqual({ count: 1, medianHours: 144, p90Hours: 144 });
    // A chat still proposing was never booked; a cancelled one counts as booked only if it held a slot.
    const none = computeStats(
      input(NOW, "2w", {
        chats: [
          chat("c2", "r1", "2026-11-20T10:00:00"),
          chat("c3", "r1", "2026-11-20T10:00:00", { status: "cancelled", updatedAt: at("2026-11-21T00:00:00") }),
          chat("c4", "r1", "2026-11-20T10:00:00", {
            status: "cancelled",
            slot: slot("2026-11-25T10:00:00"),
            updatedAt: at("2026-11-22T00:00:00"),
          }),
        ],
      }),
    );
    expect(none.chats).toEqual({ booked: 1, happened: 0, noShow: 0, disputed: 0, cancelled: 2 });
  });

  it("intros: offered by offer time; accepted, declined and expired when that happened", () => {
    const s = computeStats(
      input(NOW, "2w", {
        intros: [
          // Offered before the period, accepted inside it.
          intro("i1", "r1", "2026-11-08T12:00:00", { status: "accepted", respondedAt: at("2026-11-09T13:00:00") }),
          // Offered inside, declined inside.
          intro("i2", "r2", "2026-11-10T12:00:00", { status: "declined", respondedAt: at("2026-11-10T14:00:00") }),
          // Expired with no time recorded: at its deadline (8 Nov + 72 h = 11 Nov), inside.
          intro("i3", "r3", "2026-11-08T00:00:00", { status: "expired" }),
          // Expired before the period.
          intro("i4", "r4", "2026-11-01T00:00:00", { status: "expired", respondedAt: at("2026-11-04T00:00:00") }),
        ],
      }),
    );
    expect(s.intros).toEqual({ offered: 1, accepted: 1, declined: 1, expired: 1 });
    expect(s.funnel.accepted).toBe(1);
    expect(s.funnel.intros).toBe(1);
  });

  it("a no-show counts when it was due, and names who reported it", () => {
    const c = chat("c1", "r1", "2026-10-20T10:00:00", {
      status: "no_show",
      slot: slot("2026-11-12T15:00:00"),
      reports: [{ by: "v", outcome: "no_show", at: at("2026-11-12T16:00:00") }],
    });
    const s = computeStats(input(NOW, "2w", { chats: [c] }));
    expect(s.chats.noShow).toBe(1);
    expect(s.noShows).toEqual([
      expect.objectContaining({ chatId: "c1", status: "no_show", reportedBy: [{ id: "v", name: "V", timeZone: "UTC" }] }),
    ]);
    expect(renderStats(s)).toContain("S with V, Thu, 12 Nov 2026 — reported by V");
    // Outside the period it is not listed.
    expect(computeStats(input(NOW, "1w", { chats: [c] })).noShows).toEqual([]);
  });

  it("thank-yous count when the seeker wrote them, delivered or not, except withdrawn ones (bug: counted deliveries)", () => {
    const s = computeStats(
      input(NOW, "2w", {
        nudges: [
          thanks("n1", "c1", "2026-11-20T10:00:00", "pending"),
          thanks("n2", "c2", "2026-11-15T10:00:00", "failed"),
          thanks("n3", "c3", "2026-11-16T10:00:00", "sent", "2026-11-16T10:01:00"),
          // Written before the period, delivered inside it: not thanked in the period.
          thanks("n4", "c4", "2026-11-08T23:00:00", "sent", "2026-11-10T09:00:00"),
          thanks("n5", "c5", "2026-11-18T10:00:00", "cancelled"),
        ],
      }),
    );
    expect(s.funnel.thanked).toBe(3);
  });

  it("feedback counts when given, averaged by side", () => {
    const c = chat("c1", "r1", "2026-10-01T10:00:00", { status: "happened", slot: slot("2026-10-05T10:00:00") });
    const s = computeStats(
      input(NOW, "2w", {
        chats: [c],
        feedback: [
          feedback("f1", "c1", "s", 5, "2026-11-10T00:00:00"),
          feedback("f2", "c1", "v", 4, "2026-11-11T00:00:00"),
          feedback("f3", "c1", "v", 1, "2026-10-06T00:00:00"),
        ],
      }),
    );
    expect(s.feedback).toEqual({ count: 2, average: 4.5, fromSeekers: { count: 1, average: 5 }, fromVolunteers: { count: 1, average: 4 } });
    expect(s.chats.happened).toBe(0);
  });

  it("time to first intro: over requests whose first intro fell in the period, from the request", () => {
    const s = computeStats(
      input(NOW, "2w", {
        requests: [request("r1", "2026-11-01T00:00:00"), request("r2", "2026-11-10T00:00:00"), request("r3", "2026-11-20T00:00:00")],
        intros: [
          // r1's first intro was before the period: not measured, though a second came inside it.
          intro("i1", "r1", "2026-11-02T00:00:00", { status: "expired" }),
          intro("i2", "r1", "2026-11-12T00:00:00"),
          intro("i3", "r2", "2026-11-10T06:00:00"),
          intro("i4", "r3", "2026-11-22T00:00:00"),
        ],
      }),
    );
    expect(s.timeToFirstIntro).toEqual({ count: 2, medianHours: 27, p90Hours: 48 });
  });
});

describe("weeks", () => {
  it("start Monday 00:00 in the community's zone: a Sunday-night event in Los Angeles lands in that Sunday's week", () => {
    // Sunday 22 November, 23:30 in Los Angeles = Monday 23 November, 07:30 UTC.
    const s = computeStats(input(NOW, "2w", { requests: [request("r1", "2026-11-23T07:30:00")] }, "America/Los_Angeles"));
    expect(s.timeZone).toBe("America/Los_Angeles");
    // 9 Nov noon UTC is Monday 04:00 in LA: weeks of 9, 16 and 23 November, LA midnight = 08:00 UTC.
    expect(s.weeks.map((w) => w.start.toISOString())).toEqual([
      "2026-11-09T08:00:00.000Z",
      "2026-11-16T08:00:00.000Z",
      "2026-11-23T08:00:00.000Z",
    ]);
    expect(s.weeks.map((w) => w.counts.requests)).toEqual([0, 1, 0]);
    // The same event in UTC is Monday's.
    const utc = computeStats(input(NOW, "2w", { requests: [request("r1", "2026-11-23T07:30:00")] }));
    expect(utc.weeks.map((w) => [w.start.toISOString().slice(0, 10), w.counts.requests])).toEqual([
      ["2026-11-09", 0],
      ["2026-11-16", 0],
      ["2026-11-23", 1],
    ]);
  });

  it("for `all`, run from the first event's week to now, empty weeks included", () => {
    const s = computeStats(input(NOW, "all", { requests: [request("r1", "2026-11-04T10:00:00")] }));
    expect(s.weeks.map((w) => w.start.toISOString().slice(0, 10))).toEqual(["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]);
    expect(s.weeks.map((w) => w.counts.requests)).toEqual([1, 0, 0, 0]);
  });
});

describe("figures", () => {
  it("p90 is the nearest rank: one of the values measured", () => {
    expect(quantile([], 0.9)).toBeNull();
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(quantile([10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11], 0.9)).toBe(10);
    expect(quantile([3, 1, 2], 0.5)).toBe(2);
  });

  it('the load spread is explained in words, not a bare Gini (bug: "Gini 0.667")', () => {
    // Three volunteers, one carrying everything this month: Gini (n − 1)/n = 0.67.
    const s = computeStats(
      input(NOW, "30d", {
        members: [member("s"), member("v"), member("w"), member("x")],
        volunteers: [volunteer("v"), volunteer("w"), volunteer("x")],
        chats: [chat("c1", "r1", "2026-11-20T10:00:00", { status: "scheduled", slot: slot("2026-11-26T10:00:00") })],
      }),
    );
    expect(s.volunteerLoad.spread).toBe(0.67);
    const text = renderStats(s);
    expect(text).toMatch(/Load spread\s+0\.67 — 0 means every volunteer does the same share; towards 1 means a few carry the load\./);
    expect(text).not.toContain("Gini");
  });
});
