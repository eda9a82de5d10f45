import { DateTime, IANAZone } from "luxon";
import type { Availability, WeeklyWindow } from "../domain/member.js";
import { PercolateError } from "../result.js";

/** A half-open UTC interval [startMs, endMs). */
export interface Interval {
  startMs: number;
  endMs: number;
}

/**
 * The weekly windows assumed for a person who has set none: Monday to Friday,
 * 09:00–18:00 in their own zone. Chosen so a new member can be scheduled at
 * ordinary working hours instead of never (no windows) or at night (all day).
 */
export const DEFAULT_WINDOWS: readonly WeeklyWindow[] = [1, 2, 3, 4, 5].map((day) => ({
  day,
  start: "09:00",
  end: "18:00",
}));

/** Zones already checked: luxon builds an Intl formatter per check, which costs more than the work it guards. */
const checkedZones = new Map<string, boolean>();
/** Distinct strings remembered at most (anyone may type any zone); past this the memo starts again. */
const MAX_CHECKED_ZONES = 2048;

/** True iff luxon (and so the platform's ICU data) knows `zone` as an IANA zone. */
export function isValidZone(zone: string): boolean {
  const known = checkedZones.get(zone);
  if (known !== undefined) return known;
  if (checkedZones.size >= MAX_CHECKED_ZONES) checkedZones.clear();
  const valid = IANAZone.isValidZone(zone);
  checkedZones.set(zone, valid);
  return valid;
}

/**
 * Throws a PercolateError unless `zone` is a valid IANA zone. Zones are validated
 * where they enter the system, so an invalid one here is a bug, not a user mistake.
 */
export function assertZone(zone: string): void {
  if (!isValidZone(zone)) throw new PercolateError(`invalid IANA time zone "${zone}" reached the time core`);
}

/**
 * `av` unchanged if it has at least one window, otherwise `av` with
 * DEFAULT_WINDOWS (its dates off are kept). Use it wherever "no windows" should
 * mean "ordinary working hours", so matching and scheduling agree.
 */
export function withDefaultWindows(av: Availability): Availability {
  return av.windows.length > 0 ? av : { windows: [...DEFAULT_WINDOWS], datesOff: av.datesOff };
}

function parseHHMM(s: string): { hour: number; minute: number } {
  const [h, m] = s.split(":");
  return { hour: Number(h), minute: Number(m) };
}

/** The UTC instant of local wall-clock `hhmm` on `date` in the date's zone; "24:00" is the next local midnight. */
function wallClockMs(date: DateTime, hhmm: string): number {
  if (hhmm === "24:00") {
    const next = date.plus({ days: 1 });
    return DateTime.fromObject({ year: next.year, month: next.month, day: next.day }, { zone: date.zone }).toMillis();
  }
  const { hour, minute } = parseHHMM(hhmm);
  // Luxon moves a wall-clock time skipped by a spring-forward gap forward by the
  // gap, and resolves a repeated fall-back time to its later (standard-time)
  // instant; we accept both rather than invent our own rule.
  return DateTime.fromObject({ year: date.year, month: date.month, day: date.day, hour, minute }, { zone: date.zone }).toMillis();
}

/**
 * The member's free time as sorted, merged (touching intervals joined) UTC
 * intervals, for every local date in `zone` that overlaps [fromMs, toMs) widened
 * by one day either side, skipping dates listed in `av.datesOff`. Each window is
 * placed on the real calendar with luxon, so DST changes are honoured. Intervals
 * are not clipped to [fromMs, toMs). Windows are taken as given (no defaults).
 * Throws PercolateError for an invalid zone.
 */
export function freeIntervals(av: Availability, zone: string, fromMs: number, toMs: number): Interval[] {
  assertZone(zone);
  if (av.windows.length === 0) return [];
  const off = new Set(av.datesOff);
  const first = DateTime.fromMillis(fromMs, { zone }).startOf("day").minus({ days: 1 });
  const lastDate = DateTime.fromMillis(toMs, { zone }).plus({ days: 1 }).toISODate() ?? "";
  const raw: Interval[] = [];
  // Step by calendar date (not by 24 h) so 23- and 25-hour days are right;
  // ISO dates compare correctly as strings.
  for (let d = first; (d.toISODate() ?? "") <= lastDate; d = d.plus({ days: 1 })) {
    if (off.has(d.toISODate() ?? "")) continue;
    for (const w of av.windows) {
      if (w.day !== d.weekday) continue;
      const startMs = wallClockMs(d, w.start);
      const endMs = wallClockMs(d, w.end);
      if (endMs > startMs) raw.push({ startMs, endMs });
    }
  }
  return mergeIntervals(raw);
}

/** `raw` sorted by start, with overlapping or touching intervals joined into one (sorts `raw` in place; returns a new list). */
export function mergeIntervals(raw: Interval[]): Interval[] {
  raw.sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs);
  const merged: Interval[] = [];
  for (const iv of raw) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && iv.startMs <= prev.endMs) prev.endMs = Math.max(prev.endMs, iv.endMs);
    else merged.push({ ...iv });
  }
  return merged;
}

/**
 * The availability a seeker is matched and scheduled with: what they stated, or — when they
 * never stated any — every day from `dayStart` to `dayEnd` in their own zone (their waking
 * hours, a community setting; dates off kept). The seeker asks for the favour, so they adapt
 * to the volunteer. Never use it for volunteers: their stated windows are never widened.
 */
export function seekerAvailability(av: Availability, dayStart: string, dayEnd: string): Availability {
  if (av.windows.length > 0 || !(dayStart < dayEnd)) return av;
  return { windows: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: dayStart, end: dayEnd })), datesOff: av.datesOff };
}
