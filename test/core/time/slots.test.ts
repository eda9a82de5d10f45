import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DateTime } from "luxon";
import type { Availability } from "../../../src/core/domain/member.js";
import { PercolateError } from "../../../src/core/result.js";
import { DEFAULT_WINDOWS, isSlotFree, proposeSlots, type ProposeSlotsInput } from "../../../src/core/time/slots.js";
import { availabilityArb, busyArb, DAY, HOUR, MIN, nowArb, overlaps, slotInsideWindows, utc, wallClockFree, ZONES } from "./helpers.js";

const none: Availability = { windows: [], datesOff: [] };
const weekdays = (start: string, end: string, days = [1, 2, 3, 4, 5]): Availability => ({
  windows: days.map((day) => ({ day, start, end })),
  datesOff: [],
});
const iso = (slots: { start: Date }[]): string[] => slots.map((s) => s.start.toISOString());

function input(over: Partial<ProposeSlotsInput> & Pick<ProposeSlotsInput, "a" | "b" | "now">): ProposeSlotsInput {
  return { busy: [], minutes: 30, stepMinutes: 30, minLeadHours: 24, horizonDays: 14, ...over };
}

const effective = (av: Availability): Availability => (av.windows.length > 0 ? av : { ...av, windows: [...DEFAULT_WINDOWS] });
const localDay = (d: Date, zone: string): string => DateTime.fromJSDate(d, { zone }).toISODate() ?? "";

const scenario = nowArb.chain((now) =>
  fc.record({
    now: fc.constant(now),
    a: fc.record({ availability: availabilityArb(now), zone: fc.constantFrom(...ZONES) }),
    b: fc.record({ availability: availabilityArb(now), zone: fc.constantFrom(...ZONES) }),
    busy: busyArb(now),
    minutes: fc.constantFrom(15, 30, 45, 60, 50),
    stepMinutes: fc.constantFrom(15, 30, 60),
    minLeadHours: fc.constantFrom(0, 2, 24, 48),
    horizonDays: fc.constantFrom(3, 7, 14),
    count: fc.constantFrom(1, 3, 5),
  }),
);

describe("proposeSlots properties", () => {
  it("every slot is on the step grid, after the lead, within the horizon, inside both people's windows and clear of busy", () => {
    fc.assert(
      fc.property(scenario, (inp) => {
        const slots = proposeSlots(inp);
        const nowMs = inp.now.getTime();
        expect(slots.length).toBeLessThanOrEqual(inp.count);
        expect(iso(slots)).toEqual([...iso(slots)].sort());
        for (const s of slots) {
          expect(s.end.getTime() - s.start.getTime()).toBe(inp.minutes * MIN);
          expect(s.start.getUTCMinutes() % inp.stepMinutes).toBe(0);
          expect(s.start.getUTCSeconds()).toBe(0);
          expect(s.start.getTime()).toBeGreaterThanOrEqual(nowMs + inp.minLeadHours * HOUR);
          expect(s.end.getTime()).toBeLessThanOrEqual(nowMs + inp.horizonDays * DAY);
          expect(slotInsideWindows(effective(inp.a.availability), inp.a.zone, s)).toBe(true);
          expect(slotInsideWindows(effective(inp.b.availability), inp.b.zone, s)).toBe(true);
          expect(inp.busy.some((b) => overlaps(b, s))).toBe(false);
          expect(isSlotFree({ ...inp, slot: s })).toBe(true);
        }
        // Distinct days of a, or else at least 2 h apart.
        for (let i = 0; i < slots.length; i++) {
          for (let j = i + 1; j < slots.length; j++) {
            const [x, y] = [slots[i], slots[j]];
            if (x === undefined || y === undefined) continue;
            const sameDay = localDay(x.start, inp.a.zone) === localDay(y.start, inp.a.zone);
            if (sameDay) expect(Math.abs(x.start.getTime() - y.start.getTime())).toBeGreaterThanOrEqual(2 * HOUR);
          }
        }
        expect(proposeSlots(inp)).toEqual(slots);
      }),
      { numRuns: 120 },
    );
  });

  it("uses `count` distinct days of a whenever an independent search finds that many", () => {
    // Windows on quarter hours and after 04:00 local, so the wall-clock oracle is exact (no DST-night ambiguity).
    const arb = nowArb.chain((now) =>
      fc.record({
        now: fc.constant(now),
        a: fc.record({ availability: availabilityArb(now, 15, 4 * 60), zone: fc.constantFrom(...ZONES) }),
        b: fc.record({ availability: availabilityArb(now, 15, 4 * 60), zone: fc.constantFrom(...ZONES) }),
        busy: busyArb(now),
      }),
    );
    fc.assert(
      fc.property(arb, ({ now, a, b, busy }) => {
        const inp = input({ now, a, b, busy, minutes: 30, stepMinutes: 30, minLeadHours: 24, horizonDays: 7 });
        const nowMs = now.getTime();
        const cellOk = (t: number): boolean =>
          wallClockFree(effective(a.availability), a.zone, t) &&
          wallClockFree(effective(b.availability), b.zone, t) &&
          !busy.some((x) => x.start.getTime() < t + 15 * MIN && x.end.getTime() > t);
        const days = new Set<string>();
        const first = Math.ceil((nowMs + 24 * HOUR) / (30 * MIN)) * 30 * MIN;
        for (let t = first; t + 30 * MIN <= nowMs + 7 * DAY; t += 30 * MIN) {
          if (cellOk(t) && cellOk(t + 15 * MIN)) days.add(localDay(new Date(t), a.zone));
        }
        const got = new Set(proposeSlots(inp).map((s) => localDay(s.start, a.zone)));
        expect(got.size).toBe(Math.min(3, days.size));
      }),
      { numRuns: 30 },
    );
  });
});

