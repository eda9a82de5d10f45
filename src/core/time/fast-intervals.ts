import { DateTime } from "luxon";
import type { Availability } from "../domain/member.js";
import { assertZone, type Interval } from "./windows.js";
import { civilOf, DAY_MS, dayOfIso, localDayOf, steadyOffset, weekdayOf } from "./zone-days.js";

const MIN_MS = 60_000;

/** Zones already checked: validating builds an Intl formatter, too slow to repeat per member. */
const validZones = new Set<string>();

function checkZone(zone: string): void {
  if (validZones.has(zone)) return;
  assertZone(zone);
  validZones.add(zone);
}

/** Minutes after midnight of "HH:MM". */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
}

/**
 * The instant of local wall-clock minute `minutes` (0 … 1440) on local date `day` in `zone`.
 * On a date whose offset holds all day this is arithmetic; on a date near an offset change
 * it asks luxon exactly as `freeIntervals` does, so gaps and repeated hours resolve the same way.
 */
function wallMs(zone: string, day: number, minutes: number): number {
  if (minutes >= 1440) return wallMs(zone, day + 1, minutes - 1440);
  const offset = steadyOffset(zone, day);
  if (offset !== null) return day * DAY_MS + (minutes - offset) * MIN_MS;
  const hour = Math.floor(minutes / 60);
  return DateTime.fromObject({ ...civilOf(day), hour, minute: minutes - hour * 60 }, { zone }).toMillis();
}

/**
 * Exactly `freeIntervals(av, zone, fromMs, toMs)` (same dates, same DST handling, same
 * merging), computed without luxon on every date whose UTC offset holds all day: offsets are
 * looked up once per zone and date (see zone-days.ts) and windows placed arithmetically.
 * A property test pins it bit for bit to the luxon implementation.
 */
export function fastFreeIntervals(av: Availability, zone: string, fromMs: number, toMs: number): Interval[] {
  checkZone(zone);
  if (av.windows.length === 0) return [];
  const off = new Set(av.datesOff.map(dayOfIso));
  const first = localDayOf(zone, fromMs) - 1;
  const last = localDayOf(zone, toMs) + 1;
  const raw: Interval[] = [];
  for (let d = first; d <= last; d++) {
    if (off.has(d)) continue;
    const weekday = weekdayOf(d);
    for (const w of av.windows) {
      if (w.day !== weekday) continue;
      const startMs = wallMs(zone, d, minutesOf(w.start));
      const endMs = wallMs(zone, d, minutesOf(w.end));
      if (endMs > startMs) raw.push({ startMs, endMs });
    }
  }
  raw.sort((x, y) => x.startMs - y.startMs || x.endMs - y.endMs);
  const merged: Interval[] = [];
  for (const iv of raw) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && iv.startMs <= prev.endMs) prev.endMs = Math.max(prev.endMs, iv.endMs);
    else merged.push({ ...iv });
  }
  return merged;
}
