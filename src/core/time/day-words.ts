import { DateTime } from "luxon";
import { assertZone } from "./windows.js";

/**
 * The one reader of the days and durations people type: `pause <when>` on every surface and
 * the days off of `availability` (`--off`, `availability off`). Pure: the moment and the
 * reader's zone are parameters, so "tomorrow" and "friday" mean the reader's own.
 *
 * Accepted: durations `3d`, `2w`, `1mo` (the `+` optional; `3 days`, `2 weeks`, `1 month`
 * spelled out too; hours, `12h`, as well: unambiguous, if rarely wanted), `tomorrow`, a
 * weekday (`fri`, `friday`: the next such day, never today) and real dates `YYYY-MM-DD`. Refused, with the accepted forms: `m` (minutes or months?),
 * bare numbers (days or weeks?), and anything else.
 */

/** Why a day or duration could not be read; worded in src/text/time-words.ts. */
export type DayProblem =
  /** `+1m`, `3`, `2h`: a number whose unit could mean several things, or none we take. */
  | { code: "UNCLEAR_UNIT"; given: string }
  /** Not a form we read at all. */
  | { code: "NOT_A_DAY"; given: string }
  /** Shaped like a date but not on the calendar (2027-02-30). */
  | { code: "NO_SUCH_DATE"; given: string }
  /** A date before today (for a pause: today or before); `today` is the reader's, YYYY-MM-DD. */
  | { code: "PAST_DATE"; given: string; today: string };

export type DayReading<T> = { ok: true; value: T } | { ok: false; problem: DayProblem };

const WEEKDAYS: Readonly<Record<string, number>> = {
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  sun: 7,
  sunday: 7,
};

const UNITS: Readonly<Record<string, "hours" | "days" | "weeks" | "months">> = {
  h: "hours",
  hr: "hours",
  hrs: "hours",
  hour: "hours",
  hours: "hours",
  d: "days",
  day: "days",
  days: "days",
  w: "weeks",
  wk: "weeks",
  week: "weeks",
  weeks: "weeks",
  mo: "months",
  month: "months",
  months: "months",
};

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

/** The accepted forms, for refusals: pause and days off list the same words. */
export const PAUSE_FORMS = ["+3d", "+2w", "+1mo", "tomorrow", "friday", "2027-01-15"] as const;
export const DAY_FORMS = ["tomorrow", "friday", "2027-01-15"] as const;

const problem = <T>(p: DayProblem): DayReading<T> => ({ ok: false, problem: p });

/** The calendar day `text` names (today, tomorrow, a weekday, YYYY-MM-DD), not checked against the past. */
function namedDay(text: string, today: DateTime): DayReading<DateTime> {
  const t = text.trim().toLowerCase();
  if (t === "today") return { ok: true, value: today };
  if (t === "tomorrow" || t === "tmrw") return { ok: true, value: today.plus({ days: 1 }) };
  const weekday = own(WEEKDAYS, t.replace(/^next\s+/, ""));
  if (weekday !== undefined) return { ok: true, value: today.plus({ days: ((weekday - today.weekday + 6) % 7) + 1 }) };
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (date) {
    const day = DateTime.fromObject({ year: Number(date[1]), month: Number(date[2]), day: Number(date[3]) }, { zone: today.zone });
    return day.isValid ? { ok: true, value: day.startOf("day") } : problem({ code: "NO_SUCH_DATE", given: text.trim() });
  }
  return problem({ code: "NOT_A_DAY", given: text.trim() });
}

/**
 * A day off as the local date ("2026-11-24") it names in `zone`: today or later. Throws only
 * for an invalid zone (zones are checked where they enter).
 */
export function readDayOff(text: string, now: Date, zone: string): DayReading<string> {
  assertZone(zone);
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const day = namedDay(text, today);
  if (!day.ok) return day;
  if (day.value < today) return problem({ code: "PAST_DATE", given: text.trim(), today: today.toISODate() ?? "" });
  return { ok: true, value: day.value.toISODate() ?? "" };
}

/**
 * When a pause typed as `text` ends: `now` plus a duration (calendar months: 31 Jan + 1mo is
 * 28 Feb), or the first instant of the named day in `zone`, which must be after today.
 */
export function readPauseEnd(text: string, now: Date, zone: string): DayReading<Date> {
  assertZone(zone);
  const t = text.trim().toLowerCase();
  const span = /^\+?\s*(\d{1,4})\s*([a-z]+)$/.exec(t);
  if (span) {
    const unit = own(UNITS, span[2] ?? "");
    if (!unit || Number(span[1]) === 0) return problem({ code: "UNCLEAR_UNIT", given: text.trim() });
    return {
      ok: true,
      value: DateTime.fromJSDate(now, { zone })
        .plus({ [unit]: Number(span[1]) })
        .toJSDate(),
    };
  }
  // A bare number (days? weeks?) or a bare unit (`m`: minutes or months?) says too little.
  const bare = t.replace(/^\+\s*/, "");
  if (/^\d+$/.test(bare) || bare === "m" || own(UNITS, bare) !== undefined) return problem({ code: "UNCLEAR_UNIT", given: text.trim() });
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const day = namedDay(t, today);
  if (!day.ok) return problem({ ...day.problem, given: text.trim() });
  if (day.value <= today) return problem({ code: "PAST_DATE", given: text.trim(), today: today.toISODate() ?? "" });
  return { ok: true, value: day.value.toJSDate() };
}