describe("proposeSlots examples", () => {
  it("with no windows set, both get weekdays 09:00–18:00 and three distinct days", () => {
    const slots = proposeSlots(
      input({
        a: { availability: none, zone: "Europe/Berlin" },
        b: { availability: none, zone: "America/New_York" },
        now: utc("2026-03-20T10:07:00Z"),
      }),
    );
    // Friday + 24 h is Saturday; NY is already on summer time, Berlin not yet: overlap 13:00–17:00 UTC.
    expect(iso(slots)).toEqual(["2026-03-23T13:00:00.000Z", "2026-03-24T13:00:00.000Z", "2026-03-25T13:00:00.000Z"]);
  });

  it("one side shifts and the other does not: Berlin and New York lose their overlap between the two changes", () => {
    const slots = proposeSlots(
      input({
        a: { availability: weekdays("09:00", "10:00"), zone: "Europe/Berlin" },
        b: { availability: weekdays("03:00", "04:00"), zone: "America/New_York" },
        now: utc("2026-03-04T00:00:00Z"),
        horizonDays: 35,
        count: 4,
      }),
    );
    // 08:00Z while both are on winter time, none 9–27 March, 07:00Z once both are on summer time.
    expect(iso(slots)).toEqual([
      "2026-03-05T08:00:00.000Z",
      "2026-03-06T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-03-31T07:00:00.000Z",
    ]);
  });

  it("Berlin and Kolkata overlap only while Berlin is on winter time", () => {
    const pair = {
      a: { availability: weekdays("09:00", "10:00"), zone: "Europe/Berlin" },
      b: { availability: weekdays("13:30", "14:30"), zone: "Asia/Kolkata" },
    };
    expect(iso(proposeSlots(input({ ...pair, now: utc("2026-03-22T12:00:00Z") })))).toEqual([
      "2026-03-24T08:00:00.000Z",
      "2026-03-25T08:00:00.000Z",
      "2026-03-26T08:00:00.000Z",
    ]);
    expect(proposeSlots(input({ ...pair, now: utc("2026-03-29T12:00:00Z") }))).toEqual([]);
    expect(iso(proposeSlots(input({ ...pair, now: utc("2026-10-20T12:00:00Z") })))).toEqual([
      "2026-10-26T08:00:00.000Z",
      "2026-10-27T08:00:00.000Z",
      "2026-10-28T08:00:00.000Z",
    ]);
  });

  it("a Sydney volunteer and a Berlin seeker meet only after Sydney's April change", () => {
    const slots = proposeSlots(
      input({
        a: { availability: weekdays("17:00", "18:00"), zone: "Australia/Sydney" },
        b: { availability: weekdays("09:00", "10:00"), zone: "Europe/Berlin" },
        now: utc("2026-04-01T00:00:00Z"),
      }),
    );
    expect(iso(slots)).toEqual(["2026-04-06T07:00:00.000Z", "2026-04-07T07:00:00.000Z", "2026-04-08T07:00:00.000Z"]);
    expect(slots.map((s) => localDay(s.start, "Australia/Sydney"))).toEqual(["2026-04-06", "2026-04-07", "2026-04-08"]);
  });

  it("fills from the same day, 2 h apart, when too few days are open", () => {
    const slots = proposeSlots(
      input({
        a: { availability: weekdays("09:00", "17:00", [3]), zone: "UTC" },
        b: { availability: weekdays("00:00", "24:00", [1, 2, 3, 4, 5, 6, 7]), zone: "UTC" },
        now: utc("2026-06-01T00:00:00Z"),
        horizonDays: 7,
      }),
    );
    expect(iso(slots)).toEqual(["2026-06-03T09:00:00.000Z", "2026-06-03T11:00:00.000Z", "2026-06-03T13:00:00.000Z"]);
  });

  it("prefers a start inside 08:00–21:00 for both people when the day offers one", () => {
    const slots = proposeSlots(
      input({
        a: { availability: weekdays("06:00", "12:00"), zone: "UTC" },
        b: { availability: weekdays("00:00", "24:00"), zone: "UTC" },
        now: utc("2026-06-01T00:00:00Z"),
        count: 1,
      }),
    );
    expect(iso(slots)).toEqual(["2026-06-02T08:00:00.000Z"]);
  });

  it("respects busy slots, dates off, the lead time and the horizon", () => {
    const a = { availability: { ...weekdays("10:00", "11:00"), datesOff: ["2026-06-03"] }, zone: "UTC" };
    const b = { availability: none, zone: "UTC" };
    const busy = [{ start: utc("2026-06-02T10:15:00Z"), end: utc("2026-06-02T10:20:00Z") }];
    const slots = proposeSlots(input({ a, b, busy, now: utc("2026-06-01T10:01:00Z"), horizonDays: 4 }));
    // 1 June is inside the lead, 2 June's hour is broken by busy (10:30 remains), 3 June is off, 5 June is past the horizon.
    expect(iso(slots)).toEqual(["2026-06-02T10:30:00.000Z", "2026-06-04T10:00:00.000Z"]);
  });

  it("honours a 24:00 end and a window running past local midnight", () => {
    const a = {
      availability: {
        windows: [
          { day: 2, start: "23:00", end: "24:00" },
          { day: 3, start: "00:00", end: "00:30" },
        ],
        datesOff: [],
      },
      zone: "Europe/Berlin",
    };
    const b = { availability: weekdays("00:00", "24:00", [1, 2, 3, 4, 5, 6, 7]), zone: "UTC" };
    const slots = proposeSlots(input({ a, b, now: utc("2026-06-01T00:00:00Z"), minutes: 60, horizonDays: 7, count: 1 }));
    expect(iso(slots)).toEqual(["2026-06-02T21:00:00.000Z"]);
  });

  it("rejects a step that is not a multiple of 15 and a zone it does not know", () => {
    const base = input({
      a: { availability: none, zone: "UTC" },
      b: { availability: none, zone: "UTC" },
      now: utc("2026-06-01T00:00:00Z"),
    });
    expect(() => proposeSlots({ ...base, stepMinutes: 20 })).toThrow(PercolateError);
    expect(() => proposeSlots({ ...base, a: { availability: none, zone: "Nowhere/Land" } })).toThrow(PercolateError);
  });
});

