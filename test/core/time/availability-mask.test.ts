import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Availability } from "../../../src/core/domain/member.js";
import { PercolateError } from "../../../src/core/result.js";
import {
  and,
  andNot,
  busyMask,
  CELL_MINUTES,
  freeMask,
  isValidZone,
  makeGrid,
  popcount,
  sharedFreeHours,
  testBit,
} from "../../../src/core/time/availability-mask.js";
import { MIN, runs, utc, wallClockFree, ZONES, availabilityArb, nowArb } from "./helpers.js";

const monday9to10: Availability = { windows: [{ day: 1, start: "09:00", end: "10:00" }], datesOff: [] };

/** The free runs of `av` in `zone` over `days` days from `from`, as ISO intervals. */
function freeRuns(av: Availability, zone: string, from: string, days: number): string[] {
  const grid = makeGrid(utc(from), days);
  return runs(freeMask(av, zone, grid), grid.originMs, grid.cells);
}

describe("makeGrid", () => {
  it("floors the origin to a UTC quarter hour and has 96 cells a day", () => {
    const g = makeGrid(utc("2026-03-01T10:14:59.999Z"), 2);
    expect(new Date(g.originMs).toISOString()).toBe("2026-03-01T10:00:00.000Z");
    expect(g.cells).toBe(192);
    expect(CELL_MINUTES).toBe(15);
  });
});

describe("popcount", () => {
  const naive = (m: Uint32Array): number => {
    let n = 0;
    for (const w of m) for (let b = 0; b < 32; b++) n += (w >>> b) & 1;
    return n;
  };

  it("matches a naive bit count", () => {
    fc.assert(
      fc.property(fc.uint32Array({ maxLength: 64 }), (m) => popcount(m) === naive(m)),
      { numRuns: 300 },
    );
    expect(popcount(new Uint32Array([0xffffffff, 0x80000000, 1]))).toBe(34);
  });

  it("sharedFreeHours is popcount(a AND b) / 4", () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 8, maxLength: 8 }), fc.uint32Array({ minLength: 8, maxLength: 8 }), (a, b) => {
        expect(sharedFreeHours(a, b)).toBe(popcount(and(a, b)) * 0.25);
        expect(popcount(andNot(a, b)) + popcount(and(a, b))).toBe(popcount(a));
      }),
      { numRuns: 100 },
    );
  });

  it("refuses masks from different grids", () => {
    expect(() => and(new Uint32Array(2), new Uint32Array(3))).toThrow(PercolateError);
    expect(() => sharedFreeHours(new Uint32Array(2), new Uint32Array(3))).toThrow(PercolateError);
  });
});

describe("freeMask across DST", () => {
  it("Europe/Berlin Monday 09:00–10:00 follows the March and October changes", () => {
    expect(freeRuns(monday9to10, "Europe/Berlin", "2026-03-22T00:00:00Z", 14)).toEqual([
      "2026-03-23T08:00:00.000Z/2026-03-23T09:00:00.000Z",
      "2026-03-30T07:00:00.000Z/2026-03-30T08:00:00.000Z",
    ]);
    expect(freeRuns(monday9to10, "Europe/Berlin", "2026-10-18T00:00:00Z", 14)).toEqual([
      "2026-10-19T07:00:00.000Z/2026-10-19T08:00:00.000Z",
      "2026-10-26T08:00:00.000Z/2026-10-26T09:00:00.000Z",
    ]);
  });

  it("America/New_York changes on its own dates (8 March, 1 November)", () => {
    expect(freeRuns(monday9to10, "America/New_York", "2026-03-01T00:00:00Z", 14)).toEqual([
      "2026-03-02T14:00:00.000Z/2026-03-02T15:00:00.000Z",
      "2026-03-09T13:00:00.000Z/2026-03-09T14:00:00.000Z",
    ]);
    expect(freeRuns(monday9to10, "America/New_York", "2026-10-25T00:00:00Z", 14)).toEqual([
      "2026-10-26T13:00:00.000Z/2026-10-26T14:00:00.000Z",
      "2026-11-02T14:00:00.000Z/2026-11-02T15:00:00.000Z",
    ]);
  });

  it("Australia/Sydney moves the other way in April and October", () => {
    // Monday 09:00 local is Sunday evening UTC.
    expect(freeRuns(monday9to10, "Australia/Sydney", "2026-03-29T00:00:00Z", 14)).toEqual([
      "2026-03-29T22:00:00.000Z/2026-03-29T23:00:00.000Z",
      "2026-04-05T23:00:00.000Z/2026-04-06T00:00:00.000Z",
    ]);
    expect(freeRuns(monday9to10, "Australia/Sydney", "2026-09-27T00:00:00Z", 14)).toEqual([
      "2026-09-27T23:00:00.000Z/2026-09-28T00:00:00.000Z",
      "2026-10-04T22:00:00.000Z/2026-10-04T23:00:00.000Z",
    ]);
  });

  it("Asia/Kolkata (no DST, +5:30) does not move", () => {
    expect(freeRuns(monday9to10, "Asia/Kolkata", "2026-03-22T00:00:00Z", 14)).toEqual([
      "2026-03-23T03:30:00.000Z/2026-03-23T04:30:00.000Z",
      "2026-03-30T03:30:00.000Z/2026-03-30T04:30:00.000Z",
    ]);
  });

  it("counts real instants on the change nights (23- and 25-hour days)", () => {
    const sunday = (start: string, end: string): Availability => ({ windows: [{ day: 7, start, end }], datesOff: [] });
    // Berlin spring forward: 01:00–04:00 local is two real hours.
    expect(freeRuns(sunday("01:00", "04:00"), "Europe/Berlin", "2026-03-28T00:00:00Z", 2)).toEqual([
      "2026-03-29T00:00:00.000Z/2026-03-29T02:00:00.000Z",
    ]);
    // A window inside the gap is empty; one starting in it begins where luxon moves it (03:30).
    expect(freeRuns(sunday("02:15", "03:00"), "Europe/Berlin", "2026-03-28T00:00:00Z", 2)).toEqual([]);
    expect(freeRuns(sunday("02:30", "04:00"), "Europe/Berlin", "2026-03-28T00:00:00Z", 2)).toEqual([
      "2026-03-29T01:30:00.000Z/2026-03-29T02:00:00.000Z",
    ]);
    // Berlin fall back: 01:00–04:00 local is four real hours, the repeated hour once each.
    expect(freeRuns(sunday("01:00", "04:00"), "Europe/Berlin", "2026-10-24T00:00:00Z", 2)).toEqual([
      "2026-10-24T23:00:00.000Z/2026-10-25T03:00:00.000Z",
    ]);
    const allDay = sunday("00:00", "24:00");
    const grid = makeGrid(utc("2026-04-03T00:00:00Z"), 4);
    expect(popcount(freeMask(allDay, "Australia/Sydney", grid))).toBe(25 * 4);
    const grid2 = makeGrid(utc("2026-10-02T00:00:00Z"), 4);
    expect(popcount(freeMask(allDay, "Australia/Sydney", grid2))).toBe(23 * 4);
  });
});

