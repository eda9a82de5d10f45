import { DateTime } from "luxon";
import type { Availability, WeeklyWindow } from "../domain/member.js";
import { assertZone, freeIntervals } from "./windows.js";

const DAY_MS = 24 * 3600_000;

/** A weekly run of hours as one reader sees it: on `days` (ISO weekdays), from `start` to `end` local time. */
export interface LocalHours {
  days: number[];
  start: string;
  /** May be "24:00"; earlier than `start` when the run goes past midnight into the next day. */
  end: string;
}

const hhmm = (dt: DateTime): string => dt.toFormat("HH:mm");

/**
 * Someone's weekly free hours (`av` in `zone`, windows taken as given) as they fall in
 * `viewerZone` over the seven days from `from`: runs with the same local start and end are
 * grouped by weekday, in weekday order of their first day. DST-correct for that week.
 * Throws PercolateError for an invalid zone.
 */
export function hoursInZone(av: Availability, zone: string, viewerZone: string, from: Date): LocalHours[] {
  assertZone(viewerZone);
  const fromMs = from.getTime();
  const toMs = fromMs + 7 * DAY_MS;
  const groups = new Map<string, LocalHours>();
  for (const iv of freeIntervals(av, zone, fromMs, toMs)) {
    if (iv.startMs < fromMs || iv.startMs >= toMs) continue;
    const s = DateTime.fromMillis(iv.startMs, { zone: viewerZone });
    const e = DateTime.fromMillis(iv.endMs, { zone: viewerZone });
    const end = hhmm(e) === "00:00" && e.toISODate() !== s.toISODate() ? "24:00" : hhmm(e);
    const key = `${hhmm(s)}-${end}`;
    const g = groups.get(key) ?? { days: [], start: hhmm(s), end };
    if (!g.days.includes(s.weekday)) g.days.push(s.weekday);
    groups.set(key, g);
  }
  const out = [...groups.values()];
  for (const g of out) g.days.sort((a, b) => a - b);
  return out.sort((a, b) => (a.days[0] ?? 0) - (b.days[0] ?? 0) || (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
}

/** Splits runs that go past midnight into two weekly windows (the tail on the next weekday). */
export function windowsOf(hours: readonly LocalHours[]): WeeklyWindow[] {
  const out: WeeklyWindow[] = [];
  for (const h of hours) {
    for (const day of h.days) {
      if (h.end > h.start) out.push({ day, start: h.start, end: h.end });
      else {
        out.push({ day, start: h.start, end: "24:00" });
        if (h.end !== "00:00") out.push({ day: (day % 7) + 1, start: "00:00", end: h.end });
      }
    }
  }
  return out;
}

const minutes = (t: string): number => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const clock = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** `w` cut to the local hours [from, to); null when nothing is left. */
export function clip(w: WeeklyWindow, from: string, to: string): WeeklyWindow | null {
  const s = Math.max(minutes(w.start), minutes(from));
  const e = Math.min(minutes(w.end), minutes(to));
  return e > s ? { day: w.day, start: clock(s), end: clock(e) } : null;
}

/**
 * Weekly windows merged per day (overlapping or touching runs joined) and grouped back into
 * runs shared by several days: the shortest faithful list to show or to type back.
 */
export function mergeWindows(ws: readonly WeeklyWindow[]): LocalHours[] {
  const perDay = new Map<number, [number, number][]>();
  for (const w of ws) perDay.set(w.day, [...(perDay.get(w.day) ?? []), [minutes(w.start), minutes(w.end)]]);
  const groups = new Map<string, LocalHours>();
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    const runs = (perDay.get(day) ?? []).sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const r of runs) {
      const last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    for (const [s, e] of merged) {
      const key = `${s}-${e}`;
      const g = groups.get(key) ?? { days: [], start: clock(s), end: clock(e) };
      g.days.push(day);
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : (a.days[0] ?? 0) - (b.days[0] ?? 0)));
}

const DAY_WORDS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/**
 * ISO weekdays in week order; when Sunday and Monday are both in, starting after the largest
 * gap, so a run over the weekend stays one run: [1, 2, 3, 4, 7] → [7, 1, 2, 3, 4] (Sunday to Thursday).
 */
export function weekOrder(days: readonly number[]): number[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  // Only a run through Sunday into Monday is worth rotating for; otherwise the week starts on Monday.
  if (sorted.length === 7 || !(sorted.includes(1) && sorted.includes(7))) return sorted;
  let start = 0;
  let widest = -1;
  sorted.forEach((d, i) => {
    const prev = sorted[(i + sorted.length - 1) % sorted.length] ?? d;
    const gap = (d - prev + 7) % 7;
    if (gap > widest) {
      widest = gap;
      start = i;
    }
  });
  return [...sorted.slice(start), ...sorted.slice(0, start)];
}

/** Is `b` the weekday after `a` (Sunday is followed by Monday)? */
export const nextDay = (a: number, b: number): boolean => b === (a % 7) + 1;

/** ISO weekdays as the availability command reads them: "mon-fri", "tue,thu", "mon-wed,sat", "sun-thu". */
export function daysText(days: readonly number[]): string {
  const sorted = weekOrder(days);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && nextDay(sorted[j] ?? 0, sorted[j + 1] ?? 0)) j++;
    const a = DAY_WORDS[(sorted[i] ?? 1) - 1] ?? "";
    const b = DAY_WORDS[(sorted[j] ?? 1) - 1] ?? "";
    parts.push(j - i >= 2 ? `${a}-${b}` : j === i ? a : `${a},${b}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** Runs as the text the `availability` command reads back: "mon-fri 09:00-17:00; sat 10:00-12:00". */
export function availabilityText(hours: readonly LocalHours[]): string {
  return hours.map((h) => `${daysText(h.days)} ${h.start}-${h.end}`).join("; ");
}