describe("isSlotFree", () => {
  const a = { availability: weekdays("09:10", "12:00"), zone: "Europe/Berlin" };
  const b = { availability: none, zone: "Europe/Athens" };
  const now = utc("2026-06-01T06:00:00Z");
  // Tuesday 2 June, 09:10–09:40 Berlin = 07:10–07:40 UTC = 10:10 Athens.
  const slot = { start: utc("2026-06-02T07:10:00Z"), end: utc("2026-06-02T07:40:00Z") };
  const base = { a, b, busy: [], now, minLeadHours: 24 };

  it("is exact to the minute and checks both people", () => {
    expect(isSlotFree({ ...base, slot })).toBe(true);
    expect(isSlotFree({ ...base, slot: { start: utc("2026-06-02T07:05:00Z"), end: utc("2026-06-02T07:35:00Z") } })).toBe(false);
    expect(isSlotFree({ ...base, b: { availability: weekdays("09:00", "10:00"), zone: "Europe/Athens" }, slot })).toBe(false);
  });

  it("rejects a busy overlap and a slot inside the lead unless allowed", () => {
    expect(isSlotFree({ ...base, busy: [{ start: utc("2026-06-02T07:39:00Z"), end: utc("2026-06-02T08:00:00Z") }], slot })).toBe(false);
    expect(isSlotFree({ ...base, busy: [{ start: utc("2026-06-02T07:40:00Z"), end: utc("2026-06-02T08:00:00Z") }], slot })).toBe(true);
    const soon = { ...base, now: utc("2026-06-02T06:00:00Z") };
    expect(isSlotFree({ ...soon, slot })).toBe(false);
    expect(isSlotFree({ ...soon, slot, allowWithinLead: true })).toBe(true);
    expect(isSlotFree({ ...base, now: utc("2026-06-02T07:11:00Z"), slot, allowWithinLead: true })).toBe(false);
  });

  it("notices a date the person has since taken off", () => {
    expect(isSlotFree({ ...base, a: { ...a, availability: { ...a.availability, datesOff: ["2026-06-02"] } }, slot })).toBe(false);
  });
});
