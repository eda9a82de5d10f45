import { describe, expect, it } from "vitest";
import { parseAvailabilityText } from "../../../src/core/commands/availability-text.js";
import {
  availabilityText,
  clip,
  daysText,
  hoursInZone,
  mergeWindows,
  seekerAvailability,
  weekOrder,
  windowsOf,
} from "../../../src/core/time/index.js";

const NY_WEEKDAYS = { windows: [1, 2, 3, 4, 5].map((day) => ({ day, start: "09:00", end: "17:00" })), datesOff: [] };

describe("seeker availability", () => {
  it("is what they stated, else every day in their waking hours (dates off kept)", () => {
    expect(seekerAvailability({ windows: [], datesOff: ["2026-12-24"] }, "08:00", "21:00")).toEqual({
      windows: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: "08:00", end: "21:00" })),
      datesOff: ["2026-12-24"],
    });
    expect(seekerAvailability(NY_WEEKDAYS, "08:00", "21:00")).toBe(NY_WEEKDAYS);
  });
});

describe("hours in another zone", () => {
  it("shows New York 09:00–17:00 to a Kolkata reader as 19:30–03:30, in winter and in summer", () => {
    expect(hoursInZone(NY_WEEKDAYS, "America/New_York", "Asia/Kolkata", new Date("2026-11-23T08:00:00Z"))).toEqual([
      { days: [1, 2, 3, 4, 5], start: "19:30", end: "03:30" },
    ]);
    expect(hoursInZone(NY_WEEKDAYS, "America/New_York", "Asia/Kolkata", new Date("2026-07-06T08:00:00Z"))).toEqual([
      { days: [1, 2, 3, 4, 5], start: "18:30", end: "02:30" },
    ]);
  });

  it("splits runs past midnight into windows the availability command accepts, and reads back the same", () => {
    const hours = hoursInZone(NY_WEEKDAYS, "America/New_York", "Asia/Kolkata", new Date("2026-11-23T08:00:00Z"));
    const windows = windowsOf(hours);
    const text = availabilityText(mergeWindows(windows));
    expect(text).toBe("tue-sat 00:00-03:30; mon-fri 19:30-24:00");
    const parsed = parseAvailabilityText(text);
    expect(parsed.ok && mergeWindows(parsed.windows)).toEqual(mergeWindows(windows));
  });

  it("clips to waking hours and merges touching runs", () => {
    expect(clip({ day: 1, start: "19:30", end: "24:00" }, "08:00", "21:00")).toEqual({ day: 1, start: "19:30", end: "21:00" });
    expect(clip({ day: 2, start: "00:00", end: "03:30" }, "08:00", "21:00")).toBeNull();
    expect(
      mergeWindows([
        { day: 1, start: "09:00", end: "12:00" },
        { day: 1, start: "12:00", end: "14:00" },
        { day: 2, start: "09:00", end: "14:00" },
      ]),
    ).toEqual([{ days: [1, 2], start: "09:00", end: "14:00" }]);
  });

  it("names days as the command reads them, keeping a run over the weekend whole", () => {
    expect(weekOrder([1, 2, 3, 4, 7])).toEqual([7, 1, 2, 3, 4]);
    expect(daysText([1, 2, 3, 4, 7])).toBe("sun-thu");
    expect(daysText([1, 2, 3, 4, 5])).toBe("mon-fri");
    expect(daysText([1, 3])).toBe("mon,wed");
    expect(daysText([1, 2, 3, 6])).toBe("mon-wed,sat");
    expect(daysText([6, 7])).toBe("sat,sun");
    expect(parseAvailabilityText("sun-thu 22:30-24:00").ok).toBe(true);
  });
});
