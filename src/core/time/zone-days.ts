import { IANAZone } from "luxon";

const MIN_MS = 60_000;
const HOUR_MS = 60 * MIN_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Every UTC guess a wall-clock conversion can make for one local date lies within this
 * margin of the date: offsets reach ±14 h, and luxon's provisional offset (the zone's offset
 * now) differs from the true one by at most a few hours.
 */
const MARGIN_MS = 17 * HOUR_MS;
/** How densely a date's neighbourhood is sampled for offset changes (no real transition pair is closer). */
const PROBE_MS = 3 * HOUR_MS;
/** Entries kept per cache before it is cleared: a few zones × a few weeks in normal use. */
const CACHE_LIMIT = 20_000;

/**
 * The UTC offset (minutes) a zone keeps all through one local date and its neighbourhood,
 * or null when the offset changes anywhere near that date (a DST day, or its neighbours).
 * Computed once per (zone, date) with the platform's zone data and cached: a 14-day mask
 * needs about 16 entries per zone, shared by every member in that zone.
 */
const steadyOffsets = new Map<string, number | null>();

/** Local date ordinal (days since 1970-01-01) → the offset held all day, or null on a changing day. */
export function steadyOffset(zone: string, day: number): number | null {
  const key = `${zone}|${day}`;
  const hit = steadyOffsets.get(key);
  if (hit !== undefined) return hit;
  const z = IANAZone.create(zone);
  const from = day * DAY_MS - MARGIN_MS;
  const to = (day + 1) * DAY_MS + MARGIN_MS;
  const first = z.offset(from);
  let steady: number | null = first;
  for (let t = from + PROBE_MS; t < to + PROBE_MS; t += PROBE_MS) {
    if (z.offset(Math.min(t, to)) !== first) {
      steady = null;
      break;
    }
  }
  if (steadyOffsets.size >= CACHE_LIMIT) steadyOffsets.clear();
  steadyOffsets.set(key, steady);
  return steady;
}

/** Cache of instant → local date ordinal, per zone; a pool asks it twice per member for the same grid. */
const localDays = new Map<string, number>();

/** The local date (days since 1970-01-01) of instant `ms` in `zone`. */
export function localDayOf(zone: string, ms: number): number {
  const key = `${zone}|${ms}`;
  const hit = localDays.get(key);
  if (hit !== undefined) return hit;
  const day = Math.floor((ms + IANAZone.create(zone).offset(ms) * MIN_MS) / DAY_MS);
  if (localDays.size >= CACHE_LIMIT) localDays.clear();
  localDays.set(key, day);
  return day;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date ordinal; 1970-01-01 was a Thursday. */
export const weekdayOf = (day: number): number => ((((day + 3) % 7) + 7) % 7) + 1;

/** The date ordinal of an ISO date "YYYY-MM-DD", or NaN when it names no real date (such as 2026-02-30). */
export function dayOfIso(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) return Number.NaN;
  const day = Date.UTC(y, m - 1, d) / DAY_MS;
  const back = civilOf(day);
  return back.year === y && back.month === m && back.day === d ? day : Number.NaN;
}

/** The civil date of a date ordinal as { year, month, day }. */
export function civilOf(day: number): { year: number; month: number; day: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
