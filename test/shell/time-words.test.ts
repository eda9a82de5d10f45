import { describe, expect, it } from "vitest";
import { terminal } from "./terminal.js";

/*
 * Issue 14, the time slice: pause lengths, days off, zones and free times, typed the way people
 * type them. Each row is what a person types and what they read back.
 */

// The shell starts on Monday 23 November 2026, 08:00 UTC.

/** A fresh shell as `ann` (UTC); `setup` lines run first and their answers are dropped. */
async function say(setup: readonly string[], line: string): Promise<string> {
  return terminal().answer("as ann", ...setup, line);
}

const USAGE = 'Usage: "availability <days from-to> [<Area/City>] [--off <dates off>]" · More: "help availability"';

const PAUSE_FORMS =
  'Pause with +3d (days), +2w (weeks), +1mo (months), tomorrow, a weekday like friday, or a date like 2027-01-15, e.g. "pause +2w".';

describe("pause: lengths people type, and what a new pause replaced", () => {
  it.each([
    // [setup, typed, the reply]
    [[], "pause +1m", `"+1m" could mean minutes or months. ${PAUSE_FORMS}`],
    [[], "pause m", `"m" could mean minutes or months. ${PAUSE_FORMS}`],
    [[], "pause 3", `"3" has no unit — days, weeks or months? ${PAUSE_FORMS}`],
    [[], "pause +2 fortnights", `"+2 fortnights" isn't a length of time I take. ${PAUSE_FORMS}`],
    [[], "pause 12h", 'Paused until Mon, 23 Nov 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause someday", `I couldn't read "someday" as a day. ${PAUSE_FORMS}`],
    [[], "pause 2027-02-30", `"2027-02-30" isn't a real date. ${PAUSE_FORMS}`],
    [[], "pause 2026-11-01", `"2026-11-01" isn't after today (2026-11-23). ${PAUSE_FORMS}`],
    [[], "pause 3d", 'Paused until Thu, 26 Nov 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause +1mo", 'Paused until Wed, 23 Dec 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause 1 month", 'Paused until Wed, 23 Dec 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause tomorrow", 'Paused until Tue, 24 Nov 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause friday", 'Paused until Fri, 27 Nov 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause Mon", 'Paused until Mon, 30 Nov 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [[], "pause 2027-01-15", 'Paused until Fri, 15 Jan 2027. Scheduled chats still go ahead. Type "resume" to come back sooner.'],
    [["pause +2w"], "pause +1m", `"+1m" could mean minutes or months. ${PAUSE_FORMS}`],
    [
      ["pause +2w"],
      "pause tomorrow",
      'Paused until Tue, 24 Nov 2026. This replaces your pause until Mon, 7 Dec 2026. Scheduled chats still go ahead. Type "resume" to come back sooner.',
    ],
  ] as const)("%j then %s", async (setup, typed, reply) => {
    expect(await say(setup, typed)).toBe(reply);
  });

  it("a refused pause leaves the two-week pause as it was", async () => {
    expect(await say(["pause +2w", "pause +1m"], "status")).toContain("ann · UTC · paused until Mon, 7 Dec 2026");
  });
});

const OFF_FORMS = "A day off can be tomorrow, a weekday like friday, or a date like 2027-01-15 (today or later).";

describe("days off: real, coming days, and the blame on --off", () => {
  it.each([
    [
      "availability mon-fri 9-17 --off 2027-02-30",
      `--off: "2027-02-30" isn't a real date. ${OFF_FORMS} E.g. "availability mon-fri 9-17 --off 2027-01-15". Nothing was saved.`,
    ],
    [
      "availability mon-fri 9-17 --off 2026-01-01",
      `--off: "2026-01-01" is in the past (today is 2026-11-23). ${OFF_FORMS} E.g. "availability mon-fri 9-17 --off 2027-01-15". Nothing was saved.`,
    ],
    [
      "availability mon-fri 9-17 --off someday",
      `--off: I couldn't read "someday" as a day. ${OFF_FORMS} E.g. "availability mon-fri 9-17 --off 2027-01-15". Nothing was saved.`,
    ],
    ["availability mon-fri 9-17 --off tomorrow", "Your free times in UTC: Mon–Fri 09:00–17:00.\nDays off: 2026-11-24."],
    [
      "availability mon-fri 9-17 --off friday, 2026-12-24",
      "Your free times in UTC: Mon–Fri 09:00–17:00.\nDays off: 2026-11-27, 2026-12-24.",
    ],
    ["availability off 2026-02-30", `"2026-02-30" isn't a real date. ${OFF_FORMS} E.g. "availability off tomorrow". Nothing was saved.`],
  ])("%s", async (typed, reply) => {
    expect(await say([], typed)).toBe(reply);
  });

  it("'tomorrow' is the member's tomorrow: late evening in Auckland is already the next day", async () => {
    // 08:00 UTC on Monday is 21:00 Monday in Auckland (UTC+13): tomorrow is Tuesday there too;
    // at 12:00 UTC it is 01:00 Tuesday, so tomorrow is Wednesday.
    expect(await say(["clock +4h"], "availability mon-fri 9-17 Pacific/Auckland --off tomorrow")).toBe(
      "Your free times in Pacific/Auckland (was UTC): Mon–Fri 09:00–17:00.\nDays off: 2026-11-25.",
    );
  });
});

describe("time zones: any case, cities, and abbreviations answered with a suggestion", () => {
  it.each([
    ["availability mon-fri 9-17 europe/berlin", "Your free times in Europe/Berlin (was UTC): Mon–Fri 09:00–17:00."],
    ["availability mon-fri 9-17 America/New York", "Your free times in America/New_York (was UTC): Mon–Fri 09:00–17:00."],
    ["availability mon-fri 9-17 america/new york", "Your free times in America/New_York (was UTC): Mon–Fri 09:00–17:00."],
    [
      "availability mon-fri 9-17 Berlin",
      'Your free times in Europe/Berlin (I read "Berlin" as Europe/Berlin; was UTC): Mon–Fri 09:00–17:00.',
    ],
    [
      "availability mon-fri 9-17 berlin",
      'Your free times in Europe/Berlin (I read "berlin" as Europe/Berlin; was UTC): Mon–Fri 09:00–17:00.',
    ],
    [
      "availability mon-fri 9-17 NYC",
      'Your free times in America/New_York (I read "NYC" as America/New_York; was UTC): Mon–Fri 09:00–17:00.',
    ],
    ["availability mon-fri 9-17 asia/kolkata", "Your free times in Asia/Kolkata (was UTC): Mon–Fri 09:00–17:00."],
    [
      "availability mon-fri 9-17 CET",
      `"CET" is an abbreviation; I need the zone name of your place, which knows its summer time. Did you mean Europe/Berlin, Europe/Paris or Europe/Madrid? ${USAGE}`,
    ],
    [
      "availability mon-fri 9-17 PST",
      `"PST" is an abbreviation; I need the zone name of your place, which knows its summer time. Did you mean America/Los_Angeles? ${USAGE}`,
    ],
    [
      "availability mon-fri 9-17 IST",
      `"IST" is an abbreviation; I need the zone name of your place, which knows its summer time. Did you mean Asia/Kolkata, Europe/Dublin or Asia/Jerusalem? ${USAGE}`,
    ],
    ["availability mon-fri 9-17 Berln", `"Berln" isn't a time zone I know. Did you mean Europe/Berlin? ${USAGE}`],
    [
      "availability mon-fri 9-17 Mars/Base",
      `"Mars/Base" isn't a time zone I know. Use a zone name like Europe/Berlin or America/New_York, or a city like Berlin. ${USAGE}`,
    ],
  ])("%s", async (typed, reply) => {
    expect(await say([], typed)).toBe(reply);
  });

  it("the zone is stored in its canonical spelling", async () => {
    expect(await say(["availability mon-fri 9-17 europe/berlin"], "status")).toContain("ann · Europe/Berlin");
  });
});

describe("free times: errors say exactly what is wrong; overnight windows are split", () => {
  it.each([
    ["availability mon-fri 9-5", `"9-5" ends before it starts. Hours are on a 24-hour clock — did you mean 9-17? ${USAGE}`],
    ["availability mon-fri 8:30-6", `"8:30-6" ends before it starts. Hours are on a 24-hour clock — did you mean 8:30-18? ${USAGE}`],
    [
      "availability mon-fri 25-26",
      `"25-26" has an hour I can't use: hours go from 0 to 24 and minutes from 0 to 59, e.g. 9-17 or 13:30-24. ${USAGE}`,
    ],
    ["availability mon-fri 22-2", "Your free times in UTC: Mon–Fri 22:00–24:00; Tue–Sat 00:00–02:00."],
    ["availability Mon–Fri 9–17", "Your free times in UTC: Mon–Fri 09:00–17:00."],
    ["availability mon—fri 9—17", "Your free times in UTC: Mon–Fri 09:00–17:00."],
    ["availability someday 9-17", `"someday" isn't a day or a range of days. Start with days like mon-fri, tue,thu or weekends. ${USAGE}`],
    ["availability mon-fri", `Add the hours after the days, e.g. "availability mon-fri 9-17". ${USAGE}`],
    ["availability mon-fri 9-9", `"9-9" starts and ends at the same time. Give a range, e.g. 9-12. ${USAGE}`],
    [
      "availability mon-fri soon",
      `"soon" isn't a time range. Write the hours from-to on a 24-hour clock, e.g. 9-17 or 09:30-12:00, then your time zone if you like. ${USAGE}`,
    ],
    [
      "availability mon 9-12 14-17",
      `"mon 9-12 14-17" has two time ranges. Give each its own days, separated by ";", e.g. "availability mon 9-12; mon 14-17". ${USAGE}`,
    ],
  ])("%s", async (typed, reply) => {
    expect(await say([], typed)).toBe(reply);
  });
});

describe("a new schedule says what it replaced; add, remove and off edit it", () => {
  const SET = ["availability mon-fri 9-12 --off 2026-12-24"];
  it.each([
    [
      SET,
      "availability mon-fri 14-17",
      'Your free times in UTC: Mon–Fri 14:00–17:00.\nThis replaces Mon–Fri 09:00–12:00. To add times instead, use "availability add <days> <from>-<to>".\nYour days off stay: 2026-12-24.',
    ],
    [
      SET,
      "availability mon-fri 9-12 --off 2026-12-31",
      "Your free times in UTC: Mon–Fri 09:00–12:00.\nDays off: 2026-12-31 (replacing 2026-12-24).",
    ],
    [
      SET,
      "availability add sat 10-12",
      "Your free times in UTC: Mon–Fri 09:00–12:00; Sat 10:00–12:00. Before: Mon–Fri 09:00–12:00.\nYour days off stay: 2026-12-24.",
    ],
    [
      SET,
      "availability add mon 11-14",
      "Your free times in UTC: Mon 09:00–14:00; Tue–Fri 09:00–12:00. Before: Mon–Fri 09:00–12:00.\nYour days off stay: 2026-12-24.",
    ],
    [
      SET,
      "availability remove wed 9-10",
      "Your free times in UTC: Mon, Tue, Thu, Fri 09:00–12:00; Wed 10:00–12:00. Before: Mon–Fri 09:00–12:00.\nYour days off stay: 2026-12-24.",
    ],
    [
      SET,
      "availability remove mon-fri 0-24",
      'Your free times in UTC: none. Before: Mon–Fri 09:00–12:00.\nWith no times left, ordinary working hours apply until you add some with "availability add <days> <from>-<to>".\nYour days off stay: 2026-12-24.',
    ],
    [
      SET,
      "availability off tomorrow, 2026-12-31",
      'Days off: 2026-11-24, 2026-12-24, 2026-12-31. I won\'t propose chats on those days. Clear them with "availability off clear".',
    ],
    [SET, "availability off clear", "Cleared your days off (2026-12-24)."],
    [
      SET,
      "availability off",
      'Missing which days you\'re away, e.g. tomorrow or 2027-01-15. Usage: "availability <days from-to> [<Area/City>] [--off <dates off>]" · More: "help availability"',
    ],
    [
      SET,
      "availability add sat 9-5",
      '"9-5" ends before it starts. Hours are on a 24-hour clock — did you mean 9-17? Usage: "availability <days from-to> [<Area/City>] [--off <dates off>]" · More: "help availability"',
    ],
  ] as const)("%j then %s", async (setup, typed, reply) => {
    expect(await say(setup, typed)).toBe(reply);
  });
});
