import { describe, expect, it } from "vitest";
import { ABBREVIATIONS, CITIES, isValidZone, readDayOff, readPauseEnd, readZone } from "../../../src/core/time/index.js";

const MON = new Date(Date.UTC(2026, 10, 23, 8, 0)); // Monday 23 November 2026, 08:00 UTC

describe("the readers of days, lengths and zones", () => {
  it("every zone the abbreviation and city tables suggest is one the time core accepts", () => {
    for (const zone of [...Object.values(ABBREVIATIONS).flat(), ...Object.values(CITIES)]) expect(isValidZone(zone), zone).toBe(true);
  });

  it.each([
    ["+1mo", "2026-12-23T08:00:00.000Z"],
    ["2 weeks", "2026-12-07T08:00:00.000Z"],
    ["3d", "2026-11-26T08:00:00.000Z"],
    ["mon", "2026-11-29T23:00:00.000Z"], // next Monday, not today; Berlin midnight
    ["Friday", "2026-11-26T23:00:00.000Z"],
    ["2027-03-28", "2027-03-27T23:00:00.000Z"],
  ])("pause %s in Berlin ends at %s", (typed, iso) => {
    const r = readPauseEnd(typed, MON, "Europe/Berlin");
    expect(r.ok && r.value.toISOString()).toBe(iso);
  });

  it("a month from 31 January is the end of February, not 3 March", () => {
    const r = readPauseEnd("1mo", new Date(Date.UTC(2027, 0, 31, 12)), "UTC");
    expect(r.ok && r.value.toISOString()).toBe("2027-02-28T12:00:00.000Z");
  });

  it.each(["m", "+1m", "5", "+0d", "1 fortnight", "2 min", "month"])("pause %s is refused", (typed) => {
    expect(readPauseEnd(typed, MON, "UTC").ok).toBe(false);
  });

  it("a day off may be today; a weekday is the next one", () => {
    expect(readDayOff("today", MON, "UTC")).toEqual({ ok: true, value: "2026-11-23" });
    expect(readDayOff("monday", MON, "UTC")).toEqual({ ok: true, value: "2026-11-30" });
    expect(readDayOff("2026-11-22", MON, "UTC")).toMatchObject({ ok: false, problem: { code: "PAST_DATE" } });
  });

  it.each([
    ["Europe/Berlin", { ok: true, zone: "Europe/Berlin" }],
    ["  europe/BERLIN ", { ok: true, zone: "Europe/Berlin" }],
    ["utc", { ok: true, zone: "UTC" }],
    ["sao paulo", { ok: true, zone: "America/Sao_Paulo", readFrom: "sao paulo" }],
    ["EST", { ok: false, suggestions: ["America/New_York", "America/Toronto"], abbreviation: true }],
    ["constructor", { ok: false, suggestions: [] }],
  ])("zone %j", (typed, reading) => {
    expect(readZone(typed)).toMatchObject(reading);
  });
});

describe("a date names the first instant of that day in the zone", () => {
  const from = new Date(Date.UTC(2026, 0, 1, 12));
  const at = (typed: string, zone: string) => {
    const r = readPauseEnd(typed, from, zone);
    return r.ok ? r.value.toISOString() : r.problem.code;
  };
  it("reads YYYY-MM-DD in the member's zone, a day whose midnight is skipped included", () => {
    expect(at("2026-12-01", "Europe/Berlin")).toBe("2026-11-30T23:00:00.000Z");
    expect(at(" 2026-07-01 ", "America/New_York")).toBe("2026-07-01T04:00:00.000Z");
    // Santiago skips midnight when summer time starts: the day begins at 01:00.
    expect(at("2026-09-06", "America/Santiago")).toBe("2026-09-06T04:00:00.000Z");
    expect(at("2026-02-30", "UTC")).toBe("NO_SUCH_DATE");
    expect(at("1 Dec", "UTC")).toBe("UNCLEAR_UNIT");
    expect(at("2026-12-01T10:00", "UTC")).toBe("NOT_A_DAY");
  });
});
