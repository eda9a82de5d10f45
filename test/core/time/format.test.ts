import { describe, expect, it } from "vitest";
import { PercolateError } from "../../../src/core/result.js";
import { formatDate, formatSlot, parseDuration, zoneLabel } from "../../../src/core/time/format.js";
import { utc } from "./helpers.js";

const slot = { start: utc("2026-11-24T09:00:00Z"), end: utc("2026-11-24T09:30:00Z") };

describe("formatSlot", () => {
  it("shows the slot in the viewer's zone with a readable zone name", () => {
    expect(formatSlot(slot, "Europe/Berlin")).toBe("Tue 24 Nov, 10:00–10:30 (Berlin time, GMT+1)");
    expect(formatSlot(slot, "Asia/Kolkata")).toBe("Tue 24 Nov, 14:30–15:00 (Kolkata time, GMT+5:30)");
    expect(formatSlot(slot, "America/New_York", "en-US")).toBe("Tue, Nov 24, 4:00 AM–4:30 AM (New York time, GMT-5)");
    expect(formatSlot(slot, "UTC")).toBe("Tue 24 Nov, 09:00–09:30 (GMT)");
  });

  it("uses the offset in force at the slot, and names both dates across midnight", () => {
    const summer = { start: utc("2026-07-01T21:45:00Z"), end: utc("2026-07-01T22:15:00Z") };
    expect(formatSlot(summer, "Europe/Berlin")).toBe("Wed 1 Jul, 23:45 – Thu 2 Jul, 00:15 (Berlin time, GMT+2)");
    expect(formatSlot(slot, "Australia/Sydney")).toBe("Tue 24 Nov, 20:00–20:30 (Sydney time, GMT+11)");
  });

  it("throws PercolateError for an unknown zone", () => {
    expect(() => formatSlot(slot, "Nowhere/Land")).toThrow(PercolateError);
    expect(zoneLabel("Etc/GMT+5", slot.start)).toBe("GMT-5");
  });
});

describe("dates and durations", () => {
  it("formats a local date", () => {
    expect(formatDate(utc("2026-11-24T23:30:00Z"), "Europe/Berlin")).toBe("Wed, 25 Nov 2026");
  });

  it("parses relative durations", () => {
    expect(parseDuration("+30m")).toBe(30 * 60_000);
    expect(parseDuration("+2h")).toBe(2 * 3_600_000);
    expect(parseDuration("+3d")).toBe(3 * 86_400_000);
    expect(parseDuration("+1w")).toBe(7 * 86_400_000);
    expect(parseDuration("2H")).toBe(2 * 3_600_000);
    for (const bad of ["", "+", "+0d", "-3d", "+3y", "3 days", "+1.5h", "+99999w"]) expect(parseDuration(bad)).toBeNull();
  });
});
