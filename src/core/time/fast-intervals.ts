import { DateTime } from "luxon";
import type { Availability } from "../domain/member.js";
import { assertZone, type Interval, mergeIntervals } from "./windows.js";
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
function wallMs(zone: string, day: number, minutes: number, seen: { changing: boolean }): number {
  if (minutes >= 1440) return wallMs(zone, day + 1, minutes - 1440, seen);
  const offset = steadyOffset(zone, day);
  if (offset !== null) return day * DAY_MS + (minutes - offset) * MIN_MS;
  seen.changing = true;
  const hour = Math.floor(minutes / 60);
  return DateTime.fromObject({ ...civilOf(day), hour, minute: minutes - hour * 60 }, { zone }).toMillis();
}

/** Intervals already computed, by zone, availability and local dates; least recently used first. */
const memo = new Map<string, Interval[]>();
/** Members' availabilities kept at once: a few kilobytes each. */
const MEMO_LIMIT = 20_000;

/**
 * Exactly `freeIntervals(av, zone, fromMs, toMs)` (same dates, same DST handling, same
 * merging), computed without luxon on every date whose UTC offset holds all day: offsets are
 * looked up once per zone and date (see zone-days.ts) and windows placed arithmetically.
 * Results are remembered per (zone, availability, local dates covered), so a member's free
 * time is computed once and reused until their availability changes or the dates move on;
 * the 15-minute grid is not part of the key. Dates near an offset change are never
 * remembered (luxon resolves them by the current date). The returned array is shared: do not
 * modify it. A property test pins it bit for bit to the luxon implementation.
 */
export function fastFreeIntervals(av: Availability, zone: string, fromMs: number, toMs: number): readonly Interval[] {
  checkZone(zone);
  if (av.windows.length === 0) return [];
  const first = localDayOf(zone, fromMs) - 1;
  const last = localDayOf(zone, toMs) + 1;
  let key = `${zone}|${first}|${last}|${av.datesOff.join()}`;
  for (const w of av.windows) key += `|${w.day}${w.start}${w.end}`;
  const hit = memo.get(key);
  if (hit !== undefined) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const seen = { changing: false };
  const out = compute(av, zone, first, last, seen);
  if (!seen.changing) {
    if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value ?? "");
    memo.set(key, out);
  }
  return out;
}

function compute(av: Availability, zone: string, first: number, last: number, seen: { changing: boolean }): Interval[] {
  const off = new Set(av.datesOff.map(dayOfIso));
  const raw: Interval[] = [];
  for (let d = first; d <= last; d++) {
    if (off.has(d)) continue;
    const weekday = weekdayOf(d);
    for (const w of av.windows) {
      if (w.day !== weekday) continue;
      const startMs = wallMs(zone, d, minutesOf(w.start), seen);
      const endMs = wallMs(zone, d, minutesOf(w.end), seen);
      if (endMs > startMs) raw.push({ startMs, endMs });
    }
  }
  return mergeIntervals(raw);
}
