import { DateTime } from "luxon";
import type { CommunitySettings } from "../../domain/index.js";

const WEEK_MS = 7 * 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** The settings that say when rounds run. */
export type RoundSettings = Pick<CommunitySettings, "roundsEveryWeeks" | "roundsWeekday" | "roundsHour" | "defaultTimeZone">;

/**
 * The first moment at or after `from` that falls on the rounds' weekday and hour in the
 * community's zone (DST-correct: 10:00 local stays 10:00 local across a change).
 */
export function nextOccurrence(s: RoundSettings, from: Date): Date {
  const start = DateTime.fromJSDate(from, { zone: s.defaultTimeZone });
  const zoned = start.isValid ? start : DateTime.fromJSDate(from, { zone: "UTC" });
  for (let d = 0; d <= 7; d++) {
    const day = zoned.plus({ days: d });
    if (day.weekday !== s.roundsWeekday) continue;
    const at = day.set({ hour: s.roundsHour, minute: 0, second: 0, millisecond: 0 });
    if (at.toMillis() >= from.getTime()) return at.toJSDate();
  }
  // Only reached when the hour was earlier today on the right weekday: a week on.
  const at = zoned.plus({ days: 7 }).set({ hour: s.roundsHour, minute: 0, second: 0, millisecond: 0 });
  return at.toJSDate();
}

/**
 * When the next round is due, or null when rounds are off. After a round, the occurrence
 * `roundsEveryWeeks` weeks on (a day of slack, so a round forced a little late keeps the
 * rhythm); before the first, the first occurrence after the earliest member joined.
 */
export function nextRoundAt(s: RoundSettings, lastRoundAt: Date | null, firstJoinAt: Date | null): Date | null {
  if (s.roundsEveryWeeks <= 0) return null;
  if (lastRoundAt) return nextOccurrence(s, new Date(lastRoundAt.getTime() + s.roundsEveryWeeks * WEEK_MS - DAY_MS));
  return firstJoinAt ? nextOccurrence(s, firstJoinAt) : null;
}

/**
 * When a round's "did you meet?" goes out: the end of the round's period, a few days before
 * the next round (two days before it, at least a day after the round).
 */
export function checkInAt(s: RoundSettings, roundAt: Date): Date {
  const period = Math.max(1, s.roundsEveryWeeks) * WEEK_MS;
  return new Date(roundAt.getTime() + Math.max(DAY_MS, period - 2 * DAY_MS));
}

/**
 * When a group's "did you meet?" goes out: `checkInMinutesAfter` the end of the time they
 * booked, else at the end of the round's period (checkInAt).
 */
export function groupCheckInAt(
  s: RoundSettings & Pick<CommunitySettings, "checkInMinutesAfter">,
  group: { slot: { end: Date } | null },
  roundAt: Date,
): Date {
  return group.slot ? new Date(group.slot.end.getTime() + s.checkInMinutesAfter * 60_000) : checkInAt(s, roundAt);
}
