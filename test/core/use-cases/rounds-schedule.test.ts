import { describe, expect, it } from "vitest";
import { checkInAt, nextOccurrence, nextRoundAt } from "../../../src/core/use-cases/index.js";

const berlin = { roundsEveryWeeks: 2, roundsWeekday: 2, roundsHour: 10, defaultTimeZone: "Europe/Berlin" };

describe("when peer rounds are due", () => {
  it("is the next Tuesday 10:00 in the community's zone after the first member joined", () => {
    // Monday 23 Nov 2026 08:00 UTC: Tuesday 10:00 Berlin (winter, UTC+1) is 09:00 UTC.
    expect(nextRoundAt(berlin, null, new Date("2026-11-23T08:00:00Z"))?.toISOString()).toBe("2026-11-24T09:00:00.000Z");
    // Joined on the Tuesday after 10:00: the Tuesday a week on.
    expect(nextRoundAt(berlin, null, new Date("2026-11-24T09:30:00Z"))?.toISOString()).toBe("2026-12-01T09:00:00.000Z");
  });

  it("runs every roundsEveryWeeks weeks after the last round, keeping 10:00 local across a DST change", () => {
    // Last round Tue 17 Mar 2026 10:00 Berlin (UTC+1); two weeks on is after the change to summer time (UTC+2).
    expect(nextRoundAt(berlin, new Date("2026-03-17T09:00:00Z"), null)?.toISOString()).toBe("2026-03-31T08:00:00.000Z");
    // A round an admin forced on a Friday: the next is the Tuesday after two weeks less a day.
    expect(nextRoundAt(berlin, new Date("2026-11-27T15:00:00Z"), null)?.toISOString()).toBe("2026-12-15T09:00:00.000Z");
    // A round that ran a few hours late keeps the rhythm.
    expect(nextRoundAt(berlin, new Date("2026-11-24T14:00:00Z"), null)?.toISOString()).toBe("2026-12-08T09:00:00.000Z");
  });

  it("reads the weekday and hour in other zones too, and is null when rounds are off or nobody joined", () => {
    const tokyo = { ...berlin, roundsWeekday: 1, roundsHour: 0, defaultTimeZone: "Asia/Tokyo", roundsEveryWeeks: 1 };
    // Monday 00:00 Tokyo is Sunday 15:00 UTC.
    expect(nextOccurrence(tokyo, new Date("2026-11-23T08:00:00Z")).toISOString()).toBe("2026-11-29T15:00:00.000Z");
    expect(nextRoundAt({ ...berlin, roundsEveryWeeks: 0 }, null, new Date())).toBeNull();
    expect(nextRoundAt(berlin, null, null)).toBeNull();
  });

  it("asks 'did you meet?' two days before the next round", () => {
    const at = new Date("2026-11-24T09:00:00Z");
    expect(checkInAt(berlin, at).toISOString()).toBe("2026-12-06T09:00:00.000Z");
    expect(checkInAt({ ...berlin, roundsEveryWeeks: 1 }, at).toISOString()).toBe("2026-11-29T09:00:00.000Z");
  });
});
