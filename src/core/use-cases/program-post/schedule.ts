import { DateTime } from "luxon";
import type { CommunitySettings } from "../../domain/index.js";

const DAY_MS = 24 * 3600_000;

/** The settings that say when the program post goes out. */
export type PostSettings = Pick<
  CommunitySettings,
  "programChannelId" | "programPostEveryWeeks" | "programPostWeekday" | "programPostHour" | "defaultTimeZone"
>;

/** A post whose moment passed more than this long ago (the process was down) is skipped, never posted late. */
export const POST_GRACE_MS = DAY_MS;

/** Is the post on: a program channel is set and a cadence chosen? */
export const postsOn = (s: PostSettings): boolean => s.programChannelId !== null && s.programPostEveryWeeks > 0;

/** Weeks are counted from this Monday, so "every 2 weeks" falls on the same weeks in every process. */
const EPOCH = DateTime.fromISO("2024-01-01T00:00:00", { zone: "UTC" });

const zoned = (s: PostSettings, at: Date): DateTime => {
  const d = DateTime.fromJSDate(at, { zone: s.defaultTimeZone });
  return d.isValid ? d : DateTime.fromJSDate(at, { zone: "UTC" });
};

/** Is this local day in a posting week (its Monday a whole number of cadences after the epoch)? */
function postingWeek(s: PostSettings, day: DateTime): boolean {
  const monday = DateTime.fromObject({ year: day.year, month: day.month, day: day.day }, { zone: "UTC" }).startOf("week");
  const weeks = Math.round(monday.diff(EPOCH, "days").days / 7);
  return weeks % Math.max(1, s.programPostEveryWeeks) === 0;
}

/** The post's moment on a local day, or null when the day is not a posting day. */
function momentOn(s: PostSettings, day: DateTime): Date | null {
  if (day.weekday !== s.programPostWeekday || !postingWeek(s, day)) return null;
  return day.set({ hour: s.programPostHour, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

/** The latest posting moment at or before `now` (DST-correct in the community's zone); null when posts are off. */
export function lastPostMoment(s: PostSettings, now: Date): Date | null {
  if (s.programPostEveryWeeks <= 0) return null;
  const today = zoned(s, now);
  for (let d = 0; d <= 7 * s.programPostEveryWeeks; d++) {
    const at = momentOn(s, today.minus({ days: d }));
    if (at && at.getTime() <= now.getTime()) return at;
  }
  return null;
}

/** The next posting moment after `now`; null when posts are off (no channel, or cadence 0). */
export function nextPostMoment(s: PostSettings, now: Date): Date | null {
  if (!postsOn(s)) return null;
  const today = zoned(s, now);
  for (let d = 0; d <= 7 * s.programPostEveryWeeks + 1; d++) {
    const at = momentOn(s, today.plus({ days: d }));
    if (at && at.getTime() > now.getTime()) return at;
  }
  return null;
}

/** The post due now, if any: its moment passed within the grace period and posts are on. */
export function duePostMoment(s: PostSettings, now: Date): Date | null {
  if (!postsOn(s)) return null;
  const at = lastPostMoment(s, now);
  return at && now.getTime() - at.getTime() < POST_GRACE_MS ? at : null;
}

/**
 * The period a post at `at` covers: the cadence's weeks before it, counted in local weeks, so
 * across a clock change it starts exactly where the previous post's period ended.
 */
export const postPeriod = (s: PostSettings, at: Date): { since: Date; until: Date } => ({
  since: zoned(s, at)
    .minus({ weeks: Math.max(1, s.programPostEveryWeeks) })
    .toJSDate(),
  until: at,
});