describe("freeMask rules", () => {
  it("joins a window ending at 24:00 to one starting at 00:00 the next day", () => {
    const av: Availability = {
      windows: [
        { day: 5, start: "22:00", end: "24:00" },
        { day: 6, start: "00:00", end: "01:00" },
      ],
      datesOff: [],
    };
    expect(freeRuns(av, "UTC", "2026-06-01T00:00:00Z", 7)).toEqual(["2026-06-05T22:00:00.000Z/2026-06-06T01:00:00.000Z"]);
  });

  it("skips local dates off, judged in the member's zone", () => {
    const av: Availability = { ...monday9to10, datesOff: ["2026-03-30"] };
    expect(freeRuns(av, "Australia/Sydney", "2026-03-29T00:00:00Z", 14)).toEqual(["2026-04-05T23:00:00.000Z/2026-04-06T00:00:00.000Z"]);
  });

  it("only sets cells wholly inside a window (edges off the quarter hour round inwards)", () => {
    const av: Availability = { windows: [{ day: 1, start: "09:10", end: "10:05" }], datesOff: [] };
    expect(freeRuns(av, "UTC", "2026-06-01T00:00:00Z", 1)).toEqual(["2026-06-01T09:15:00.000Z/2026-06-01T10:00:00.000Z"]);
  });

  it("agrees with an independent wall-clock check for every cell", () => {
    fc.assert(
      fc.property(
        nowArb.chain((now) => fc.tuple(fc.constant(now), availabilityArb(now))),
        fc.constantFrom(...ZONES),
        ([now, av], zone) => {
          const grid = makeGrid(now, 3);
          const mask = freeMask(av, zone, grid);
          for (let i = 0; i < grid.cells; i++) {
            if (!testBit(mask, i)) continue;
            const start = grid.originMs + i * 15 * MIN;
            for (let t = start; t < start + 15 * MIN; t += 5 * MIN) expect(wallClockFree(av, zone, t)).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("throws PercolateError for an invalid zone", () => {
    expect(isValidZone("Europe/Berlin")).toBe(true);
    expect(isValidZone("Mars/Olympus_Mons")).toBe(false);
    expect(() => freeMask(monday9to10, "Mars/Olympus_Mons", makeGrid(utc("2026-01-01T00:00:00Z"), 1))).toThrow(PercolateError);
  });
});

describe("busyMask", () => {
  it("sets every cell a busy slot touches, and none outside the grid", () => {
    const grid = makeGrid(utc("2026-06-01T00:00:00Z"), 1);
    const busy = [
      { start: utc("2026-06-01T09:05:00Z"), end: utc("2026-06-01T09:20:00Z") },
      { start: utc("2026-05-31T23:00:00Z"), end: utc("2026-06-01T00:15:00Z") },
      { start: utc("2026-06-01T23:45:00Z"), end: utc("2026-06-02T03:00:00Z") },
      { start: utc("2026-06-01T12:00:00Z"), end: utc("2026-06-01T12:00:00Z") },
    ];
    expect(runs(busyMask(busy, grid), grid.originMs, grid.cells)).toEqual([
      "2026-06-01T00:00:00.000Z/2026-06-01T00:15:00.000Z",
      "2026-06-01T09:00:00.000Z/2026-06-01T09:30:00.000Z",
      "2026-06-01T23:45:00.000Z/2026-06-02T00:00:00.000Z",
    ]);
  });
});
