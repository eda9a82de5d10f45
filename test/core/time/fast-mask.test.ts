import fc from "fast-check";
import { Settings } from "luxon";
import { afterEach, describe, expect, it } from "vitest";
import { freeMask, makeGrid, maskOfIntervals } from "../../../src/core/time/availability-mask.js";
import { fastFreeIntervals } from "../../../src/core/time/fast-intervals.js";
import { freeIntervals } from "../../../src/core/time/windows.js";
import { availabilityArb, DAY, MIN, ZONES } from "./helpers.js";

/** Zones with DST both ways, half-hour DST, odd offsets and midnight transitions. */
const MORE_ZONES = ["America/Santiago", "America/Havana", "Asia/Tehran", "Europe/London", "America/St_Johns", "Pacific/Apia"];
const zoneArb = fc.constantFrom(...ZONES, ...MORE_ZONES);

/** Grid origins from 2000 to 2040 at whole minutes, so DST changes of many years fall inside the horizon. */
const originArb = fc.integer({ min: Date.UTC(2000, 0, 1) / MIN, max: Date.UTC(2040, 0, 1) / MIN }).map((m) => new Date(m * MIN));

/** The luxon implementation the fast builder replaces, placed on the grid the same way. */
const reference = (av: Parameters<typeof freeIntervals>[0], zone: string, from: Date, days: number) => {
  const grid = makeGrid(from, days);
  return maskOfIntervals(freeIntervals(av, zone, grid.originMs, grid.originMs + grid.cells * 15 * MIN), grid);
};

describe("freeMask (arithmetic, cached per zone and date)", () => {
  afterEach(() => {
    Settings.now = () => Date.now();
  });

  it("is bit for bit the luxon mask over random windows, dates off, zones and grid origins", () => {
    fc.assert(
      fc.property(
        originArb.chain((from) => fc.tuple(fc.constant(from), availabilityArb(from), zoneArb, fc.integer({ min: 1, max: 16 }))),
        ([from, av, zone, days]) => {
          expect(freeMask(av, zone, makeGrid(from, days))).toEqual(reference(av, zone, from, days));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("agrees with luxon whatever the current date is (luxon resolves a repeated hour by today's offset)", () => {
    fc.assert(
      fc.property(
        originArb.chain((from) => fc.tuple(fc.constant(from), availabilityArb(from), zoneArb, originArb)),
        ([from, av, zone, today]) => {
          Settings.now = () => today.getTime();
          expect(freeMask(av, zone, makeGrid(from, 14))).toEqual(reference(av, zone, from, 14));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("places windows the same way across every DST change of 2026 in the test zones", () => {
    for (const zone of [...ZONES, ...MORE_ZONES]) {
      const av = {
        windows: [1, 2, 3, 4, 5, 6, 7].flatMap((day) => [
          { day, start: "00:00", end: "01:30" },
          { day, start: "01:45", end: "03:15" },
          { day, start: "22:30", end: "24:00" },
        ]),
        datesOff: [],
      };
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 13 * DAY) {
        const from = new Date(t);
        expect(fastFreeIntervals(av, zone, t, t + 14 * DAY), `${zone} from ${from.toISOString()}`).toEqual(
          freeIntervals(av, zone, t, t + 14 * DAY),
        );
      }
    }
  });

  it("ignores a date off that is no real date, as luxon's ISO dates never equal it", () => {
    const av = { windows: [{ day: 1, start: "09:00", end: "10:00" }], datesOff: ["2026-02-30", "2026-03-02"] };
    const t = Date.UTC(2026, 1, 25);
    expect(fastFreeIntervals(av, "Europe/Berlin", t, t + 14 * DAY)).toEqual(freeIntervals(av, "Europe/Berlin", t, t + 14 * DAY));
  });
});
