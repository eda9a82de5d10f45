import type { WeeklyWindow } from "../domain/index.js";

/*
 * Editing weekly windows as sets of minutes per weekday: `availability add` and `remove` change
 * the schedule instead of replacing it. Wall-clock minutes within a day, no zones involved.
 */

const minutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

type Span = [number, number];

/** Each day's spans, sorted and merged (touching spans join: 9-12 and 12-14 are 9-14). */
function byDay(windows: readonly WeeklyWindow[]): Map<number, Span[]> {
  const days = new Map<number, Span[]>();
  for (const w of windows) days.set(w.day, [...(days.get(w.day) ?? []), [minutes(w.start), minutes(w.end)]]);
  for (const [day, spans] of days) {
    const merged: Span[] = [];
    for (const s of spans.sort((a, b) => a[0] - b[0])) {
      const last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else merged.push([s[0], s[1]]);
    }
    days.set(day, merged);
  }
  return days;
}

const toWindows = (days: Map<number, Span[]>): WeeklyWindow[] =>
  [...days.entries()].sort((a, b) => a[0] - b[0]).flatMap(([day, spans]) => spans.map(([s, e]) => ({ day, start: hhmm(s), end: hhmm(e) })));

/** The windows, tidied: sorted by day and time, overlapping or touching ones merged. */
export const tidyWindows = (windows: readonly WeeklyWindow[]): WeeklyWindow[] => toWindows(byDay(windows));

/** `current` with `added` free as well. */
export const addWindows = (current: readonly WeeklyWindow[], added: readonly WeeklyWindow[]): WeeklyWindow[] =>
  tidyWindows([...current, ...added]);

/** `current` without the times in `removed` (a window partly removed keeps what is left of it). */
export function removeWindows(current: readonly WeeklyWindow[], removed: readonly WeeklyWindow[]): WeeklyWindow[] {
  const days = byDay(current);
  for (const [day, cuts] of byDay(removed)) {
    let spans = days.get(day) ?? [];
    for (const [cs, ce] of cuts)
      spans = spans.flatMap(([s, e]): Span[] => {
        if (ce <= s || cs >= e) return [[s, e]];
        return [...(s < cs ? [[s, cs] as Span] : []), ...(ce < e ? [[ce, e] as Span] : [])];
      });
    days.set(day, spans);
  }
  return toWindows(days);
}
